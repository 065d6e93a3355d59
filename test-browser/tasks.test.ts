import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiAs, DESKTOP, launchBrowser, newPage, PHONE, pickSelect, screenshot, signIn } from './browser.ts';

/**
 * Tasks by "6 rõ" (issue 5) in Xã Vĩnh Bảo: the plan officer turns two of the plan's tasks
 * into assignments, the unit officer (Phòng Kinh tế) posts progress with evidence and submits
 * both, the leader verifies one and returns the other with a reason, and the unit officer
 * moves the returned one on a 360-px phone with the card's menu.
 */
let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const WAIT = { timeout: 10_000 };
/** A confirmation toast; writes wait for the server, which another suite may be loading. */
const toast = (page: Page, text: string | RegExp) =>
  page.locator('.ant-message').getByText(text).first().waitFor({ timeout: 30_000 });
const PDF = Buffer.from('%PDF-1.4\n1 0 obj << /Type /Catalog >> endobj\ntrailer << /Root 1 0 R >>\n%%EOF\n');

async function noHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
}

/** The open action dialog (progress, submit, verify, return). */
const dialog = (page: Page) => page.locator('.ant-modal-wrap:visible .ant-modal');
const cardIn = (page: Page, status: string, title: string) =>
  page.locator(`[data-testid=board-column][data-status=${status}] [data-testid=task-card]`).filter({ hasText: title });
const short = (title: string) => title.slice(0, 40);

let titleA = '';
let titleB = '';

async function openMine(page: Page, title: string) {
  await page.goto('/tasks');
  await page
    .getByTestId('mine-responsible')
    .getByRole('link', { name: short(title) })
    .first()
    .click();
  await page
    .getByTestId('task-title')
    .filter({ hasText: short(title) })
    .waitFor();
}

