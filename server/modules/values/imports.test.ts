import ExcelJS from 'exceljs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, latestAudit, type Session, type TestApp } from '../../test/test-app.ts';

let t: TestApp;
let admin: Session,
  vanhoa: Session,
  leader: Session,
  kinhte: Session,
  haiphong: Session,
  thainguyen: Session,
  thuanVanhoa: Session;
let vinhBao = '',
  vinhThuan = '',
  haiphongId = '',
  cqs02 = '';
const get = (s: Session | null, url: string) => t.request(s, { method: 'GET', url });
const post = (s: Session | null, url: string) => t.request(s, { method: 'POST', url });

function upload(s: Session | null, name: string, content: string | Uint8Array, type = 'text/csv') {
  const form = new FormData();
  form.append(
    'file',
    new Blob([typeof content === 'string' ? new TextEncoder().encode(content) : (content as BlobPart)], { type }),
    name,
  );
  return t.request(s, { method: 'POST', url: '/api/v1/dashboards/imports', payload: form as never });
}
const valueCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('indicatorValues')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const importCount = async () =>
  Number(
    (
      await t.database.db
        .selectFrom('indicatorImports')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow()
    ).n,
  );
const dashRow = async (s: Session, communeId: string, indicatorId: string) =>
  (await get(s, `/api/v1/dashboards/communes/${communeId}`))
    .json()
    .targets.filter((x: { indicatorId: string | null }) => x.indicatorId === indicatorId);

beforeAll(async () => {
  t = await buildTestApp();
  [admin, vanhoa, leader, kinhte, haiphong, thainguyen, thuanVanhoa] = await Promise.all(
    [
      'admin',
      'vinhbao.vanhoa',
      'vinhbao.chutich',
      'vinhbao.kinhte',
      'haiphong.sokhcn',
      'thainguyen.sokhcn',
      'vinhthuan.vanhoa',
    ].map((u) => t.signIn(u)),
  );
  const id = async (code: string) => (await get(admin, `/api/v1/org/by-code/${code}`)).json().id as string;
  [vinhBao, vinhThuan, haiphongId] = await Promise.all(['11824', '11842', '31'].map(id));
  cqs02 = (await get(admin, '/api/v1/catalogue/indicators?q=CQS-02'))
    .json()
    .items.find((i: { code: string }) => i.code === 'CQS-02').id;
  // Vĩnh Thuận's plan has no CQS-02 target; link its CQS-01 target to CQS-02 for the province file.
  const thuanPlan = (await get(admin, `/api/v1/plans?communeId=${vinhThuan}`)).json().items[0].id;
  const thuanTarget = await t.database.db
    .selectFrom('planTargets')
    .select('id')
    .where('planId', '=', thuanPlan)
    .where('kind', '=', 'target')
    .where('unit', '=', '%')
    .orderBy('sortOrder')
    .executeTakeFirstOrThrow();
  await t.database.db.updateTable('planTargets').set({ indicatorId: cqs02 }).where('id', '=', thuanTarget.id).execute();
});
afterAll(() => t.close());

const GOOD_AND_BAD = [
  'Mã xã;Mã chỉ tiêu;Kỳ;Giá trị;Ghi chú',
  '11824;CQS-02;2026-Q1;"62,5";đúng, dấu phẩy thập phân',
  '11824;CQS-03;Quý I/2026;ba mươi;chữ trong cột số',
  '99999;CQS-02;2026-Q1;40;mã xã không có',
  '11824;XYZ-99;2026-Q1;40;chỉ tiêu không có',
  '11824;CQS-02;Quý I/2026;63;trùng kỳ trong tệp',
  '16363;CQS-02;2026-Q1;40;xã ngoài phạm vi',
  '11824;CQS-03;2026-Q2;88;đúng',
].join('\r\n');

