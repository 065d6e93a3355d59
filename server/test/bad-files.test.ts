/**
 * Bad files against EVERY multipart upload of the API (issue 8).
 *
 * The upload endpoints are found in the OpenAPI document (POST operations whose summary says
 * "multipart"); each one we know how to address gets the whole corpus below, generated at
 * run time (nothing committed): a truncated .docx, a .pdf with no text layer, zip bombs (one
 * entry that inflates far past its declared size, and 40 central-directory entries sharing
 * one 100 MB deflate stream: 4 GB if a reader inflated them all), a 25 MB file, wrong
 * extensions (an .exe renamed .pdf, a PNG named .docx), an empty file, TCVN3 and VNI text,
 * and a file name with path traversal and Vietnamese characters; and the files of issue 22
 * item 7 that are not what they claim (a Windows program with "%PDF-1.7" in its DOS stub named
 * setup.pdf, a web page with "%PDF-" in its first kilobyte, a PNG header followed by a web page,
 * a .docx carrying an .exe, a 1 MB .docx inflating to 1 GiB), which every endpoint must refuse.
 *
 * Every answer must be a 4xx with a stable code and a Vietnamese message, or a 2xx when the
 * content is fine — never a 5xx — and a refused file must leave every table as it was.
 *
 * Then what comes before the file (issue 22 item 12): an anonymous upload is answered 401, and
 * one without its CSRF header 403, before its body is read — over a real socket, with the body
 * never finished. And what comes after (issue 22 item 5): while a plan import parses a hostile
 * .docx, other requests are answered.
 */