describe('tasks by "6 rõ"', () => {
  it('the plan officer turns two of the plan’s tasks into assignments', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'vinhbao.vanhoa');
    await page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).click();
    // The demo plan (the plans test may have added a 2027 one).
    await page.getByTestId('plan-row').filter({ hasText: 'Vĩnh Bảo năm 2026' }).first().click();
    await page.getByTestId('assign-from-plan').click();
    await page.getByTestId('plan-item').first().waitFor(WAIT);
    // The demo already assigned the items the plan gives a lead unit; they are marked and not chosen.
    const tracked = page.locator('[data-testid=plan-item][data-tracked=yes]');
    expect(await tracked.count()).toBeGreaterThan(0);
    await page.getByTestId('choose-none').click();
    expect(await page.getByTestId('chosen-count').textContent()).toMatch(/^Đã chọn 0\//);
    await expect.poll(() => page.getByTestId('create-from-plan').isDisabled()).toBe(true);

    const fresh = page.locator('[data-testid=plan-item][data-tracked=no]');
    for (const n of [0, 1]) {
      const item = fresh.nth(n);
      await item.getByTestId('item-choose').click();
      // Chosen without a lead unit: the item is marked and the button waits.
      await item.getByTestId('item-lead').waitFor();
      await pickSelect(page, item.getByTestId('item-lead'), 'kinh te', 'Phòng Kinh tế');
      await pickSelect(page, item.getByTestId('item-person'), 'Bui', 'Bùi Đức Anh');
      const title = (await item.locator('.xs-fp-title').textContent())!.trim();
      if (n === 0) titleA = title;
      else titleB = title;
    }
    expect(await page.getByTestId('chosen-count').textContent()).toMatch(/^Đã chọn 2\//);
    // Quarterly milestones instead of yearly ones: the choices stay.
    await page.getByTestId('milestone-mode').getByText('Theo quý').click();
    await expect
      .poll(async () => (await fresh.nth(0).getByTestId('item-milestones').locator('..').textContent()) ?? '', WAIT)
      .toMatch(/Quý IV/);
    expect(await page.getByTestId('chosen-count').textContent()).toMatch(/^Đã chọn 2\//);
    await screenshot(page, 'tasks-from-plan');
    await page.getByTestId('create-from-plan').click();
    await toast(page, 'Đã giao 2 nhiệm vụ');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/tasks/board');
    await cardIn(page, 'assigned', short(titleA)).waitFor(WAIT);
    await cardIn(page, 'assigned', short(titleB)).waitFor(WAIT);
    await screenshot(page, 'tasks-board-desktop');
    await context.close();
  });

  it('the unit officer posts progress with evidence; a forbidden or oversized file is refused in plain words', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'vinhbao.kinhte');
    await openMine(page, titleA);
    const six = page.getByTestId('six-clear');
    for (const label of ['Rõ người', 'Rõ việc', 'Rõ thời gian', 'Rõ trách nhiệm', 'Rõ thẩm quyền', 'Rõ kết quả'])
      await six.getByText(label).waitFor();
    expect(await six.textContent()).toContain('Bùi Đức Anh');
    expect(await page.getByTestId('milestones').textContent()).toMatch(/Quý/);

    await page.getByTestId('do-progress').click();
    const d = dialog(page);
    await d.getByTestId('action-title').filter({ hasText: 'Cập nhật tiến độ' }).waitFor();
    const file = d.locator('input[type=file]');
    await file.setInputFiles({
      name: 'cai-dat.exe',
      mimeType: 'application/octet-stream',
      buffer: Buffer.from('MZ\x90\x00'),
    });
    expect(await d.getByTestId('evidence-error').textContent()).toContain('không được chấp nhận: chỉ nhận PDF');
    // A program renamed to .pdf: the server reads the content and refuses it.
    await file.setInputFiles({
      name: 'bao-cao.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.from([0x4d, 0x5a, 0x90, 0, 3, 0, 0, 0, 4, 0, 0, 0]),
    });
    await expect
      .poll(async () => (await d.getByTestId('evidence-error').textContent()) ?? '', WAIT)
      .toMatch(/bao-cao\.pdf: Tệp minh chứng không được chấp nhận/);
    // Over the 10 MB default limit.
    await file.setInputFiles({
      name: 'ban-scan.pdf',
      mimeType: 'application/pdf',
      buffer: Buffer.concat([PDF, Buffer.alloc(10.5 * 1024 * 1024)]),
    });
    await expect
      .poll(async () => (await d.getByTestId('evidence-error').textContent()) ?? '', { timeout: 20_000 })
      .toMatch(/ban-scan\.pdf: Tệp minh chứng vượt quá giới hạn 10 MB/);
    await screenshot(page, 'tasks-evidence-refused');
    await file.setInputFiles({ name: 'bien-ban-hop-thon.pdf', mimeType: 'application/pdf', buffer: PDF });
    await d.getByTestId('evidence-file').filter({ hasText: 'bien-ban-hop-thon.pdf' }).waitFor(WAIT);
    expect(await d.getByTestId('evidence-error').count()).toBe(0);
    await d.locator('input[data-testid=progress-percent], [data-testid=progress-percent] input').first().fill('60');
    await d.getByTestId('action-note').fill('Đã họp triển khai tại 3 thôn, lập danh sách hộ cần hỗ trợ.');
    await d.getByTestId('action-ok').click();
    await toast(page, 'Đã cập nhật tiến độ');
    await expect.poll(async () => (await page.getByTestId('task-percent').textContent()) ?? '').toContain('60%');
    await page.getByTestId('task-file').filter({ hasText: 'bien-ban-hop-thon.pdf' }).waitFor();
    const progress = page.locator('[data-testid=log-entry][data-kind=progress]').last();
    expect(await progress.textContent()).toContain('Đã họp triển khai tại 3 thôn');
    expect(await progress.textContent()).toContain('bien-ban-hop-thon.pdf');

    // A comment mentioning the plan officer.
    const comment = page.locator('textarea[data-testid=comment-input], [data-testid=comment-input] textarea').first();
    await comment.fill('Nhờ @vinhbao.vanhoa gửi mẫu báo cáo.');
    await comment.press('Escape');
    await page.getByTestId('comment-send').click();
    await toast(page, 'Đã gửi bình luận');
    expect(await page.locator('[data-testid=log-entry][data-kind=comment]').last().textContent()).toContain(
      'Nhờ @vinhbao.vanhoa gửi mẫu báo cáo.',
    );
    await screenshot(page, 'tasks-task-page');

    // Submit A from its page.
    await page.getByTestId('do-submit').click();
    await dialog(page).getByTestId('action-note').fill('Hoàn thành, gửi biên bản họp các thôn.');
    await dialog(page).getByTestId('action-ok').click();
    await toast(page, 'Đã trình kết quả');
    await expect
      .poll(async () => (await page.getByTestId('task-status').first().textContent()) ?? '')
      .toBe('Chờ phê duyệt');

    // Submit B by dragging its card on the board to "Chờ phê duyệt".
    await page.goto('/tasks/board');
    const card = cardIn(page, 'assigned', short(titleB));
    await card.waitFor(WAIT);
    await card.dragTo(page.locator('[data-testid=board-column][data-status=submitted]'));
    await dialog(page).getByTestId('action-title').filter({ hasText: 'Trình kết quả' }).waitFor();
    await dialog(page).getByTestId('action-note').fill('Đã hoàn thành.');
    await dialog(page).getByTestId('action-ok').click();
    await toast(page, 'Đã trình kết quả');
    await cardIn(page, 'submitted', short(titleB)).waitFor(WAIT);
    await context.close();
  });

  it('the leader verifies one from the bell, and returns the other with a reason', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'vinhbao.chutich');
    await expect
      .poll(
        async () =>
          Number((await page.getByTestId('bell-count').locator('.ant-badge-count').getAttribute('title')) ?? 0),
        WAIT,
      )
      .toBeGreaterThan(0);
    await page.getByTestId('bell').click();
    await page
      .getByTestId('bell-item')
      .filter({ hasText: `Chờ phê duyệt: ${short(titleA)}` })
      .first()
      .click();
    await page
      .getByTestId('task-title')
      .filter({ hasText: short(titleA) })
      .waitFor();
    await page.getByTestId('do-verify').click();
    await dialog(page).getByTestId('action-ok').click();
    await toast(page, 'Đã phê duyệt');
    await expect
      .poll(async () => (await page.getByTestId('task-status').first().textContent()) ?? '')
      .toBe('Đã hoàn thành');

    await page.goto('/tasks');
    await page
      .getByTestId('mine-to-approve')
      .getByRole('link', { name: short(titleB) })
      .click();
    await page.getByTestId('do-return').click();
    await dialog(page).getByTestId('action-ok').click();
    await dialog(page).getByText('Cần ghi rõ lý do trả lại').waitFor();
    await dialog(page).getByTestId('action-note').fill('Thiếu danh sách hộ đã được hỗ trợ; đề nghị bổ sung.');
    await dialog(page).getByTestId('action-ok').click();
    await toast(page, 'Đã trả lại nhiệm vụ');
    await expect
      .poll(async () => (await page.getByTestId('task-status').first().textContent()) ?? '')
      .toBe('Bị trả lại');
    expect(await page.locator('[data-testid=log-entry][data-kind=return]').textContent()).toContain(
      'Lý do trả lại: Thiếu danh sách hộ',
    );

    // An ad-hoc task from a meeting conclusion, by "6 rõ"; a due date before the start is refused.
    await page.goto('/tasks/new');
    await page.getByTestId('form-source-ref').fill('Thông báo kết luận số 15/TB-UBND ngày 20/11/2026');
    await page.getByTestId('form-title').fill('Rà soát điểm phát wifi miễn phí tại nhà văn hóa các thôn');
    await pickSelect(page, page.getByTestId('form-lead'), 'kinh te', 'Phòng Kinh tế');
    await pickSelect(page, page.getByTestId('form-assignee'), 'Bui', 'Bùi Đức Anh');
    await page.getByTestId('form-product').fill('Danh sách điểm wifi, đề xuất bổ sung');
    // Tab, not Enter: Enter in a field would submit the form at once.
    await page.locator('#dueDate').fill('01/01/2026');
    await page.locator('#dueDate').press('Tab');
    await page.getByTestId('form-submit').click();
    await page.getByText('Hạn hoàn thành không được trước ngày bắt đầu').waitFor();
    await page.locator('#dueDate').fill('31/12/2026');
    await page.locator('#dueDate').press('Tab');
    await page.getByTestId('form-submit').click();
    await toast(page, 'Đã giao nhiệm vụ');
    await page.getByTestId('task-title').filter({ hasText: 'Rà soát điểm phát wifi' }).waitFor();
    expect(await page.getByTestId('six-clear').textContent()).toContain(
      'Kết luận cuộc họp: Thông báo kết luận số 15/TB-UBND',
    );

    // The leader's views: overdue and at risk (the demo's), the .xlsx, the timeline.
    await page.getByRole('navigation', { name: 'Menu chính' }).getByRole('link', { name: 'Nhiệm vụ' }).click();
    await page.getByTestId('tab-overdue').click();
    await page.getByTestId('overdue-list').getByTestId('task-card').first().waitFor(WAIT);
    const href = await page.getByTestId('export-xlsx').getAttribute('href');
    const xlsx = await page.request.get(href!);
    expect(xlsx.headers()['content-type']).toMatch(/spreadsheetml/);
    await screenshot(page, 'tasks-overdue');
    await page.getByTestId('tab-timeline').click();
    await page.getByTestId('gantt-bar').first().waitFor(WAIT);
    expect(await page.getByTestId('gantt-milestone').count()).toBeGreaterThan(0);
    await screenshot(page, 'tasks-timeline');
    await context.close();
  });

  it('on a 360-px phone the board stacks its columns and a card’s menu moves it', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'vinhbao.kinhte');
    await page.goto('/tasks/board');
    const returned = cardIn(page, 'returned', short(titleB));
    await returned.waitFor(WAIT);
    await noHorizontalScroll(page);
    await returned.scrollIntoViewIfNeeded();
    await screenshot(page, 'tasks-phone-board');
    await returned.getByTestId('card-menu').click();
    await page.locator('.ant-dropdown:visible').getByText('Trình kết quả → Chờ phê duyệt').click();
    await dialog(page).getByTestId('action-note').fill('Đã bổ sung danh sách hộ được hỗ trợ.');
    await screenshot(page, 'tasks-phone-submit');
    await dialog(page).getByTestId('action-ok').click();
    await toast(page, 'Đã trình kết quả');
    await cardIn(page, 'submitted', short(titleB)).waitFor(WAIT);
    expect(await cardIn(page, 'returned', short(titleB)).count()).toBe(0);

    // The task page and the timeline fit the phone; the chart scrolls inside itself.
    await cardIn(page, 'submitted', short(titleB)).getByRole('link').click();
    await page.getByTestId('six-clear').waitFor();
    await noHorizontalScroll(page);
    await screenshot(page, 'tasks-phone-task');
    await page.goto('/tasks/timeline');
    await page.getByTestId('gantt-bar').first().waitFor(WAIT);
    await noHorizontalScroll(page);
    const gantt = page.getByTestId('gantt');
    expect(await gantt.evaluate((el) => el.scrollWidth > el.clientWidth)).toBe(true);
    await screenshot(page, 'tasks-phone-timeline');
    await page.goto('/tasks');
    await page.getByTestId('mine-responsible').waitFor();
    await noHorizontalScroll(page);
    await screenshot(page, 'tasks-phone-mine');
    await context.close();
  });
});