describe('importing values from a file', () => {
  it('climbs unauthenticated → not an importer → wrong columns → wrong kind of file, writing nothing', async () => {
    const before = { values: await valueCount(), imports: await importCount() };
    expect((await upload(null, 'so-lieu.csv', GOOD_AND_BAD)).statusCode).toBe(401);
    const unit = await upload(kinhte, 'so-lieu.csv', GOOD_AND_BAD);
    expect(unit.statusCode).toBe(403);
    expect(unit.json().error.message).toMatch(/Chỉ cán bộ phụ trách kế hoạch/);
    const columns = await upload(vanhoa, 'sai-cot.csv', 'Xã,Số liệu\nVĩnh Bảo,3');
    expect(columns.statusCode).toBe(400);
    expect(columns.json().error).toMatchObject({ code: 'IMPORT_COLUMNS' });
    expect(columns.json().error.message).toMatch(/^Dòng tiêu đề thiếu cột "Mã xã", .*"Kỳ"/);
    const pdf = await upload(vanhoa, 'so-lieu.pdf', new TextEncoder().encode('%PDF-1.4\n%%EOF\n'), 'application/pdf');
    expect(pdf.statusCode).toBe(415);
    expect(pdf.json().error.code).toBe('IMPORT_FILE_UNSUPPORTED');
    expect((await upload(vanhoa, 'rong.csv', '')).json().error.code).toBe('IMPORT_FILE_EMPTY');
    expect({ values: await valueCount(), imports: await importCount() }).toEqual(before);
  });

  let previewId = '';
  it('a preview names each bad row and imports nothing; it survives a reload', async () => {
    const before = await valueCount();
    const res = await upload(vanhoa, 'so-lieu-quy-1.csv', GOOD_AND_BAD);
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    previewId = p.id;
    expect(p).toMatchObject({
      status: 'preview',
      fileName: 'so-lieu-quy-1.csv',
      format: 'csv',
      counts: { total: 7, good: 2, bad: 5, imported: null },
      allowedActions: ['confirm', 'discard'],
    });
    const byRow = Object.fromEntries(p.rows.map((r: { row: number; errors: string[] }) => [r.row, r.errors]));
    expect(byRow[2]).toEqual([]);
    expect(p.rows[0]).toMatchObject({
      communeName: 'Xã Vĩnh Bảo',
      indicatorCode: 'CQS-02',
      periodCode: '2026-Q1',
      value: 62.5,
      unit: '%',
    });
    expect(byRow[3]).toEqual(['Giá trị "ba mươi" không phải là số (phần thập phân dùng dấu phẩy, ví dụ 3,5).']);
    expect(byRow[4]).toEqual(['Không có xã, phường nào mã "99999".']);
    expect(byRow[5]).toEqual(['Không có chỉ tiêu mã "XYZ-99" trong danh mục.']);
    expect(byRow[6]).toEqual(['Trùng với dòng 2: cùng xã, chỉ tiêu và kỳ.']);
    expect(byRow[7]).toEqual(['Xã Tượng Lĩnh (mã 16363) ngoài phạm vi bạn được nhập số liệu.']);
    expect(byRow[8]).toEqual([]);
    expect(await valueCount()).toBe(before);
    expect((await latestAudit(t.database))[0]).toMatchObject({ action: 'indicator_import.previewed', recordId: p.id });
    // A reload: the same preview, from the staging table; the plan officer's list names it.
    expect((await get(vanhoa, `/api/v1/dashboards/imports/${p.id}`)).json()).toEqual(p);
    expect((await get(vanhoa, '/api/v1/dashboards/imports')).json().items[0]).toMatchObject({
      id: p.id,
      status: 'preview',
    });
    // Another province's officer does not see it; the commune's leader does.
    expect((await get(thainguyen, `/api/v1/dashboards/imports/${p.id}`)).statusCode).toBe(404);
    expect((await post(thainguyen, `/api/v1/dashboards/imports/${p.id}/confirm`)).statusCode).toBe(404);
    expect((await get(leader, `/api/v1/dashboards/imports/${p.id}`)).statusCode).toBe(200);
    expect((await get(kinhte, `/api/v1/dashboards/imports/${p.id}`)).statusCode).toBe(404);
  });

  it('confirming writes the good rows with their provenance and updates the dashboards at once', async () => {
    const before = await valueCount();
    const res = await post(vanhoa, `/api/v1/dashboards/imports/${previewId}/confirm`);
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ status: 'imported', counts: { imported: 2 }, allowedActions: [] });
    expect(await valueCount()).toBeGreaterThanOrEqual(before + 2);
    const rows = await dashRow(vanhoa, vinhBao, cqs02);
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.latest).toMatchObject({ value: 62.5, periodCode: '2026-Q1', source: 'import' });
      const h = (await get(vanhoa, `/api/v1/dashboards/communes/${vinhBao}/targets/${r.targetId}/values`)).json();
      expect(h.values[0]).toMatchObject({
        source: 'import',
        producer: 'Tệp "so-lieu-quy-1.csv", dòng 2',
        producedByName: expect.stringMatching(/\S/),
        sourceRef: `${previewId}#2`,
        sourceLink: `/api/v1/dashboards/imports/${previewId}`,
      });
    }
    const tile = (await get(haiphong, `/api/v1/dashboards/provinces/${haiphongId}?indicatorId=${cqs02}`)).json();
    expect(tile.communes).toEqual([expect.objectContaining({ communeCode: '11824', value: 62.5 })]);
    expect((await latestAudit(t.database))[0]).toMatchObject({
      action: 'indicator_import.confirmed',
      summary: expect.stringContaining('2 dòng'),
    });
    // Once only.
    const again = await post(vanhoa, `/api/v1/dashboards/imports/${previewId}/confirm`);
    expect(again.statusCode).toBe(409);
    expect(again.json().error.code).toBe('IMPORT_DECIDED');
  });

  it('a value already present makes its row bad; a preview made stale by another import is not written', async () => {
    const again = (
      await upload(leader, 'lai.csv', 'Mã xã;Mã chỉ tiêu;Kỳ;Giá trị\n11824;CQS-02;2026-Q1;70\n11824;CQS-02;2026-Q2;71')
    ).json();
    expect(again.rows[0].errors[0]).toMatch(/^Kỳ 2026-Q1 của mục tiêu ".*" đã có giá trị 62,5 \(nhập từ tệp\)\.$/);
    expect(again.rows[1].errors).toEqual([]);
    // Two previews of the same Q2 value: the first confirmed wins, the second is refused whole.
    const other = (await upload(vanhoa, 'trung.csv', 'Mã xã;Mã chỉ tiêu;Kỳ;Giá trị\n11824;CQS-02;2026-Q2;72')).json();
    expect((await post(leader, `/api/v1/dashboards/imports/${again.id}/confirm`)).statusCode).toBe(200);
    const before = await valueCount();
    const stale = await post(vanhoa, `/api/v1/dashboards/imports/${other.id}/confirm`);
    expect(stale.statusCode).toBe(409);
    expect(stale.json().error.code).toBe('IMPORT_CHANGED');
    expect(await valueCount()).toBe(before);
    const refreshed = (await get(vanhoa, `/api/v1/dashboards/imports/${other.id}`)).json();
    expect(refreshed.rows[0].errors[0]).toMatch(/đã có giá trị 71/);
    expect(refreshed.allowedActions).toEqual(['discard']);
    expect((await post(vanhoa, `/api/v1/dashboards/imports/${other.id}/discard`)).json().status).toBe('discarded');
    expect((await post(vanhoa, `/api/v1/dashboards/imports/${other.id}/confirm`)).statusCode).toBe(409);
  });

  it('the province officer imports for the province’s communes only, from an .xlsx', async () => {
    const wb = new ExcelJS.Workbook();
    const ws = wb.addWorksheet('Số liệu');
    ws.addRow(['Mã xã', 'Tên xã', 'Mã chỉ tiêu', 'Kỳ', 'Tử số', 'Mẫu số']);
    ws.addRow([11824, 'Vĩnh Bảo', 'CQS-02', '2026-Q3', 130, 200]); // a number cell: the leading zero of codes is restored
    ws.addRow(['11842', 'Vĩnh Thuận', 'CQS-02', '2026-Q3', 55, 100]);
    ws.addRow(['05800', 'Phú Thịnh', 'CQS-02', '2026-Q3', 1, 2]);
    const bytes = new Uint8Array(await wb.xlsx.writeBuffer());
    const res = await upload(
      haiphong,
      'tinh.xlsx',
      bytes,
      'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
    );
    expect(res.statusCode, res.body).toBe(201);
    const p = res.json();
    expect(p.format).toBe('xlsx');
    expect(p.rows.map((r: { errors: string[] }) => r.errors)).toEqual([
      [],
      [],
      ['Xã Phú Thịnh (mã 05800) ngoài phạm vi bạn được nhập số liệu.'],
    ]);
    expect(p.rows[0]).toMatchObject({ communeCode: '11824', value: 65, numerator: 130, denominator: 200 });
    // A commune's plan officer cannot confirm a file that spans the province; the province officer can.
    expect((await get(thuanVanhoa, `/api/v1/dashboards/imports/${p.id}`)).statusCode).toBe(404);
    expect((await post(haiphong, `/api/v1/dashboards/imports/${p.id}/confirm`)).statusCode).toBe(200);
    const tile = (await get(haiphong, `/api/v1/dashboards/provinces/${haiphongId}?indicatorId=${cqs02}`)).json();
    expect(tile.communes.map((c: { communeCode: string; value: number }) => [c.communeCode, c.value])).toEqual([
      ['11824', 65],
      ['11842', 55],
    ]);
  });

  it('offers a template, filled with the commune’s targets, that uploads back as it is', async () => {
    const res = await get(vanhoa, `/api/v1/dashboards/imports/template?communeId=${vinhBao}`);
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-disposition']).toContain('mau-nhap-so-lieu-11824.xlsx');
    const wb = new ExcelJS.Workbook();
    await wb.xlsx.load(res.rawPayload as never);
    const ws = wb.worksheets[0];
    expect((ws.getRow(1).values as unknown[]).slice(1)).toEqual([
      'Mã xã',
      'Tên xã',
      'Mã chỉ tiêu',
      'Mã mục tiêu',
      'Chỉ tiêu',
      'Kỳ',
      'Giá trị',
      'Tử số',
      'Mẫu số',
      'Ghi chú',
    ]);
    expect(ws.rowCount).toBeGreaterThan(5);
    expect(ws.getRow(2).getCell(1).value).toBe('11824');
    // Fill one value (the row's own target id), clear the period of the others: only that row counts.
    ws.getRow(3).getCell(6).value = '2025';
    ws.getRow(3).getCell(7).value = '12,5';
    for (let r = 2; r <= ws.rowCount; r++) if (r !== 3) ws.getRow(r).getCell(6).value = null;
    const filled = new Uint8Array(await wb.xlsx.writeBuffer());
    const p = (await upload(vanhoa, 'mau.xlsx', filled, 'application/octet-stream')).json();
    expect(p.rows).toHaveLength(1);
    expect(p.rows[0]).toMatchObject({ row: 3, periodCode: '2025', value: 12.5, targetCount: 1, errors: [] });
    const csv = await get(vanhoa, '/api/v1/dashboards/imports/template?format=csv');
    expect(csv.headers['content-type']).toContain('text/csv');
    expect(csv.body.charCodeAt(0)).toBe(0xfeff);
    expect(csv.body).toContain('"Mã xã";"Tên xã";"Mã chỉ tiêu"');
    expect((await get(thainguyen, `/api/v1/dashboards/imports/template?communeId=${vinhBao}`)).statusCode).toBe(404);
  });
});
