import fs from 'node:fs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DESKTOP, launchBrowser, newPage, PHONE, pickSelect, screenshot, signIn } from './browser.ts';

const WAIT = { timeout: 10_000 };

/**
 * The plan officer enters and submits one unit's values for a period, another reviewer approves
 * them (whoever sends a report does not approve it: REPORT_SEPARATION_OF_DUTIES). The one-stop
 * centre for Q2 and Q3: reports.test.ts works on Q1's units.
 */
const UNIT = 'Trung tâm Phục vụ hành chính công';
async function reportAndApprove(
  api: Awaited<ReturnType<typeof apiAs>>,
  reviewer: Awaited<ReturnType<typeof apiAs>>,
  communeId: string,
  code: string,
  value: (i: number) => number,
) {
  const cal = await api('GET', `/reporting/calendar?communeId=${communeId}&year=2026`);
  const period = cal.periods.find((p: { level: string; code: string }) => p.level === 'unit' && p.code === code);
  const unit = period.units.find((u: { unitName: string }) => u.unitName === UNIT);
  const at = `/reporting/periods/${period.id}/units/${unit.unitId}`;
  const form = await api('GET', at);
  if (unit.status === 'approved') return form; // a rerun on a persistent database
  const values = form.values.map((v: { targetId: string; unit: string }, i: number) => ({
    targetId: v.targetId,
    value: v.unit === '%' ? value(i) : 1,
  }));
  await api('PUT', at, { values, narratives: [], generalNote: null });
  const sub = await api('POST', `${at}/submit`);
  await reviewer('POST', `/reporting/submissions/${sub.id}/approve`, {});
  return form;
}

let browser: Browser;
let communeId = '';
let indicator = { id: '', code: '', value: 0 };
let trackedId = '';

beforeAll(async () => {
  browser = await launchBrowser();
  const api = await apiAs('phuthinh.vanhoa');
  communeId = (await api('GET', '/org/by-code/05800')).id;
  const reviewer = await apiAs('admin');
  const form = await reportAndApprove(api, reviewer, communeId, '2026-Q2', (i) => 30 + 2 * i);
  await reportAndApprove(api, reviewer, communeId, '2026-Q3', (i) => 45 + 2 * i);
  const dash = await api('GET', `/dashboards/communes/${communeId}`);
  type Row = { targetId: string; indicatorId: string | null; latest: { value: number } | null; forecast: unknown };
  const ours = dash.targets.filter((t: Row) =>
    form.values.some((v: { targetId: string }) => v.targetId === t.targetId),
  );
  trackedId = ours.find((t: Row) => t.forecast).targetId;
  const row = ours.find((t: Row) => t.indicatorId && t.latest);
  const catalogue = await api('GET', '/catalogue/indicators');
  indicator = {
    id: row.indicatorId,
    code: catalogue.items.find((i: { id: string }) => i.id === row.indicatorId).code,
    value: row.latest.value,
  };
});
afterAll(async () => {
  await browser?.close();
});

const tileCount = async (page: Page, status: string) =>
  Number(await page.getByTestId(`tile-${status}`).getByTestId('tile-count').textContent());

/** Opens a target with values of two periods and waits for its chart. */
async function openTrackedTarget(page: Page) {
  await page.locator(`[data-testid=target-row][data-target="${trackedId}"]`).click();
  await page.getByTestId('trend-chart').locator('canvas').first().waitFor(WAIT);
}

