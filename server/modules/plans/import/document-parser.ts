/**
 * Runs the document libraries (mammoth for .docx, unpdf for .pdf) in a worker thread per
 * document, with a time limit and a memory limit (worker_threads resourceLimits). A 225 KB
 * .docx inflating to 63 MB once held the main thread for 93–145 s and grew the server from 0.7
 * to 2.6 GB while every other request waited (issue 22 item 5): now such a file costs its own
 * thread until a limit stops it, the person gets PLAN_FILE_TOO_COMPLEX, and the server answers
 * everyone else meanwhile. At most two documents are parsed at once (two cores); others wait
 * their turn.
 *
 * The worker is plain JavaScript found from the repository's root (platform/project-paths.ts),
 * as the PGlite worker is: the same file serves the sources (tsx, tests) and the bundle.
 */
import { Worker } from 'node:worker_threads';
import { projectPath } from '../../../platform/project-paths.ts';
import { planFileError } from './plan-file-errors.ts';

const WORKER = projectPath('server/modules/plans/import/document-worker.mjs');

export interface ParseLimits {
  /** Wall time for one document, loading the library included. */
  timeoutMs: number;
  /** The worker's V8 heap: past it, the worker is stopped (ERR_WORKER_OUT_OF_MEMORY). */
  maxHeapMb: number;
}

/**
 * A real plan (a few MB of document.xml at most) parses in a few seconds and under 300 MB; the
 * limits leave it room several times over on a busy two-core machine.
 */
export const PARSE_LIMITS: ParseLimits = { timeoutMs: 30_000, maxHeapMb: 512 };
const MAX_PARALLEL = 2;

export interface DocxParsed {
  html: string;
  warnings: string[];
}
export interface PdfParsed {
  pages: string[];
  totalPages: number;
}
/** A library's own failure (a corrupt file, a password), for the caller to name. */
export class DocumentParseError extends Error {
  constructor(
    readonly libraryError: { name: string; message: string },
    readonly format: 'docx' | 'pdf',
  ) {
    super(`${format}: ${libraryError.name}: ${libraryError.message}`);
    this.name = 'DocumentParseError';
  }
}

let running = 0;
const waiting: (() => void)[] = [];
async function turn(): Promise<() => void> {
  if (running >= MAX_PARALLEL) await new Promise<void>((resolve) => waiting.push(resolve));
  running++;
  return () => {
    running--;
    waiting.shift()?.();
  };
}

const seconds = (ms: number) => (ms / 1000).toLocaleString('vi-VN', { maximumFractionDigits: 1 });
const LABEL = { docx: 'văn bản Word (.docx)', pdf: 'tệp PDF' } as const;
const tooComplex = (format: 'docx' | 'pdf', why: string, details: Record<string, unknown>) =>
  planFileError(
    'PLAN_FILE_TOO_COMPLEX',
    `Tệp ${LABEL[format]} quá phức tạp để đọc (${why}) — có thể là tệp độc hại, không xử lý. Hãy lưu lại tệp hoặc gửi bản .txt.`,
    details,
  );

function runWorker(format: 'docx' | 'pdf', bytes: Uint8Array, limits: ParseLimits): Promise<unknown> {
  return new Promise((resolve, reject) => {
    const worker = new Worker(WORKER, {
      workerData: { format, bytes },
      resourceLimits: { maxOldGenerationSizeMb: limits.maxHeapMb, maxYoungGenerationSizeMb: 32 },
      // pdf.js warns on the console: kept away from the CLI's JSON on stdout and from the server's log.
      stdout: true,
      stderr: true,
    });
    worker.stdout.resume();
    worker.stderr.resume();
    let settled = false;
    const settle = (fn: () => void) => {
      if (settled) return;
      settled = true;
      clearTimeout(timer);
      void worker.terminate();
      fn();
    };
    const timer = setTimeout(
      () =>
        settle(() =>
          reject(tooComplex(format, `đọc quá ${seconds(limits.timeoutMs)} giây`, { timeoutMs: limits.timeoutMs })),
        ),
      limits.timeoutMs,
    );
    worker.on('message', (m: { ok: boolean; result?: unknown; error?: { name: string; message: string } }) =>
      settle(() => (m.ok ? resolve(m.result) : reject(new DocumentParseError(m.error!, format)))),
    );
    // The libraries' own errors come as a message; an 'error' event is the memory limit, or a
    // fault of the worker itself (not the file's): that one goes up as it is, logged as ours.
    worker.on('error', (err: NodeJS.ErrnoException) =>
      settle(() =>
        reject(
          err.code === 'ERR_WORKER_OUT_OF_MEMORY'
            ? tooComplex(format, `cần hơn ${limits.maxHeapMb} MB bộ nhớ`, { maxHeapMb: limits.maxHeapMb })
            : err,
        ),
      ),
    );
    worker.on('exit', (code) =>
      settle(() => reject(new Error(`Tiến trình đọc tệp ${format} dừng (mã ${code}) mà không trả lời.`))),
    );
  });
}

/** A .docx to mammoth's HTML, in a worker within the limits. */
export async function parseDocx(bytes: Uint8Array, limits = PARSE_LIMITS): Promise<DocxParsed> {
  const done = await turn();
  try {
    return (await runWorker('docx', bytes, limits)) as DocxParsed;
  } finally {
    done();
  }
}

/** A .pdf to the text of each page, in a worker within the limits. */
export async function parsePdf(bytes: Uint8Array, limits = PARSE_LIMITS): Promise<PdfParsed> {
  const done = await turn();
  try {
    return (await runWorker('pdf', bytes, limits)) as PdfParsed;
  } finally {
    done();
  }
}
