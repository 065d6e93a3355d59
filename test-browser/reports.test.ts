import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DEMO_PASSWORD, TEST_PASSWORD } from './accounts.ts';
import {
  apiAs,
  baseUrl,
  DESKTOP,
  fillSignIn,
  launchBrowser,
  newPage,
  PHONE,
  pickSelect,
  screenshot,
} from './browser.ts';

/** Periodic reporting (issue 6) with the demo data of Xã Phú Thịnh (05800) and its province, Thái Nguyên. */
const WAIT = { timeout: 10_000 };
const OFFICER = 'phuthinh.vanhoa';
const LEADER = 'phuthinh.chutich';
const PROVINCE = 'thainguyen.sokhcn';
/** A second officer of the standing office: whoever sends a unit's report does not review it. */
const REVIEWER = 'phuthinh.thuongtruc';

let browser: Browser;

/** These demo accounts are not among the globally prepared ones: replace their temporary password here. */
async function prepare(username: string) {
  const signIn = async (password: string) =>
    fetch(`${baseUrl()}/api/v1/auth/sign-in`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  const res = await signIn(DEMO_PASSWORD);
  if (!res.ok) {
    expect((await signIn(TEST_PASSWORD)).ok).toBe(true);
    return;
  }
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const changed = await fetch(`${baseUrl()}/api/v1/auth/change-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: DEMO_PASSWORD, newPassword: TEST_PASSWORD }),
  });
  expect(changed.ok).toBe(true);
}

/** The system administrator adds the second officer of the standing office (once; a rerun finds it). */
async function prepareReviewer() {
  const admin = await apiAs('admin');
  const commune = (await admin('GET', '/org/by-code/05800')).id as string;
  const found = await admin('GET', `/users?q=${REVIEWER}`);
  if (found.items.length) return;
  const created = await admin('POST', '/users', {
    username: REVIEWER,
    fullName: 'Lê Thị Thường Trực',
    orgUnitId: commune,
    grants: [{ role: 'plan_officer', orgUnitId: commune }],
  });
  const res = await fetch(`${baseUrl()}/api/v1/auth/sign-in`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify({ username: REVIEWER, password: created.temporaryPassword }),
  });
  const cookie = res.headers
    .getSetCookie()
    .map((c) => c.split(';')[0])
    .join('; ');
  const { csrfToken } = (await res.json()) as { csrfToken: string };
  const changed = await fetch(`${baseUrl()}/api/v1/auth/change-password`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', cookie, 'x-csrf-token': csrfToken },
    body: JSON.stringify({ currentPassword: created.temporaryPassword, newPassword: TEST_PASSWORD }),
  });
  expect(changed.ok).toBe(true);
}

async function signedIn(username: string, opts = DESKTOP) {
  const { context, page } = await newPage(browser, opts);
  await fillSignIn(page, username, TEST_PASSWORD);
  await page.getByTestId('greeting').waitFor();
  return { context, page };
}

beforeAll(async () => {
  browser = await launchBrowser();
  for (const u of [OFFICER, LEADER, PROVINCE]) await prepare(u);
  await prepareReviewer();
});
afterAll(async () => {
  await browser?.close();
});

const q1Units = (page: Page) => page.locator('[data-testid=period-card][data-code="2026-Q1"][data-level=unit]');
const unitRow = (page: Page, name: string) => q1Units(page).locator(`[data-testid=unit-row][data-unit="${name}"]`);
const chipOf = (page: Page, name: string) => unitRow(page, name).getByTestId('unit-status').textContent();
const toast = (page: Page, text: string) => page.locator('.ant-message').getByText(text).first().waitFor();

async function openCalendar(page: Page) {
  await page.goto('/reports?year=2026');
  await q1Units(page).waitFor();
}

async function confirmPopover(page: Page, button: string) {
  await page.locator('.ant-popconfirm:visible').getByRole('button', { name: button }).click();
}

async function noHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
}

/** A one-page PDF, as a unit would attach (minutes of an inspection). */
const PDF = Buffer.from(
  '%PDF-1.4\n1 0 obj << /Type /Catalog /Pages 2 0 R >> endobj\n2 0 obj << /Type /Pages /Kids [] /Count 0 >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n',
  'latin1',
);

async function communeId(page: Page): Promise<string> {
  return (await (await page.request.get('/api/v1/org/by-code/05800')).json()).id;
}

let reportUrl = '';
let returnedFormUrl = '';

describe('periodic reporting', () => {
  it('the plan officer reports for units, late, with Vietnamese numbers, and reviews them', async () => {
    const { context, page } = await signedIn(OFFICER);
    await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo' }).click();
    await q1Units(page).waitFor();
    const head = await q1Units(page).textContent();
    expect(head).toContain('Số liệu từ 15/12/2025 đến 14/03/2026');
    expect(head).toContain('Hạn nộp: 17/03/2026');
    expect(head).toContain('Đơn vị → Xã');
    expect(await chipOf(page, 'Phòng Kinh tế')).toBe('Chưa nộp');
    await page.getByTestId('completeness').waitFor();

    // Phòng Kinh tế: three percentages, one typed with a decimal comma; saved, then submitted after the due date.
    await unitRow(page, 'Phòng Kinh tế').getByRole('link').click();
    const values = page.getByTestId('value-input');
    await expect.poll(() => values.count(), WAIT).toBe(3);
    await values.nth(0).fill('45,5');
    await values.nth(1).fill('60');
    await values.nth(2).fill('12,25');
    await page.getByTestId('save-draft').click();
    await toast(page, 'Đã lưu nháp');
    await expect.poll(() => page.getByTestId('submission-status').textContent(), WAIT).toBe('Nháp');
    await page.reload();
    await expect.poll(() => page.getByTestId('value-input').nth(0).inputValue(), WAIT).toBe('45,5');
    // Evidence with the report: a PDF is attached; an .exe named .pdf is refused by its content.
    await page
      .getByTestId('attach-input')
      .setInputFiles({ name: 'Biên bản kiểm tra hạ tầng.pdf', mimeType: 'application/pdf', buffer: PDF });
    await toast(page, 'Đã đính kèm "Biên bản kiểm tra hạ tầng.pdf"');
    await page
      .getByTestId('attach-input')
      .setInputFiles({ name: 'bao-cao.pdf', mimeType: 'application/pdf', buffer: Buffer.from('MZ\x90\x00 not a pdf') });
    await page.locator('.ant-message').getByText('Tệp đính kèm không được chấp nhận').first().waitFor();
    await expect.poll(() => page.getByTestId('attachment-row').count(), WAIT).toBe(1);
    await page.getByTestId('submit-report').click();
    await confirmPopover(page, 'Nộp báo cáo');
    await expect.poll(() => page.getByTestId('submission-status').textContent(), WAIT).toBe('Nộp muộn');
    expect(await page.getByTestId('history').textContent()).toContain('Nộp muộn (hạn 2026-03-17)');

    // Văn phòng: a percent of 120 is refused in the browser, in Vietnamese; then filled and submitted.
    await openCalendar(page);
    await unitRow(page, 'Văn phòng HĐND và UBND').getByRole('link').click();
    const rows = page.getByTestId('value-row');
    await expect.poll(() => rows.count(), WAIT).toBeGreaterThan(1);
    const pct = rows.and(page.locator('[data-unit="%"]')).first();
    await pct.getByTestId('value-input').fill('120');
    await pct.getByTestId('value-input').blur();
    await pct.getByText('Tỷ lệ phần trăm phải trong khoảng 0–100').waitFor();
    await page.getByTestId('save-draft').click();
    await toast(page, 'Vui lòng sửa các ô được đánh dấu đỏ.');
    for (let i = 0; i < (await rows.count()); i++)
      await rows
        .nth(i)
        .getByTestId('value-input')
        .fill((await rows.nth(i).getAttribute('data-unit')) === '%' ? '50' : '1');
    await page.getByTestId('submit-report').click();
    await confirmPopover(page, 'Nộp báo cáo');
    await expect.poll(() => page.getByTestId('submission-status').textContent(), WAIT).toBe('Nộp muộn');
    returnedFormUrl = new URL(page.url()).pathname;

    // The officer who sent them is offered no review (REPORT_SEPARATION_OF_DUTIES) …
    await openCalendar(page);
    expect(await q1Units(page).getByTestId('approve-submission').count()).toBe(0);
    // … another officer of the standing office reviews on the calendar: Văn phòng is returned with a reason, Phòng Kinh tế approved.
    const review = await signedIn(REVIEWER);
    {
      const page = review.page;
      await openCalendar(page);
      await unitRow(page, 'Văn phòng HĐND và UBND').getByTestId('return-submission').click();
      await page.locator('.ant-modal').getByRole('button', { name: 'Trả lại' }).click();
      await page.locator('.ant-modal').getByText('Cần ghi lý do trả lại').waitFor();
      await page.getByTestId('return-reason').fill('Bổ sung số liệu chỉ tiêu về đào tạo kỹ năng số.');
      await page.getByTestId('return-confirm').click();
      await expect.poll(() => chipOf(page, 'Văn phòng HĐND và UBND'), WAIT).toBe('Bị trả lại');
      // The reviewer opens Kinh tế's submitted report: the attachment is there to download, not to remove.
      await unitRow(page, 'Phòng Kinh tế').getByRole('link').click();
      await page.getByTestId('attachment-row').waitFor();
      expect(await page.getByTestId('attachment-link').textContent()).toBe('Biên bản kiểm tra hạ tầng.pdf');
      expect(await page.getByTestId('attachment-remove').count()).toBe(0);
      expect(await page.getByTestId('attach-button').count()).toBe(0);
      const file = await page.request.get((await page.getByTestId('attachment-link').getAttribute('href'))!);
      expect(file.status()).toBe(200);
      expect(Buffer.compare(await file.body(), PDF)).toBe(0);
      await page.getByTestId('attachments').scrollIntoViewIfNeeded();
      await screenshot(page, 'report-review-attachment');
      await openCalendar(page);
      await unitRow(page, 'Phòng Kinh tế').getByTestId('approve-submission').click();
      await confirmPopover(page, 'Duyệt');
      await expect.poll(() => chipOf(page, 'Phòng Kinh tế'), WAIT).toBe('Đã duyệt');
    }
    await review.context.close();
    await page.goto(returnedFormUrl);
    expect(await page.getByTestId('review-comment').textContent()).toBe(
      'Bổ sung số liệu chỉ tiêu về đào tạo kỹ năng số.',
    );

    // The commune report: numbered and given its difficulties by the standing office.
    await openCalendar(page);
    await page
      .locator('[data-testid=period-card][data-code="2026-Q1"][data-level=commune]')
      .getByTestId('commune-report-link')
      .click();
    await page.getByTestId('report-preview').waitFor();
    reportUrl = new URL(page.url()).pathname;
    await page.getByTestId('cr-number').fill('5/BC');
    await page.getByTestId('cr-save').click();
    await page.getByText('Số văn bản có dạng 05/BC-UBND').first().waitFor();
    await page.getByTestId('cr-number').fill('05/BC-UBND');
    await page.getByTestId('cr-difficulties').fill('Hạ tầng mạng ở thôn xa còn yếu.');
    await page.getByTestId('cr-save').click();
    await expect.poll(() => page.getByTestId('doc-number').textContent(), WAIT).toBe('Số: 05/BC-UBND');
    expect(await page.getByTestId('doc-difficulties').textContent()).toContain('Hạ tầng mạng ở thôn xa còn yếu.');
    expect(await page.getByTestId('cr-status').textContent()).toBe('Đang soạn');
    // Kinh tế's approved 45,5 % is in the document, and its attachment in the annex line.
    expect(await page.getByTestId('report-preview').textContent()).toContain('45,5%');
    expect(await page.getByTestId('doc-attachments').textContent()).toContain(
      '- Phòng Kinh tế: Biên bản kiểm tra hạ tầng.pdf.',
    );
    await context.close();
  });

  it('the current quarter’s form starts from the unit’s task progress, on a phone', async () => {
    const { context, page } = await signedIn(OFFICER, PHONE);
    const year = new Date().getFullYear();
    await page.goto(`/reports?year=${year}`);
    // The unit period whose data window holds today (the demo tasks were worked on today).
    const today = new Date(Date.now() + 7 * 3_600_000).toISOString().slice(0, 10);
    const periods = (
      await (
        await page.request.get(`/api/v1/reporting/calendar?communeId=${await communeId(page)}&year=${year}`)
      ).json()
    ).periods as {
      id: string;
      level: string;
      closingStart: string;
      closingEnd: string;
      units: { unitId: string; unitName: string }[];
    }[];
    const open = periods.find((p) => p.level === 'unit' && p.closingStart <= today && today <= p.closingEnd);
    if (!open) return; // 15–31 December: the open window belongs to next year's calendar, not generated in the demo
    const unit = open.units.find((u) => u.unitName === 'Phòng Văn hóa - Xã hội') ?? open.units[0];
    await page.goto(`/reports/periods/${open.id}/units/${unit.unitId}`);
    await page.getByTestId('narrative-prefilled').first().waitFor(WAIT);
    const row = page
      .getByTestId('narrative-row')
      .filter({ has: page.getByTestId('narrative-prefilled') })
      .first();
    expect(await row.locator('textarea').first().inputValue()).toMatch(
      /^(Đang thực hiện|Đã hoàn thành|Quá hạn|Đã giao)/,
    );
    await row.scrollIntoViewIfNeeded();
    await noHorizontalScroll(page);
    await screenshot(page, 'phone-report-prefilled');
    await context.close();
  });

  it('looks right on a 360-px phone: the returned form and the report preview', async () => {
    const { context, page } = await signedIn(OFFICER, PHONE);
    await page.goto(returnedFormUrl);
    await page.getByTestId('review-comment').waitFor();
    await noHorizontalScroll(page);
    await screenshot(page, 'phone-report-submission');
    await page.goto(reportUrl);
    await page.getByTestId('report-preview').evaluate((el) => {
      el.scrollIntoView({ block: 'start' });
      window.scrollBy(0, -64);
    });
    await page.waitForTimeout(300);
    await noHorizontalScroll(page);
    await screenshot(page, 'phone-commune-report');
    await context.close();
  });

  it('the leader signs and sends it up; the province sees it and marks it received', async () => {
    const leader = await signedIn(LEADER);
    await leader.page.goto(reportUrl);
    await leader.page.getByTestId('cr-sign').click();
    await confirmPopover(leader.page, 'Ký báo cáo');
    await expect.poll(() => leader.page.getByTestId('cr-status').textContent(), WAIT).toBe('Đã ký');
    expect(await leader.page.getByTestId('doc-signature').textContent()).toContain('Dương Văn Thịnh');
    await leader.page.getByTestId('cr-send').click();
    await expect.poll(() => leader.page.getByTestId('cr-status').textContent(), WAIT).toBe('Đã gửi tỉnh');
    expect(await leader.page.getByTestId('cr-late').textContent()).toBe('Gửi muộn');
    await leader.context.close();

    const { context, page } = await signedIn(PROVINCE);
    await page.getByRole('navigation').getByRole('link', { name: 'Báo cáo' }).click();
    await page.getByRole('button', { name: 'Báo cáo các xã' }).click();
    await pickSelect(page, page.getByTestId('period-picker'), null, 'Quý I');
    const row = page.locator('tr[data-commune="Xã Phú Thịnh"]');
    await expect.poll(() => row.getByTestId('province-status').textContent(), WAIT).toBe('Đã gửi tỉnh');
    expect(await row.textContent()).toContain('Gửi muộn');
    expect(await row.textContent()).toContain('19/03/2026');
    await page.getByTestId('completeness').waitFor();
    await row.getByTestId('open-report').click();
    await page.getByTestId('cr-receive').click();
    await expect.poll(() => page.getByTestId('cr-status').textContent(), WAIT).toBe('Tỉnh đã nhận');
    expect(await page.getByTestId('history').textContent()).toContain('Tỉnh đã nhận');

    // The .docx link downloads with the session cookie.
    const href = await page.getByTestId('cr-docx').getAttribute('href');
    const res = await page.request.get(href!);
    expect(res.status()).toBe(200);
    expect(res.headers()['content-type']).toBe(
      'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
    );
    expect((await res.body()).subarray(0, 2).toString()).toBe('PK');
    await context.close();
  });
});