describe('live attainment', () => {
  it('the plan officer sees approved values, a target’s trend and its stated forecast; prints and exports', async () => {
    const { context, page } = await newPage(browser, { ...DESKTOP, acceptDownloads: true });
    await signIn(page, 'phuthinh.vanhoa');
    await page.getByRole('navigation').getByRole('link', { name: 'Bảng điều khiển' }).click();
    await page.getByTestId('commune-dashboard').waitFor();
    expect(await page.getByRole('heading', { level: 2 }).textContent()).toContain('Xã Phú Thịnh');
    expect((await tileCount(page, 'reached')) + (await tileCount(page, 'on_track'))).toBeGreaterThan(0);
    expect(await page.getByTestId('tile-no_data').textContent()).toContain('Chưa có số liệu');
    expect(await page.getByTestId('waiting-link').getAttribute('href')).toBe('/reports');

    await openTrackedTarget(page);
    const sentence = page.getByTestId('forecast-sentence');
    await expect.poll(() => sentence.textContent(), WAIT).toMatch(/^Với tốc độ hiện nay, cuối năm \d{4} đạt [\d,]+ %/);
    expect(await page.getByTestId('forecast').textContent()).toContain(
      'Phương pháp: Đường thẳng bình phương tối thiểu qua ',
    );
    const values = page.getByTestId('value-list');
    expect(await values.textContent()).toContain('Quý III/2026');
    expect(await values.textContent()).toContain('Báo cáo đơn vị đã duyệt');
    // The value's provenance leads to the approved unit report behind it.
    await expect.poll(() => values.getByTestId('value-report-link').count(), WAIT).toBeGreaterThanOrEqual(2);
    expect(await values.getByTestId('value-report-link').first().getAttribute('href')).toMatch(
      /^\/reports\/periods\/[0-9a-f-]{36}\/units\/[0-9a-f-]{36}$/,
    );

    // A tile filters the list to its status.
    await page.getByTestId('tile-no_data').click();
    await expect
      .poll(async () => page.locator('[data-testid=target-row]:not([data-status=no_data])').count(), WAIT)
      .toBe(0);
    await page.getByTestId('tile-no_data').click();

    // "Xuất Excel": a .csv with a UTF-8 byte-order mark and Vietnamese headings.
    const [download] = await Promise.all([page.waitForEvent('download'), page.getByTestId('export-csv').click()]);
    expect(download.suggestedFilename()).toMatch(/^bang-dieu-khien-xa-phu-thinh-\d{4}-\d{2}-\d{2}\.csv$/);
    const csv = fs.readFileSync((await download.path())!, 'utf8');
    expect(csv.charCodeAt(0)).toBe(0xfeff);
    expect(csv).toContain('"Chỉ tiêu","Mục tiêu"');
    expect(csv).toContain('"Báo cáo đơn vị đã duyệt"');

    // Printing leaves the menu and the buttons out.
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.ant-layout-sider').isVisible()).toBe(false);
    expect(await page.getByTestId('export-csv').isVisible()).toBe(false);
    await page.emulateMedia({ media: 'screen' });
    await context.close();
  });

  it('works on a 360-px phone', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'phuthinh.vanhoa');
    await page.goto('/dashboard');
    await page.getByTestId('status-tiles').waitFor();
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
    await screenshot(page, 'phone-dashboard');
    await openTrackedTarget(page);
    await page.getByTestId('trend-chart').scrollIntoViewIfNeeded();
    await page.getByTestId('forecast-sentence').waitFor();
    await screenshot(page, 'phone-dashboard-target');
    await context.close();
  });

  it('the province officer sees Phú Thịnh ranked for the indicator', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'thainguyen.sokhcn');
    await page.goto('/dashboard');
    await page.waitForURL(/\/dashboard\/provinces\/[0-9a-f-]{36}/);
    await pickSelect(page, page.getByTestId('indicator-picker'), indicator.code, indicator.code);
    const row = page.getByTestId('commune-row').and(page.locator('[data-commune="Xã Phú Thịnh"]'));
    await row.waitFor(WAIT);
    expect(await row.locator('td').first().textContent()).toBe('1');
    expect(Number(await page.getByTestId('sum-reporting').textContent())).toBeGreaterThanOrEqual(1);
    await page.getByTestId('bar-chart').locator('canvas').first().waitFor(WAIT);
    await screenshot(page, 'desktop-province-dashboard');
    await context.close();
  });

  it('the system administrator sees Thái Nguyên in the national view', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin');
    await page.goto('/dashboard');
    await page.waitForURL(/\/dashboard\/national/);
    await page.goto(`/dashboard/national?indicator=${indicator.id}`);
    const row = page.getByTestId('province-row').and(page.locator('[data-province="Tỉnh Thái Nguyên"]'));
    await row.waitFor(WAIT);
    await page.getByTestId('bar-chart').locator('canvas').first().waitFor(WAIT);
    await screenshot(page, 'desktop-national-dashboard');
    await context.close();
  });

  it('the plan officer imports values from a file: a preview names the bad rows, nothing is written until confirmed', async () => {
    const api = await apiAs('phuthinh.vanhoa');
    const dash = await api('GET', `/dashboards/communes/${communeId}`);
    const catalogue = await api('GET', '/catalogue/indicators');
    const codeOf = (id: string | null) =>
      catalogue.items.find((i: { id: string }) => i.id === id)?.code as string | undefined;
    type Row = { targetId: string; indicatorId: string | null; unit: string; recent: { periodCode: string }[] };
    const target = dash.targets.find(
      (x: Row) =>
        x.unit === '%' &&
        codeOf(x.indicatorId) &&
        !dash.targets.some((y: Row) => y !== x && y.indicatorId === x.indicatorId) &&
        !x.recent.some((v) => v.periodCode === '2025'),
    );
    const code = codeOf(target.indicatorId)!;
    const csv = [
      'Mã xã;Mã chỉ tiêu;Kỳ;Giá trị',
      `05800;${code};2025;"72,5"`,
      `05800;${code};2025-Q5;bảy mươi`,
      `99999;${code};2025;10`,
    ].join('\r\n');

    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'phuthinh.vanhoa');
    await page.goto('/dashboard');
    await page.getByTestId('import-link').click();
    await page.getByTestId('import-page').waitFor();
    await page
      .getByTestId('import-page')
      .locator('input[type=file]')
      .setInputFiles({ name: 'so-lieu-2025.csv', mimeType: 'text/csv', buffer: Buffer.from(csv, 'utf8') });
    await page.waitForURL(/\/dashboard\/imports\/[0-9a-f-]{36}$/);
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('count-good').textContent()).toBe('1');
    expect(await page.getByTestId('count-bad').textContent()).toBe('2');
    const bad = page.locator('[data-testid=import-row][data-bad=true]');
    expect(await bad.count()).toBe(2);
    expect(await bad.first().textContent()).toContain('Giá trị "bảy mươi" không phải là số');
    expect(await bad.first().textContent()).toContain('Không đọc được kỳ "2025-Q5"');
    expect(await bad.nth(1).textContent()).toContain('Không có xã, phường nào mã "99999"');
    // Bad rows are highlighted.
    expect(
      await bad
        .first()
        .locator('td')
        .first()
        .evaluate((td) => getComputedStyle(td).backgroundColor),
    ).toBe('rgb(255, 241, 240)');
    await screenshot(page, 'desktop-import-preview');
    // Nothing is written yet, and the preview survives a reload.
    expect(
      (await api('GET', `/dashboards/communes/${communeId}/targets/${target.targetId}/values`)).values.some(
        (v: { periodCode: string }) => v.periodCode === '2025',
      ),
    ).toBe(false);
    await page.reload();
    await page.getByTestId('import-preview').waitFor();
    expect(await page.getByTestId('import-status').textContent()).toBe('Đang xem trước');

    await page.getByTestId('import-confirm').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Nhập 1 dòng hợp lệ' }).click();
    await page.getByTestId('import-done').waitFor(WAIT);
    expect(await page.getByTestId('import-status').textContent()).toBe('Đã nhập');

    // The commune dashboard shows the value with its provenance: the file and its row, who, when.
    await page.goto('/dashboard');
    await page.locator(`[data-testid=target-row][data-target="${target.targetId}"]`).click();
    const item = page.getByTestId('value-item').and(page.locator('[data-source=import]'));
    await item.waitFor(WAIT);
    expect(await item.textContent()).toContain('72,5 %');
    expect(await item.getByTestId('value-provenance').textContent()).toMatch(
      /^Tệp "so-lieu-2025\.csv", dòng 2 · người duyệt\/nhập: .+ · lúc \d{2}\/\d{2}\/\d{4} \d{2}:\d{2}$/,
    );
    expect(await item.getByTestId('value-records-link').getAttribute('href')).toMatch(
      /^\/dashboard\/imports\/[0-9a-f-]{36}$/,
    );
    await item.scrollIntoViewIfNeeded();
    await screenshot(page, 'desktop-dashboard-imported-value');

    // The dashboard as .xlsx: the button downloads a workbook.
    const res = await page.request.get((await page.getByTestId('export-xlsx').getAttribute('href')) as string);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toContain('spreadsheetml');
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });

  it('the import preview works on a 360-px phone', async () => {
    const api = await apiAs('phuthinh.vanhoa');
    const list = await api('GET', '/dashboards/imports');
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'phuthinh.vanhoa');
    await page.goto(`/dashboard/imports/${list.items[0].id}`);
    await page.getByTestId('import-preview').waitFor();
    await page.getByTestId('import-row').first().waitFor();
    expect(await page.locator('[data-testid=import-row][data-bad=true]').first().textContent()).toContain(
      'không phải là số',
    );
    const { scrollWidth, clientWidth } = await page.evaluate(() => ({
      scrollWidth: document.documentElement.scrollWidth,
      clientWidth: document.documentElement.clientWidth,
    }));
    expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
    await screenshot(page, 'phone-import-preview');
    await page.goto('/dashboard/imports');
    await page.getByTestId('import-page').locator('.ant-upload-drag').waitFor();
    await screenshot(page, 'phone-import-page');
    await context.close();
  });
});
