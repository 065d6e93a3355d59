import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chooseOption, launchBrowser, newPage, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('organisation browser', () => {
  it('a commune leader sees only their commune, and cannot find Tượng Lĩnh', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'vinhbao.chutich');
    await expect.poll(() => page.getByTestId('grant').first().textContent()).toContain('Lãnh đạo UBND xã');
    await page.getByTestId('shortcut-org').click();

    // The root shows the one province of the leader, the province the one commune.
    await page.getByTestId('org-node-title').filter({ hasText: 'Việt Nam' }).waitFor();
    await expect
      .poll(() => page.getByTestId('org-child').allTextContents())
      .toEqual([expect.stringContaining('Hải Phòng')]);
    await page.getByTestId('org-child').filter({ hasText: 'Hải Phòng' }).click();
    await page.getByTestId('org-node-title').filter({ hasText: 'Hải Phòng' }).waitFor();
    await expect
      .poll(() => page.getByTestId('org-child').allTextContents())
      .toEqual([expect.stringContaining('Vĩnh Bảo')]);
    await page.getByTestId('org-child').click();
    await page.getByTestId('org-node-title').filter({ hasText: 'Xã Vĩnh Bảo' }).waitFor();
    expect(await page.getByTestId('org-breadcrumb').textContent()).toMatch(/Việt Nam.*Hải Phòng.*Vĩnh Bảo/);
    expect(await page.getByTestId('org-child').count()).toBeGreaterThan(5);
    // A leader reads but does not manage.
    expect(await page.getByTestId('add-unit').count()).toBe(0);

    await page.getByTestId('org-search').locator('input').fill('tuong linh');
    await page.getByTestId('org-search-empty').waitFor();
    expect(await page.getByTestId('org-search-item').count()).toBe(0);
    await context.close();
  });

  it('the system admin browses Việt Nam → Thanh Hoá → Tượng Lĩnh and finds it by typing "tuong linh"', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'admin');
    await page.goto('/org');
    await page.getByTestId('org-node-title').filter({ hasText: 'Việt Nam' }).waitFor();
    expect(await page.getByTestId('org-child').count()).toBe(34);
    await page
      .getByTestId('org-child')
      .filter({ hasText: /Thanh H(óa|oá)/ })
      .click();
    await page
      .getByTestId('org-node-title')
      .filter({ hasText: /Thanh H(óa|oá)/ })
      .waitFor();
    const tuongLinh = page.getByTestId('org-child').filter({ hasText: 'Tượng Lĩnh' });
    await tuongLinh.scrollIntoViewIfNeeded();
    expect(await tuongLinh.textContent()).toContain('16363');
    await tuongLinh.click();
    await page.getByTestId('org-node-title').filter({ hasText: 'Tượng Lĩnh' }).waitFor();
    expect(await page.getByTestId('org-breadcrumb').textContent()).toMatch(/Việt Nam.*Thanh H(óa|oá).*Tượng Lĩnh/);
    await screenshot(page, 'desktop-org-tuong-linh');

    await page.goto('/org');
    await page.getByTestId('org-search').locator('input').fill('tuong linh');
    const hit = page.getByTestId('org-search-item').filter({ hasText: 'Xã Tượng Lĩnh' });
    await hit.first().waitFor();
    await screenshot(page, 'desktop-org-search');
    await hit.first().click();
    await page.getByTestId('org-node-title').filter({ hasText: 'Tượng Lĩnh' }).waitFor();
    await context.close();
  });

  it('a commune admin adds a unit, renames it and closes it', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'vinhbao.quantri');
    await page.goto('/org');
    await page.getByRole('link', { name: 'Xã Vĩnh Bảo' }).first().click();
    await page.getByTestId('org-node-title').filter({ hasText: 'Xã Vĩnh Bảo' }).waitFor();

    const suffix = Date.now().toString(36).slice(-4).toUpperCase();
    const name = `Tổ hỗ trợ chuyển đổi số ${suffix}`;
    await page.getByTestId('add-unit').click();
    const addDialog = page.getByRole('dialog');
    await addDialog.getByTestId('unit-name').fill(name);
    await addDialog.getByTestId('unit-type').click();
    // The list closes with an animation; on a busy machine it still covers the button for a while.
    await chooseOption(page, 'Tổ công nghệ số cộng đồng');
    await addDialog.getByRole('button', { name: 'Thêm đơn vị' }).click();
    await page.getByText(`Đã thêm đơn vị "${name}"`).waitFor();
    await addDialog.waitFor({ state: 'hidden' });

    await page.getByTestId('org-child').filter({ hasText: name }).click();
    await page.getByTestId('org-node-title').filter({ hasText: name }).waitFor();
    const renamed = `Tổ số hóa hồ sơ ${suffix}`;
    await page.getByTestId('rename-unit').click();
    const renameDialog = page.getByRole('dialog');
    await renameDialog.getByTestId('unit-name').fill(renamed);
    await renameDialog.getByRole('button', { name: 'Lưu' }).click();
    await page.getByTestId('org-node-title').filter({ hasText: renamed }).waitFor();

    await page.getByTestId('close-unit').click();
    const closeDialog = page.getByRole('dialog');
    await closeDialog.getByText('sẽ ngừng hoạt động từ ngày').waitFor();
    await closeDialog.getByTestId('confirm-close').click();
    await page.getByTestId('node-closed').waitFor();
    expect(await page.getByTestId('node-closed').textContent()).toMatch(/^Đã đóng từ \d{2}\/\d{2}\/\d{4}$/);
    expect(await page.getByTestId('rename-unit').count()).toBe(0);

    // Back at the commune the closed unit is hidden until asked for, then greyed with its date.
    await page.getByTestId('org-breadcrumb').getByRole('link', { name: 'Vĩnh Bảo' }).click();
    await page.getByTestId('org-node-title').filter({ hasText: 'Xã Vĩnh Bảo' }).waitFor();
    expect(await page.getByTestId('org-child').filter({ hasText: renamed }).count()).toBe(0);
    await page.getByTestId('show-closed').click();
    const closedRow = page.getByTestId('org-child').filter({ hasText: renamed });
    await closedRow.waitFor();
    expect(await closedRow.getAttribute('class')).toContain('xs-closed');
    expect(await closedRow.getByTestId('closed-tag').textContent()).toMatch(/Đã đóng từ \d{2}\/\d{2}\/\d{4}/);
    await context.close();
  });
});
