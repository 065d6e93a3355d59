/**
 * The one ZIP reader of the server (yauzl), for every archive that comes from outside: a task's
 * evidence or a report's attachment (.docx, .xlsx), a plan (.docx, before mammoth), a value
 * file (.xlsx, before exceljs). It answers what is inside — names, real sizes, the first bytes
 * of each entry — and refuses an archive that would cost too much to open, BEFORE anything
 * parses it:
 *
 * 1. from the central directory: at most `maxEntries` entries, each entry and all of them
 *    together within their limits by their declared sizes (the cheap check: a honest zip bomb
 *    stops here, nothing inflated);
 * 2. then every entry is really inflated, streamed, counting the bytes that come out: yauzl
 *    stops an entry the moment it yields more than its directory entry declared (a directory
 *    can lie), and the count stops the whole archive at its limit — so entries that share one
 *    stream (overlapping entries) are counted as often as a reader would inflate them.
 *
 * Errors are `ZipRefused` with a reason; each caller answers with its own codes and words.
 */
import { Writable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import yauzl from 'yauzl';

export interface ZipLimits {
  /** Most entries (files and folders). */
  maxEntries: number;
  /** Most bytes of all entries together, inflated. */
  maxTotalBytes: number;
  /** Most bytes of one entry, inflated (by name: an XML part may get less than an image). */
  maxEntryBytes: (name: string) => number;
}

export interface ZipEntryInfo {
  name: string;
  /** Inflated size, counted while inflating (not the declared one). */
  size: number;
  compressedSize: number;
  /** The first bytes of the entry, to tell what it is by its content. */
  head: Uint8Array;
  /** The entry holds a Windows program's DOS stub somewhere ("This program cannot be run in DOS mode"). */
  holdsProgram: boolean;
}

export type ZipRefusal = 'corrupt' | 'encrypted' | 'too_many_entries' | 'too_large';

export class ZipRefused extends Error {
  constructor(
    readonly reason: ZipRefusal,
    readonly entry?: string,
    cause?: unknown,
  ) {
    super(`zip refused: ${reason}${entry ? ` (${entry})` : ''}`, cause === undefined ? undefined : { cause });
    this.name = 'ZipRefused';
  }
}

const HEAD_BYTES = 4100; // what file-type needs to recognise a type
const DOS_STUB = Buffer.from('This program cannot be run in DOS mode', 'latin1');

const open = (bytes: Uint8Array) =>
  new Promise<yauzl.ZipFile>((resolve, reject) =>
    yauzl.fromBuffer(
      Buffer.from(bytes.buffer, bytes.byteOffset, bytes.byteLength),
      { lazyEntries: true, decodeStrings: true, validateEntrySizes: true, strictFileNames: false },
      (err, zip) => (err || !zip ? reject(new ZipRefused('corrupt', undefined, err)) : resolve(zip)),
    ),
  );

/** All entries from the central directory, without inflating anything. */
function listEntries(zip: yauzl.ZipFile, limits: ZipLimits): Promise<yauzl.Entry[]> {
  return new Promise((resolve, reject) => {
    const entries: yauzl.Entry[] = [];
    let declared = 0;
    zip.on('entry', (e: yauzl.Entry) => {
      declared += e.uncompressedSize;
      if (e.uncompressedSize > limits.maxEntryBytes(e.fileName) || declared > limits.maxTotalBytes) {
        zip.close();
        return reject(new ZipRefused('too_large', e.fileName));
      }
      if (e.isEncrypted()) {
        zip.close();
        return reject(new ZipRefused('encrypted', e.fileName));
      }
      entries.push(e);
      zip.readEntry();
    });
    zip.on('end', () => resolve(entries));
    zip.on('error', (err) => reject(err instanceof ZipRefused ? err : new ZipRefused('corrupt', undefined, err)));
    zip.readEntry();
  });
}

const openEntry = (zip: yauzl.ZipFile, e: yauzl.Entry) =>
  new Promise<NodeJS.ReadableStream>((resolve, reject) =>
    zip.openReadStream(e, (err, stream) =>
      err || !stream ? reject(new ZipRefused('corrupt', e.fileName, err)) : resolve(stream),
    ),
  );

/** What is inside a ZIP archive, every entry inflated within the limits; throws ZipRefused. */
export async function inspectZip(bytes: Uint8Array, limits: ZipLimits): Promise<ZipEntryInfo[]> {
  const zip = await open(bytes);
  if (zip.entryCount > limits.maxEntries) {
    zip.close();
    throw new ZipRefused('too_many_entries');
  }
  const entries = await listEntries(zip, limits);
  const out: ZipEntryInfo[] = [];
  let total = 0;
  for (const e of entries) {
    if (e.fileName.endsWith('/')) continue; // a folder
    const entryLimit = limits.maxEntryBytes(e.fileName);
    let size = 0;
    const head: Buffer[] = [];
    let headBytes = 0;
    let tail = Buffer.alloc(0);
    let holdsProgram = false;
    const counter = new Writable({
      write(chunk: Buffer, _enc, done) {
        size += chunk.length;
        total += chunk.length;
        if (size > entryLimit || total > limits.maxTotalBytes) return done(new ZipRefused('too_large', e.fileName));
        if (headBytes < HEAD_BYTES) {
          head.push(chunk.subarray(0, HEAD_BYTES - headBytes));
          headBytes += Math.min(chunk.length, HEAD_BYTES - headBytes);
        }
        // The stub may straddle two chunks: look in this one, and across the seam with the last.
        if (!holdsProgram) {
          const seam = Buffer.concat([tail, chunk.subarray(0, DOS_STUB.length - 1)]);
          holdsProgram = chunk.includes(DOS_STUB) || seam.includes(DOS_STUB);
          tail = Buffer.from(chunk.subarray(Math.max(0, chunk.length - DOS_STUB.length + 1)));
        }
        done();
      },
    });
    try {
      await pipeline(await openEntry(zip, e), counter);
    } catch (err) {
      zip.close();
      if (err instanceof ZipRefused) throw err;
      // yauzl: "too many bytes in the stream" — the entry inflates past what the directory declared.
      if (/too many bytes/i.test(String((err as Error).message))) throw new ZipRefused('too_large', e.fileName, err);
      throw new ZipRefused('corrupt', e.fileName, err);
    }
    out.push({
      name: e.fileName,
      size,
      compressedSize: e.compressedSize,
      head: new Uint8Array(Buffer.concat(head)),
      holdsProgram,
    });
  }
  zip.close();
  return out;
}

/** What an Office Open XML archive is, by the parts it holds (null: some other ZIP). */
export function officeKindOf(entries: { name: string }[]): 'docx' | 'xlsx' | 'pptx' | null {
  const names = new Set(entries.map((e) => e.name));
  if (!names.has('[Content_Types].xml')) return null;
  if (names.has('word/document.xml')) return 'docx';
  if (names.has('xl/workbook.xml')) return 'xlsx';
  if (names.has('ppt/presentation.xml')) return 'pptx';
  return null;
}
