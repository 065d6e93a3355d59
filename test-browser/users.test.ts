import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { clickUntil, fillSignIn, launchBrowser, newPage, pickSelect, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('user administration', () => {
  it('a commune admin creates an officer, who must change the temporary password first', async () => {
    const admin = await newPage(browser);
    const page = admin.page;
    await signIn(page, 'vinhbao.quantri');
    await page.getByTestId('shortcut-users').click();
    await page.getByTestId('create-user').click();
    const dialog = page.getByRole('dialog');
    const username = `vinhbao.kt${Date.now().toString(36).slice(-5)}`;
    await dialog.locator('#fullName').fill('Trần Thị Kiểm Thử');
    await dialog.locator('#username').fill(username);
    await pickSelect(page, dialog.getByTestId('home-org'), 'phong kinh te', /Phòng Kinh tế/);
    // The grant follows the home unit; a unit offers only unit-level roles.
    await dialog.getByTestId('grant-role').click();
    const roleOptions = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await roleOptions.first().waitFor();
    // The list fades in: poll until its options are all there.
    await expect.poll(() => roleOptions.allTextContents()).toEqual(['Cán bộ đơn vị', 'Cán bộ một cửa']);
    await roleOptions.filter({ hasText: 'Cán bộ đơn vị' }).click();
    await screenshot(page, 'desktop-create-user');
    await dialog.getByRole('button', { name: 'Tạo', exact: true }).click();

    const temp = page.getByTestId('temporary-password');
    await temp.waitFor();
    const password = await temp.inputValue();
    expect(password.length).toBeGreaterThanOrEqual(12);
    const heading = page.getByRole('heading', { name: 'Trần Thị Kiểm Thử' });
    await clickUntil(page.getByRole('button', { name: 'Tôi đã lưu mật khẩu' }), () => heading.isVisible());
    await page.getByText('Cán bộ đơn vị').first().waitFor();

    // The new officer signs in and is sent to change the password, with a clear banner.
    const officer = await newPage(browser);
    await fillSignIn(officer.page, username, password);
    await expect.poll(() => new URL(officer.page.url()).pathname).toBe('/change-password');
    await officer.page.getByTestId('must-change-banner').waitFor();
    await officer.page.goto('/org');
    await expect.poll(() => new URL(officer.page.url()).pathname).toBe('/change-password');
    await officer.page.locator('#currentPassword').fill(password);
    await officer.page.locator('#newPassword').fill('short');
    await officer.page.locator('#confirm').fill('short');
    await officer.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await officer.page.getByText('Mật khẩu quá ngắn').first().waitFor();
    const good = 'ruộng lúa xanh mướt ven đê';
    await officer.page.locator('#newPassword').fill(good);
    await officer.page.locator('#confirm').fill(good);
    await officer.page.getByRole('button', { name: 'Đổi mật khẩu' }).click();
    await expect.poll(() => new URL(officer.page.url()).pathname).toBe('/');
    await officer.page.getByTestId('greeting').waitFor();
    expect(await officer.page.getByTestId('grant').textContent()).toContain('Cán bộ đơn vị');
    // A unit officer has no user administration or audit log in the menu.
    expect(await officer.page.getByTestId('shortcut-users').count()).toBe(0);
    expect(await officer.page.getByTestId('shortcut-audit').count()).toBe(0);
    await officer.context.close();

    // The audit log shows the creation, filtered by the record.
    await page.getByRole('button', { name: 'Nhật ký về tài khoản này' }).click();
    await page.getByText(`Tạo người dùng ${username}`).first().waitFor();
    await screenshot(page, 'desktop-audit');
    await admin.context.close();
  });
});

describe('managing an existing officer', () => {
  it('buttons follow allowedActions: reset password, disable/enable, add and revoke a role', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'vinhbao.quantri');
    await page.goto('/users');
    await page.getByTestId('user-search').locator('input').fill('kinhte');
    await page.getByRole('link', { name: 'Bùi Đức Anh' }).first().click();
    await page.getByRole('heading', { name: 'Bùi Đức Anh' }).waitFor();

    await page.getByRole('button', { name: 'Cấp lại mật khẩu' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Đồng ý' }).click();
    expect((await page.getByTestId('temporary-password').inputValue()).length).toBeGreaterThanOrEqual(12);
    await page.getByRole('button', { name: 'Tôi đã lưu mật khẩu' }).click();

    await page.getByRole('button', { name: 'Vô hiệu hóa' }).click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Đồng ý' }).click();
    await page.getByText('Đã vô hiệu hóa', { exact: true }).waitFor();
    await page.getByRole('button', { name: 'Kích hoạt lại' }).click();
    await page.getByRole('button', { name: 'Vô hiệu hóa' }).waitFor();

    // A second role on the commune: only commune-level roles the commune administrator may hand out
    // (not the leader's, the plan officer's or its own: powers it does not hold — users.policy.ts).
    await pickSelect(page, page.getByTestId('grant-org'), 'xa vinh bao', /^Xã Vĩnh Bảo/);
    await page.getByTestId('grant-role').click();
    const options = page.locator('.ant-select-dropdown:visible .ant-select-item-option');
    await options.first().waitFor();
    await expect.poll(() => options.allTextContents()).toEqual(['Cán bộ một cửa', 'Người dân']);
    await options.filter({ hasText: 'Cán bộ một cửa' }).click();
    await page.getByRole('button', { name: 'Thêm vai trò' }).click();
    await expect.poll(() => page.getByTestId('grant').count()).toBe(2);
    await page
      .getByTestId('grant')
      .filter({ hasText: 'Cán bộ một cửa' })
      .getByRole('button', { name: 'Thu hồi vai trò' })
      .click();
    await page.locator('.ant-popconfirm').getByRole('button', { name: 'Đồng ý' }).click();
    await expect.poll(() => page.getByTestId('grant').count()).toBe(1);
    await context.close();
  });

  it('a commune leader reads users but gets no management buttons', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'vinhbao.chutich');
    await page.goto('/users');
    await page.getByRole('link', { name: 'Bùi Đức Anh' }).first().click();
    await page.getByRole('heading', { name: 'Bùi Đức Anh' }).waitFor();
    expect(await page.getByRole('button', { name: 'Sửa thông tin' }).count()).toBe(0);
    expect(await page.getByRole('button', { name: 'Vô hiệu hóa' }).count()).toBe(0);
    await page.goto('/users');
    await page.getByRole('heading', { name: 'Người dùng' }).waitFor();
    expect(await page.getByTestId('create-user').count()).toBe(0);
    await context.close();
  });
});