import crypto from 'node:crypto';
import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import path from 'node:path';
import zlib from 'node:zlib';
import { Document, Packer, Paragraph } from 'docx';
import { sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { encodeTcvn3, encodeVni } from '../modules/plans/import/legacy-encodings.ts';
import {
  docxCarryingExe,
  docxCostlyToParse,
  docxInflatingTo1GiB,
  docxOf63MB,
  exeWithPdfInStub,
  handZip,
  htmlWithPdfMarker,
  pngThenHtml,
} from './hostile-files.ts';
import { buildTestApp, type Session, type TestApp } from './test-app.ts';

let t: TestApp;
let vanhoa: Session;
let leader: Session;
let kinhte: Session;
let communeId = '';
let taskId = '';
let reportUpload = '';
let phuthinhPlan: Session;
let fingerprintSql = '';
const tally = { tried: 0, crashes: 0, accepted: 0, refused: 0 };

// ---- the corpus ------------------------------------------------------------------------

const planText = fs.readFileSync(
  path.resolve(import.meta.dirname, '../modules/plans/import/fixtures/numbered-plan.txt'),
  'utf8',
);
function zipBombs(): { lying: Buffer; overlapping: Buffer } {
  const zeros = Buffer.alloc(100 * 1024 * 1024); // 100 MB of zeros → ~100 KB deflated
  const deflated = zlib.deflateRawSync(zeros, { level: 9 });
  const crc = zlib.crc32(zeros);
  const contentTypes = Buffer.from(
    '<?xml version="1.0"?><Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"/>',
  );
  const ct = {
    name: '[Content_Types].xml',
    data: contentTypes,
    crc: zlib.crc32(contentTypes),
    rawSize: contentTypes.length,
    method: 0 as const,
  };
  // 1. One document.xml whose header claims 1 KB but which inflates to 100 MB.
  const lying = handZip([ct, { name: 'word/document.xml', data: deflated, crc, rawSize: 1024, method: 8 }]);
  // 2. 40 entries (document.xml, headers, footers…) all pointing at the same 100 MB stream.
  const names = ['word/document.xml', ...Array.from({ length: 39 }, (_, i) => `word/header${i + 1}.xml`)];
  const overlapping = handZip(
    names.map((name) => ({ name, data: deflated, crc, rawSize: zeros.length, method: 8 as const })),
    true,
  );
  return { lying, overlapping };
}

/** A PDF with one page and a drawn rectangle: no text layer at all (a scan looks like this). */
function pdfWithoutText(): Buffer {
  const content = '0 0 1 rg 100 100 300 300 re f\n';
  const objects = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    '<< /Type /Pages /Kids [3 0 R] /Count 1 >>',
    '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595 842] /Contents 4 0 R /Resources << >> >>',
    `<< /Length ${content.length} >>\nstream\n${content}endstream`,
  ];
  let out = '%PDF-1.4\n';
  const offsets: number[] = [];
  objects.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objects.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objects.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

const PNG = Buffer.from(
  'iVBORw0KGgoAAAANSUhEUgAAAAEAAAABCAYAAAAfFcSJAAAADUlEQVR42mP8z8BQDwAEhQGAhKmMIQAAAABJRU5ErkJggg==',
  'base64',
);
const EXE = Buffer.concat([
  Buffer.from('MZ\x90\x00\x03\x00\x00\x00\x04\x00\x00\x00\xff\xff', 'latin1'),
  Buffer.alloc(64),
  Buffer.from('This program cannot be run in DOS mode.\r\n', 'latin1'),
  crypto.randomBytes(2048),
]);

interface BadFile {
  label: string;
  name: string;
  bytes: Buffer;
  type: string;
}

async function corpus(): Promise<BadFile[]> {
  const docx = Buffer.from(
    await Packer.toBuffer(
      new Document({ sections: [{ children: planText.split('\n').map((l) => new Paragraph(l)) }] }),
    ),
  );
  const { lying, overlapping } = zipBombs();
  const legacy = planText.replace(/[^\x00-\x7f\u00c0-\u1ef9]/g, ' ');
  return [
    {
      label: 'truncated .docx',
      name: 'ke-hoach.docx',
      bytes: docx.subarray(0, Math.floor(docx.length / 2)),
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    { label: 'a .pdf with no text layer', name: 'ban-scan.pdf', bytes: pdfWithoutText(), type: 'application/pdf' },
    {
      label: 'zip bomb: one entry inflating to 100 MB, declared 1 KB',
      name: 'bom.docx',
      bytes: lying,
      type: 'application/octet-stream',
    },
    {
      label: 'zip bomb: 40 entries sharing one 100 MB stream (4 GB)',
      name: 'bom-chong.docx',
      bytes: overlapping,
      type: 'application/octet-stream',
    },
    {
      label: 'a 25 MB file',
      name: 'rat-lon.pdf',
      bytes: Buffer.concat([pdfWithoutText(), Buffer.alloc(25 * 1024 * 1024, 0x20)]),
      type: 'application/pdf',
    },
    { label: 'an .exe renamed .pdf', name: 'bao-cao.pdf', bytes: EXE, type: 'application/pdf' },
    {
      label: 'a PNG named .docx',
      name: 'to-trinh.docx',
      bytes: PNG,
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    { label: 'an empty file', name: 'rong.txt', bytes: Buffer.alloc(0), type: 'text/plain' },
    { label: 'TCVN3 text', name: 'ke-hoach-tcvn3.txt', bytes: Buffer.from(encodeTcvn3(legacy)), type: 'text/plain' },
    { label: 'VNI text', name: 'ke-hoach-vni.txt', bytes: Buffer.from(encodeVni(legacy)), type: 'text/plain' },
    {
      label: 'path traversal + Vietnamese file name',
      name: '../../../etc/Kế hoạch chuyển đổi số (bản cuối).txt',
      bytes: Buffer.from(planText, 'utf8'),
      type: 'text/plain',
    },
    {
      label: 'a NUL byte in the file name',
      name: 'Kế hoạch\u0000.txt',
      bytes: Buffer.from(planText, 'utf8'),
      type: 'text/plain',
    },
    {
      label: 'a NUL byte in the file name, real PDF',
      name: 'Biên bản\u0000.pdf',
      bytes: pdfWithoutText(),
      type: 'application/pdf',
    },
    {
      label: 'path traversal (Windows) + Vietnamese file name, real PDF',
      name: '..\\..\\Windows\\Biên bản nghiệm thu.pdf',
      bytes: pdfWithoutText(),
      type: 'application/pdf',
    },
    // Issue 22 item 7: not what they claim.
    {
      label: 'a Windows program with %PDF-1.7 in its DOS stub, named setup.pdf',
      name: 'setup.pdf',
      bytes: exeWithPdfInStub(),
      type: 'application/pdf',
    },
    {
      label: 'a web page with %PDF- in its first kilobyte',
      name: 'bien-ban.pdf',
      bytes: htmlWithPdfMarker(),
      type: 'application/pdf',
    },
    { label: 'a PNG header followed by a web page', name: 'anh.png', bytes: pngThenHtml(), type: 'image/png' },
    {
      label: 'a .docx carrying an .exe',
      name: 'ke-hoach.docx',
      bytes: await docxCarryingExe(),
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
    {
      label: 'a 1 MB .docx inflating to 1 GiB',
      name: 'bien-ban.docx',
      bytes: docxInflatingTo1GiB(),
      type: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    },
  ];
}

/** Files no endpoint may accept, whatever it does with a file (issue 22 item 7). */
const NOT_WHAT_THEY_CLAIM = [
  'a Windows program with %PDF-1.7 in its DOS stub, named setup.pdf',
  'a web page with %PDF- in its first kilobyte',
  'a PNG header followed by a web page',
  'a .docx carrying an .exe',
  'a 1 MB .docx inflating to 1 GiB',
];

// ---- the endpoints ---------------------------------------------------------------------

/** How to reach each multipart upload of the API, and as whom. */
const UPLOADS: Record<string, () => { url: string; session: Session }> = {
  '/api/v1/plans/imports': () => ({ url: `/api/v1/plans/imports?communeId=${communeId}`, session: vanhoa }),
  '/api/v1/tasks/{id}/files': () => ({ url: `/api/v1/tasks/${taskId}/files`, session: kinhte }),
  '/api/v1/dashboards/imports': () => ({ url: '/api/v1/dashboards/imports', session: vanhoa }),
  '/api/v1/reporting/periods/{id}/units/{unitId}/attachments': () => ({ url: reportUpload, session: phuthinhPlan }),
};

/**
 * Known bugs: the case is expected to fail (`it.fails`) until the module is fixed. None open.
 * (Fixed: plans/imports with a NUL in the file name answered 500 — the name went unchanged
 * into plan_imports.file_name and PostgreSQL refuses U+0000 in text.)
 */
const KNOWN_BUGS: Record<string, string> = {};

const VIETNAMESE = /[àáạảãâầấậẩẫăằắặẳẵèéẹẻẽêềếệểễìíịỉĩòóọỏõôồốộổỗơờớợởỡùúụủũưừứựửữỳýỵỷỹđ]/i;

async function fingerprint(): Promise<Record<string, string>> {
  return (await sql<{ f: Record<string, string> }>`${sql.raw(fingerprintSql)}`.execute(t.database.db)).rows[0].f;
}

let files: BadFile[] = [];
let uploadPaths: string[] = [];

beforeAll(async () => {
  // This app also listens on a port (the tests of requests whose body never ends): no reminder loop.
  t = await buildTestApp({ REMINDER_INTERVAL_MINUTES: '0' });
  [vanhoa, leader, kinhte] = await Promise.all(
    ['vinhbao.vanhoa', 'vinhbao.chutich', 'vinhbao.kinhte'].map((u) => t.signIn(u)),
  );
  const byCode = async (code: string) =>
    (await t.request(leader, { method: 'GET', url: `/api/v1/org/by-code/${code}` })).json().id as string;
  communeId = await byCode('11824');
  const [unitKT, unitTT] = await Promise.all(['11824-KT', '11824-TTPVHCC'].map(byCode));
  // A task led by Phòng Kinh tế: its assignee (vinhbao.kinhte) may upload evidence.
  const today = new Date().toISOString().slice(0, 10);
  const due = new Date(Date.now() + 30 * 86400_000).toISOString().slice(0, 10);
  const task = await t.request(leader, {
    method: 'POST',
    url: '/api/v1/tasks',
    payload: {
      communeId,
      source: 'meeting',
      sourceRef: 'Thông báo kết luận số 12/TB-UBND',
      title: 'Diễn tập tải tệp xấu',
      leadUnitId: unitKT,
      assigneeId: kinhte.userId,
      partnerUnitIds: [unitTT],
      approverId: leader.userId,
      approvingAuthority: 'Chủ tịch UBND xã',
      expectedProduct: 'Báo cáo',
      startDate: today,
      dueDate: due,
      milestones: [{ title: 'Xong 50%', dueDate: due }],
    },
  });
  expect(task.statusCode, task.body).toBe(201);
  taskId = task.json().id;
  // A unit's report for 2026-Q1 in xã Phú Thịnh (its demo plan has the reporting calendar), as its plan officer.
  phuthinhPlan = await t.signIn('phuthinh.vanhoa');
  const phuthinh = (await t.request(phuthinhPlan, { method: 'GET', url: '/api/v1/org/by-code/05800' })).json().id;
  const q1 = (
    await t.request(phuthinhPlan, { method: 'GET', url: `/api/v1/reporting/calendar?communeId=${phuthinh}&year=2026` })
  )
    .json()
    .periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q1');
  reportUpload = `/api/v1/reporting/periods/${q1.id}/units/${q1.units[0].unitId}/attachments`;

  const tables = (
    await sql<{ name: string }>`select tablename as name from pg_tables where schemaname = 'public' order by 1`.execute(
      t.database.db,
    )
  ).rows.map((r) => r.name);
  fingerprintSql = `select json_build_object(${tables
    .filter((n) => n !== 'sessions')
    .map((n) => `'${n}', (select count(*)::text || ':' || coalesce(max(xmin::text::bigint), 0)::text from "${n}")`)
    .join(', ')}) as f`;

  const doc = (await t.app.inject({ method: 'GET', url: '/api/docs/json' })).json();
  uploadPaths = Object.entries(doc.paths as Record<string, any>)
    .filter(([, item]) => item.post && /multipart/i.test(`${item.post.summary ?? ''} ${item.post.description ?? ''}`))
    .map(([p]) => p);
  files = await corpus();
}, 300_000);

afterAll(async () => {
  console.log(
    `bad files: ${tally.tried} uploads tried (${files.length} files × ${uploadPaths.length} endpoints: ${uploadPaths.join(', ')}); ` +
      `crashes (5xx): ${tally.crashes}; refused with a code: ${tally.refused}; accepted: ${tally.accepted}`,
  );
  await t?.close();
});

describe('bad files against every upload endpoint', () => {
  it('finds every multipart upload in the OpenAPI document, and knows how to reach each', () => {
    expect(uploadPaths).toEqual(expect.arrayContaining(['/api/v1/plans/imports', '/api/v1/tasks/{id}/files']));
    // A new upload endpoint must be added to UPLOADS, not skipped silently.
    expect(uploadPaths.filter((p) => !UPLOADS[p])).toEqual([]);
  });

  for (const endpoint of Object.keys(UPLOADS)) {
    describe(endpoint, () => {
      // The labels are known before the corpus is built (it is built in beforeAll).
      const labels = [
        'truncated .docx',
        'a .pdf with no text layer',
        'zip bomb: one entry inflating to 100 MB, declared 1 KB',
        'zip bomb: 40 entries sharing one 100 MB stream (4 GB)',
        'a 25 MB file',
        'an .exe renamed .pdf',
        'a PNG named .docx',
        'an empty file',
        'TCVN3 text',
        'VNI text',
        'path traversal + Vietnamese file name',
        'a NUL byte in the file name',
        'a NUL byte in the file name, real PDF',
        'path traversal (Windows) + Vietnamese file name, real PDF',
        ...NOT_WHAT_THEY_CLAIM,
      ];
      for (const label of labels) {
        const test = KNOWN_BUGS[`${endpoint} ${label}`] ? it.fails : it;
        test(label, { timeout: 120_000 }, async () => {
          const f = files.find((x) => x.label === label)!;
          const { url, session } = UPLOADS[endpoint]();
          const before = await fingerprint();
          const form = new FormData();
          form.append('file', new Blob([f.bytes as BlobPart], { type: f.type }), f.name);
          const t0 = Date.now();
          const res = await t.request(session, { method: 'POST', url, payload: form as never });
          const ms = Date.now() - t0;
          tally.tried++;
          const what = `${endpoint} ← ${label} (${f.name}, ${f.bytes.length} bytes) → ${res.statusCode} in ${ms} ms: ${res.body.slice(0, 300)}`;
          console.log(`bad file: ${what}`);
          if (res.statusCode >= 500) tally.crashes++;
          expect(res.statusCode, what).toBeLessThan(500);
          if (NOT_WHAT_THEY_CLAIM.includes(label))
            expect(res.statusCode, `${what} — must be refused`).toBeGreaterThanOrEqual(400);
          if (res.statusCode >= 400) {
            tally.refused++;
            const error = res.json().error;
            expect(error.code, what).toMatch(/^[A-Z][A-Z0-9_]+$/);
            expect(error.message, what).toMatch(VIETNAMESE);
            expect(res.body, what).not.toMatch(/at .*\.(ts|js|mjs):\d+/);
            const after = await fingerprint();
            const changed = Object.keys(after).filter((k) => after[k] !== before[k]);
            expect(changed, `${what} — but it wrote ${changed.join(', ')}`).toEqual([]);
          } else {
            tally.accepted++;
            // Accepted: the stored name must not carry a path (it is only a label, but a
            // download or a CLI export should never see "../").
            const stored: string = res.json().fileName ?? '';
            expect(stored, what).not.toMatch(/[\\/\u0000]/);
          }
        });
      }
    });
  }
});

// ---- before the file: who is asking (issue 22 item 12) -----------------------------------

const MULTIPART = 'multipart/form-data; boundary=xaso-boundary';
const BIG = 19 * 1024 * 1024;

/**
 * Sends the headers of a 19 MB upload and its first 64 KB over a real socket, and never the
 * rest: an endpoint that reads the body before it knows who is asking never answers.
 */
async function unfinishedUpload(
  url: string,
  headers: Record<string, string>,
): Promise<{ status: number; body: string }> {
  const { port } = t.app.server.address() as AddressInfo;
  return new Promise((resolve, reject) => {
    const req = http.request({
      host: '127.0.0.1',
      port,
      method: 'POST',
      path: url,
      headers: { 'content-type': MULTIPART, 'content-length': String(BIG), ...headers },
    });
    const timer = setTimeout(() => {
      req.destroy();
      reject(new Error(`${url}: no answer within 5 s to an upload whose body never ended — the body is read first`));
    }, 5_000);
    req.on('response', (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => (body += c));
      res.on('end', () => {
        clearTimeout(timer);
        req.destroy();
        resolve({ status: res.statusCode!, body });
      });
    });
    req.on('error', () => {}); // destroyed on purpose
    req.write('--xaso-boundary\r\nContent-Disposition: form-data; name="file"; filename="lon.pdf"\r\n');
    req.write('Content-Type: application/pdf\r\n\r\n%PDF-1.4\n');
    req.write(Buffer.alloc(64 * 1024, 0x20));
  });
}

describe('who is asking is known before the body is read (issue 22 item 12)', () => {
  beforeAll(async () => {
    await t.app.listen({ host: '127.0.0.1', port: 0 });
  });

  for (const endpoint of Object.keys(UPLOADS)) {
    it(`${endpoint}: anonymous 19 MB upload → 401, not 413`, async () => {
      const { url } = UPLOADS[endpoint]();
      const form = new FormData();
      form.append('file', new Blob([Buffer.alloc(BIG, 0x20)], { type: 'application/pdf' }), 'lon.pdf');
      const res = await t.request(null, { method: 'POST', url, payload: form as never });
      expect([res.statusCode, res.json().error.code], res.body).toEqual([401, 'UNAUTHENTICATED']);
    });
    it(`${endpoint}: anonymous, the body never finished → 401 at once`, async () => {
      const res = await unfinishedUpload(UPLOADS[endpoint]().url, {});
      expect([res.status, JSON.parse(res.body).error.code]).toEqual([401, 'UNAUTHENTICATED']);
    });
    it(`${endpoint}: signed in without the CSRF header, the body never finished → 403 at once`, async () => {
      const { url, session } = UPLOADS[endpoint]();
      const res = await unfinishedUpload(url, { cookie: session.cookie });
      expect([res.status, JSON.parse(res.body).error.code]).toEqual([403, 'CSRF_TOKEN_INVALID']);
    });
  }
});

// ---- after the file: a hostile .docx does not hold the server (issue 22 item 5) -------------

describe('while a plan import parses a hostile .docx, other requests are answered (issue 22 item 5)', () => {
  const cases: [string, () => Buffer, string][] = [
    ['the 225 KB .docx inflating to 63 MB', docxOf63MB, 'PLAN_FILE_TOO_LARGE'],
    ['a .docx within the size limits that parsing cannot finish', () => docxCostlyToParse(), 'PLAN_FILE_TOO_COMPLEX'],
  ];
  for (const [label, build, code] of cases) {
    it(`${label} → ${code}; a GET every 100 ms meanwhile is answered promptly`, { timeout: 120_000 }, async () => {
      const form = new FormData();
      form.append('file', new Blob([build() as BlobPart]), 'ke-hoach.docx');
      const t0 = performance.now();
      let importDone = 0;
      const upload = t
        .request(vanhoa, {
          method: 'POST',
          url: `/api/v1/plans/imports?communeId=${communeId}`,
          payload: form as never,
        })
        .then((r) => ((importDone = performance.now()), r));
      // At least five probes, and more as long as the import runs; each one is due 100 ms after
      // the last: a thread held by the import makes it late.
      const late: number[] = [];
      for (let i = 1; i <= 5 || (!importDone && i <= 1_000); i++) {
        const due = t0 + i * 100;
        await new Promise((r) => setTimeout(r, Math.max(0, due - performance.now())));
        const res = await t.request(leader, { method: 'GET', url: `/api/v1/plans?communeId=${communeId}` });
        expect(res.statusCode).toBe(200);
        late.push(performance.now() - due);
      }
      const res = await upload;
      const importMs = importDone - t0;
      const sorted = [...late].sort((a, b) => a - b);
      const p95 = sorted[Math.floor(0.95 * (sorted.length - 1))];
      console.log(
        `hostile plan: ${label} → ${res.statusCode} ${res.json().error?.code} in ${Math.round(importMs)} ms; ` +
          `${late.length} GETs meanwhile, 95 % of them at most ${Math.round(p95)} ms after they were due, ` +
          `the latest ${Math.round(sorted[sorted.length - 1])} ms`,
      );
      expect([res.statusCode, res.json().error.code]).toEqual([400, code]);
      expect(res.json().error.message).toMatch(VIETNAMESE);
      // A thread held by the import makes every GET wait for it (65 s for the 63 MB file before);
      // on a shared two-core machine one GET may still wait for the CPU now and then.
      expect(p95).toBeLessThan(1_000);
      expect(sorted[sorted.length - 1]).toBeLessThan(Math.max(1_000, importMs / 2));
    });
  }
});
