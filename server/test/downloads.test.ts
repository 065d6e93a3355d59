/**
 * Every download of the API through the one header writer (platform/files/downloads.ts):
 * Content-Disposition as RFC 6266 with an ASCII `filename=` and the real name in RFC 5987
 * form, nosniff, and `Cache-Control: no-store` — on stored files and on the documents the
 * server writes on request alike (issue 22 item 12: the commune report's .docx had no
 * no-store, and only an unencoded `filename=`).
 */
import type { LightMyRequestResponse } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type Session, type TestApp } from './test-app.ts';

let t: TestApp;
let admin: Session, phuthinh: Session, vinhbao: Session, haiphong: Session;
let phuthinhId = '',
  vinhbaoId = '',
  haiphongId = '',
  indicatorId = '',
  communePeriod = '',
  unitAttachments = '';
const get = (s: Session, url: string) => t.request(s, { method: 'GET', url });

/** RFC 6266 with RFC 5987: `attachment; filename="ascii"; filename*=UTF-8''attr-chars-and-%XX`. */
const DISPOSITION = /^attachment; filename="([A-Za-z0-9._-]+)"; filename\*=UTF-8''([A-Za-z0-9!#$&+.^_`|~%-]+)$/;

function expectDownload(res: LightMyRequestResponse, type: RegExp, name: string | RegExp) {
  expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
  expect(res.headers['content-type']).toMatch(type);
  const disposition = String(res.headers['content-disposition']);
  const m = DISPOSITION.exec(disposition);
  expect(m, disposition).not.toBeNull();
  const utf8Name = decodeURIComponent(m![2]);
  if (typeof name === 'string') expect(utf8Name).toBe(name);
  else expect(utf8Name).toMatch(name);
  expect(res.headers['x-content-type-options']).toBe('nosniff');
  expect(res.headers['cache-control']).toMatch(/(^|[\s,])no-store($|[\s,])/);
  expect(res.rawPayload.length).toBeGreaterThan(0);
}

const XLSX = /^application\/vnd\.openxmlformats-officedocument\.spreadsheetml\.sheet$/;
const DOCX = /^application\/vnd\.openxmlformats-officedocument\.wordprocessingml\.document$/;

beforeAll(async () => {
  t = await buildTestApp();
  [admin, phuthinh, vinhbao, haiphong] = await Promise.all(
    ['admin', 'phuthinh.vanhoa', 'vinhbao.vanhoa', 'haiphong.sokhcn'].map((u) => t.signIn(u)),
  );
  const byCode = async (code: string) => (await get(admin, `/api/v1/org/by-code/${code}`)).json().id as string;
  [phuthinhId, vinhbaoId, haiphongId] = await Promise.all(['05800', '11824', '31'].map(byCode));
  indicatorId = (await get(admin, '/api/v1/catalogue/indicators'))
    .json()
    .items.find((i: { code: string }) => i.code === 'CQS-16').id;
  const periods = (await get(phuthinh, `/api/v1/reporting/calendar?communeId=${phuthinhId}&year=2026`)).json().periods;
  communePeriod = periods.find(
    (p: { level: string; code: string }) => p.level === 'commune' && p.code === '2026-Q1',
  ).id;
  const unitQ1 = periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === '2026-Q1');
  unitAttachments = `/api/v1/reporting/periods/${unitQ1.id}/units/${unitQ1.units[0].unitId}/attachments`;
}, 300_000);

afterAll(() => t?.close());

describe('documents the server writes on request', () => {
  it.each(['docx', 'xlsx'] as const)('the commune report as .%s', async (format) => {
    const res = await get(
      phuthinh,
      `/api/v1/reporting/periods/${communePeriod}/commune-report/document?format=${format}`,
    );
    expectDownload(res, format === 'docx' ? DOCX : XLSX, new RegExp(`^bao-cao-2026-Q1-.*phu-thinh.*\\.${format}$`));
  });
  it('the commune dashboard as .xlsx', async () => {
    expectDownload(
      await get(vinhbao, `/api/v1/dashboards/communes/${vinhbaoId}/export.xlsx`),
      XLSX,
      /^bang-dieu-khien-xa-vinh-bao-.*\.xlsx$/,
    );
  });
  it('the province ranking as .xlsx', async () => {
    expectDownload(
      await get(haiphong, `/api/v1/dashboards/provinces/${haiphongId}/export.xlsx?indicatorId=${indicatorId}`),
      XLSX,
      /\.xlsx$/,
    );
  });
  it('the task list (overdue tasks included) as .xlsx', async () => {
    expectDownload(await get(vinhbao, `/api/v1/tasks/export.xlsx?communeId=${vinhbaoId}`), XLSX, /\.xlsx$/);
  });
  it.each([
    ['xlsx', XLSX],
    ['csv', /^text\/csv; charset=utf-8$/],
  ] as const)('the value-import template as .%s', async (format, type) => {
    expectDownload(
      await get(vinhbao, `/api/v1/dashboards/imports/template?communeId=${vinhbaoId}&format=${format}`),
      type,
      new RegExp(`^mau-nhap-so-lieu-11824\\.${format}$`),
    );
  });
});

describe('stored files', () => {
  it('a report attachment comes back under its Vietnamese name, every character encoded as RFC 5987 asks', async () => {
    const name = "Biên bản (bản cuối) 'ký' *.pdf";
    const pdf = new TextEncoder().encode('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\n%%EOF\n');
    const form = new FormData();
    form.append('file', new Blob([pdf as BlobPart], { type: 'application/pdf' }), name);
    const up = await t.request(phuthinh, { method: 'POST', url: unitAttachments, payload: form as never });
    expect(up.statusCode, up.body).toBe(201);
    const res = await get(phuthinh, `${unitAttachments}/${up.json().id}`);
    expectDownload(res, /^application\/pdf$/, name);
    expect(res.headers['content-disposition']).toContain('filename="dinh-kem.pdf"');
    expect(res.headers['content-disposition']).toContain('%28b%E1%BA%A3n%20cu%E1%BB%91i%29%20%27k%C3%BD%27%20%2A.pdf');
  });
});