describe('a long board column (Xã Tượng Lĩnh, no other test works there)', () => {
  it('shows its first 50 cards and, on a phone, the rest with "Xem thêm"', async () => {
    const officer = await apiAs('tuonglinh.vanhoa');
    const leader = await apiAs('tuonglinh.chutich');
    const communeId = officer.user.grants.find((g) => g.orgKind === 'commune')!.orgUnitId;
    const due = new Date(Date.now() + 40 * 86_400_000).toISOString().slice(0, 10);
    const start = new Date().toISOString().slice(0, 10);
    const before = (await officer('GET', `/tasks/board?communeId=${communeId}`)).columns.find(
      (c: { status: string }) => c.status === 'assigned',
    ).count as number;
    const wanted = Math.max(0, 56 - before);
    for (let i = 0; i < wanted; i++) {
      await officer('POST', '/tasks', {
        communeId,
        source: 'meeting',
        sourceRef: `Thông báo kết luận số ${i + 1}/TB-UBND`,
        title: `Rà soát hồ sơ thôn số ${i + 1}`,
        leadUnitId: officer.user.orgUnitId,
        assigneeId: officer.user.id,
        approverId: leader.user.id,
        approvingAuthority: 'Chủ tịch UBND xã',
        expectedProduct: 'Danh sách hồ sơ đã rà soát',
        startDate: start,
        dueDate: due,
      });
    }
    const total = before + wanted;

    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'tuonglinh.vanhoa');
    await page.goto('/tasks/board');
    const column = page.locator('[data-testid=board-column][data-status=assigned]');
    await expect.poll(() => column.getByTestId('task-card').count()).toBe(50);
    expect(await column.getByTestId('column-count').textContent()).toBe(String(total));
    const more = column.getByTestId('column-more');
    expect(await more.textContent()).toBe(`Xem ${total - 50} nhiệm vụ còn lại`);
    await more.scrollIntoViewIfNeeded();
    await screenshot(page, 'tasks-phone-board-more');
    await more.click();
    await expect.poll(() => column.getByTestId('task-card').count()).toBe(total);
    expect(await column.getByTestId('column-more').count()).toBe(0);
    await noHorizontalScroll(page);
    await context.close();
  });
});
