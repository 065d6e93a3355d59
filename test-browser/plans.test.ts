import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { DESKTOP, launchBrowser, newPage, PHONE, pickSelect, screenshot, signIn } from './browser.ts';
import { amendedPlanDocx, PLAN_TXT } from './plan-fixtures.ts';

/** Network round trips (a debounced search, an import) can take longer than expect.poll's default second. */
const WAIT = { timeout: 10_000 };

let browser: Browser;
let planPath = '';
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

const fileInput = (page: Page) => page.getByTestId('upload-form').locator('input[type=file]');

async function noHorizontalScroll(page: Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
}

/** Opens the upload dialog, gives it the file and waits for the review screen. */
async function uploadPlan(page: Page, file: { name: string; mimeType: string; buffer: Buffer }) {
  await fileInput(page).setInputFiles(file);
  await page.getByTestId('upload-start').click();
  await page.waitForURL(/\/plans\/imports\/[0-9a-f-]{36}$/, { timeout: 30_000 });
  await page.getByTestId('review-items').waitFor();
}

describe('plans as data', () => {
  it('the plan officer uploads a .txt plan, reviews it beside its source and saves it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'vinhbao.vanhoa');
    await page.getByRole('navigation').getByRole('link', { name: 'Kế hoạch' }).click();
    await page.getByTestId('plan-row').first().waitFor();
    await page.getByTestId('upload-plan').click();

    // A wrong file is refused in the browser, in Vietnamese, before anything is sent.
    await fileInput(page).setInputFiles({
      name: 'anh-chup.png',
      mimeType: 'image/png',
      buffer: Buffer.from([0x89, 0x50, 0x4e, 0x47]),
    });
    expect(await page.getByTestId('file-error').textContent()).toContain('không phải .docx, .pdf hoặc .txt');
    expect(await page.getByTestId('upload-start').isDisabled()).toBe(true);
    await uploadPlan(page, {
      name: 'ke-hoach-2027.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(PLAN_TXT, 'utf8'),
    });

    const targets = page.getByTestId('review-targets');
    await expect.poll(async () => targets.count(), WAIT).toBe(5);
    // Opening an item highlights its line in the source.
    await targets.filter({ hasText: 'hài lòng' }).locator('.xs-item-text').click();
    await expect
      .poll(async () => page.locator('.xs-source-line.is-highlight').getAttribute('data-line'), WAIT)
      .toBe('17');
    expect(await page.locator('.xs-source-line.is-highlight').textContent()).toContain('đạt ≥ 95%');
    await screenshot(page, 'desktop-plan-review');

    // Correct one target's value (100 → 98).
    const digitised = targets.filter({ hasText: 'được số hóa' });
    await digitised.getByTestId('edit-item').click();
    await digitised.locator('input#value').fill('98');
    await digitised.getByTestId('item-form-save').click();
    await expect.poll(async () => digitised.getByTestId('target-value-text').textContent(), WAIT).toBe('98 %');

    // Delete the note read as a target.
    await targets.filter({ hasText: 'Ghi chú' }).getByTestId('delete-item').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Xóa' }).click();
    await expect.poll(async () => targets.count(), WAIT).toBe(4);

    // Confirm the catalogue suggestion of one target.
    const online = targets.filter({ hasText: 'toàn trình' });
    expect(await online.getByTestId('link-suggested').textContent()).toContain(
      'Tỷ lệ dịch vụ công trực tuyến toàn trình',
    );
    await online.getByTestId('confirm-link').click();
    await online.getByTestId('link-confirmed').waitFor();

    // Add the task the importer missed: select lines (click, shift-click), then one line, and read it.
    await page.locator('.xs-source-line[data-line="11"]').click();
    await page.locator('.xs-source-line[data-line="12"]').click({ modifiers: ['Shift'] });
    expect(await page.getByTestId('selection-label').textContent()).toBe('Dòng 11–12');
    await page.locator('.xs-source-line[data-line="12"]').click();
    await page.getByTestId('add-task-from-passage').click();
    const tasks = page.getByTestId('review-tasks');
    await tasks.filter({ hasText: 'Trung tâm điều hành thông minh' }).waitFor();
    // Two reporting sentences were read as tasks: leave them out.
    for (const text of ['Các đơn vị báo cáo', 'tổng hợp báo cáo Ủy ban'])
      await tasks.filter({ hasText: text }).getByTestId('accept').click();
    expect(await page.getByTestId('accepted-count-tasks').textContent()).toBe('Giữ 4/6 mục');

    // The review is saved as the officer works, and comes back after a reload.
    await expect
      .poll(async () => page.getByTestId('save-status').getAttribute('data-saved'), { timeout: 10_000 })
      .toBe('true');
    await page.reload();
    await page.getByTestId('review-items').waitFor();
    await expect.poll(async () => targets.count(), WAIT).toBe(4);
    expect(await targets.filter({ hasText: 'được số hóa' }).getByTestId('target-value-text').textContent()).toBe(
      '98 %',
    );
    await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
    expect(await page.getByTestId('accepted-count-tasks').textContent()).toBe('Giữ 4/6 mục');

    await page.getByTestId('save-plan').click();
    expect(await page.getByTestId('commit-modal').textContent()).toContain(
      '4 chỉ tiêu, 4 nhiệm vụ, 2 quy định báo cáo',
    );
    await page.getByTestId('commit-note').fill('Bản ban hành');
    await page.getByTestId('commit-ok').click();
    await page.waitForURL(/\/plans\/[0-9a-f-]{36}$/);
    planPath = new URL(page.url()).pathname;

    // The plan page shows the corrected value and the confirmed link.
    await page.getByTestId('plan-title').filter({ hasText: 'Chuyển đổi số xã Vĩnh Bảo năm 2027' }).waitFor();
    const planTargets = page.getByTestId('plan-target');
    await expect.poll(async () => planTargets.count(), WAIT).toBe(4);
    expect(await planTargets.filter({ hasText: 'được số hóa' }).getByTestId('target-value-text').textContent()).toBe(
      '98 %',
    );
    await planTargets.filter({ hasText: 'toàn trình' }).getByTestId('link-confirmed').waitFor();
    expect(await page.locator('.ant-descriptions').textContent()).toMatch(/12\/KH-UBND.*15\/01\/2027/);
    await screenshot(page, 'desktop-plan-page');
    await context.close();
  });

  it('edits a task by hand, re-imports an amended .docx, sees the changes first, then opens version 1', async () => {
    expect(planPath).not.toBe('');
    const { context, page } = await newPage(browser);
    await signIn(page, 'vinhbao.vanhoa');
    await page.goto(planPath);
    await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
    const task = page.getByTestId('plan-task').filter({ hasText: 'theo dõi nhiệm vụ điện tử' });
    await task.getByTestId('edit-item').click();
    const dialog = page.locator('.ant-modal:visible');
    await pickSelect(page, dialog.getByTestId('lead-unit'), 'van phong', 'Văn phòng HĐND và UBND');
    await dialog.locator('#expected').fill('100% nhiệm vụ của UBND xã được theo dõi trên hệ thống');
    await dialog.getByTestId('item-modal-save').click();
    await dialog.waitFor({ state: 'hidden' });
    await expect.poll(async () => task.textContent(), WAIT).toContain('Chủ trì: Văn phòng HĐND và UBND');
    expect(await task.textContent()).toContain('100% nhiệm vụ của UBND xã được theo dõi');

    // Re-import the amended document (a .docx made with the docx library).
    await page.getByTestId('reimport').click();
    await uploadPlan(page, {
      name: 'ke-hoach-2027-sua-doi.docx',
      mimeType: 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
      buffer: await amendedPlanDocx(),
    });
    await page.getByText('Đây là văn bản sửa đổi của một kế hoạch đã có').waitFor();
    await page.getByTestId('review-targets').filter({ hasText: 'Ghi chú' }).getByTestId('accept').click();
    await page.getByRole('tab', { name: /Nhiệm vụ/ }).click();
    for (const text of ['Các đơn vị báo cáo', 'tổng hợp báo cáo Ủy ban'])
      await page.getByTestId('review-tasks').filter({ hasText: text }).getByTestId('accept').click();
    await page.getByTestId('save-plan').click();

    // What will change, before saving: the raised target, the new task, the header number.
    const changes = page.getByTestId('changes');
    await changes.waitFor();
    const changed = page.getByTestId('change-changed').filter({ hasText: 'hài lòng' });
    expect(await changed.textContent()).toMatch(/≥ 95 %.*→.*≥ 97 %|95.*→.*97/);
    expect(
      await page.getByTestId('change-added').filter({ hasText: 'cổng thông tin điện tử của các thôn' }).count(),
    ).toBe(1);
    expect(await changes.textContent()).toContain('20/KH-UBND');
    await screenshot(page, 'desktop-plan-reimport-changes');
    await page.getByTestId('commit-note').fill('Sửa đổi theo Kế hoạch số 20/KH-UBND');
    await page.getByTestId('commit-ok').click();
    await page.waitForURL((u) => u.pathname === planPath);
    await page.getByText('Phiên bản 2').first().waitFor();

    // History: version 1 opens read-only with its own content.
    await page.getByRole('tab', { name: /Lịch sử phiên bản/ }).click();
    await expect.poll(async () => page.getByTestId('version-row').count(), WAIT).toBe(2);
    expect(await page.getByTestId('version-row').first().textContent()).toContain(
      'Sửa đổi theo Kế hoạch số 20/KH-UBND',
    );
    await page.getByTestId('version-row').filter({ hasText: 'Phiên bản 1' }).click();
    await page.getByTestId('version-page').waitFor();
    await page.getByText('Phiên bản 1 — chỉ xem, không sửa được').waitFor();
    expect(
      await page
        .getByTestId('plan-target')
        .filter({ hasText: 'hài lòng' })
        .getByTestId('target-value-text')
        .textContent(),
    ).toBe('≥ 95 %');
    expect(await page.getByTestId('edit-item').count()).toBe(0);
    await screenshot(page, 'desktop-plan-version-1');
    await context.close();
  });

  it('a unit officer reads the plan but has no button to change it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'vinhbao.kinhte');
    await page.goto('/plans');
    await page.getByTestId('plan-row').first().waitFor();
    expect(await page.getByTestId('upload-plan').count()).toBe(0);
    await page.goto(planPath);
    await page.getByTestId('plan-target').first().waitFor();
    for (const id of ['edit-item', 'delete-item', 'add-target', 'edit-header', 'reimport', 'confirm-link', 'pick-link'])
      expect(await page.getByTestId(id).count(), id).toBe(0);
    await context.close();
  });

  it('on a 360-px phone: the review with its source panel above the items, and the plan page', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await signIn(page, 'vinhbao.vanhoa');
    await page.goto('/plans');
    await page.getByTestId('upload-plan').click();
    await uploadPlan(page, {
      name: 'ke-hoach-2027.txt',
      mimeType: 'text/plain',
      buffer: Buffer.from(PLAN_TXT, 'utf8'),
    });
    await page.getByTestId('review-targets').filter({ hasText: 'hài lòng' }).locator('.xs-item-text').click();
    await expect
      .poll(async () => page.locator('.xs-source-line.is-highlight').getAttribute('data-line'), WAIT)
      .toBe('17');
    await page.waitForTimeout(600); // the smooth scroll of the source panel
    await noHorizontalScroll(page);
    await screenshot(page, 'phone-plan-review');
    // Nothing of this draft is wanted: discard it.
    await page.getByTestId('discard').click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Hủy bản nhập' }).click();
    await page.waitForURL((u) => u.pathname === '/plans');

    await page.goto(planPath);
    await page.getByTestId('plan-target').first().waitFor();
    await noHorizontalScroll(page);
    await screenshot(page, 'phone-plan-page');
    await context.close();
  });

  it('the catalogue: shared entries are curated nationally, a merge across units is refused, a province adds a criteria set', async () => {
    const { context, page } = await newPage(browser, DESKTOP);
    await signIn(page, 'haiphong.sokhcn');
    await page.getByRole('navigation').getByRole('link', { name: 'Danh mục chỉ tiêu' }).click();
    await page.getByTestId('indicator-search').locator('input').fill('so hoa');
    await expect
      .poll(async () => page.getByTestId('indicator-row').first().textContent(), WAIT)
      .toContain('Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa');
    const row = page.getByTestId('indicator-row').first();
    expect(await row.textContent()).toMatch(/Công thức/);
    // A shared entry: the province officer may neither edit nor merge it (the national level curates it).
    expect(await row.getByTestId('merge-indicator').count()).toBe(0);
    expect(await row.getByTestId('edit-indicator').count()).toBe(0);

    const national = await newPage(browser, DESKTOP);
    {
      const page = national.page;
      await signIn(page, 'admin');
      await page.getByRole('navigation').getByRole('link', { name: 'Danh mục chỉ tiêu' }).click();
      await page.getByTestId('indicator-search').locator('input').fill('so hoa');
      await expect
        .poll(async () => page.getByTestId('indicator-row').first().textContent(), WAIT)
        .toContain('Tỷ lệ hồ sơ, kết quả giải quyết thủ tục hành chính được số hóa');
      await page.getByTestId('indicator-row').first().getByTestId('merge-indicator').click();
      await pickSelect(page, page.getByTestId('merge-into'), 'toc do', '(Mbit/s)');
      await page.getByTestId('merge-ok').click();
      expect(await page.getByTestId('merge-error').textContent()).toContain('đơn vị tính khác nhau');
      await screenshot(page, 'desktop-catalogue-merge');
      await page.locator('.ant-modal:visible').getByRole('button', { name: 'Hủy' }).click();
    }
    await national.context.close();

    await page.getByRole('tab', { name: 'Bộ tiêu chí' }).click();
    await page.getByTestId('create-criteria-set').click();
    await page.locator('.ant-modal:visible').getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('criteria-set').waitFor();
    expect(await page.getByTestId('criteria-set').textContent()).toContain(
      'tỷ lệ × điểm tối đa, đủ 10 điểm khi ≥ 80 %',
    );
    await context.close();
  });
});
