import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { fillSignIn, launchBrowser, newPage, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

describe('sign-in', () => {
  it('shows the title and, on a wrong password, the Vietnamese error', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.getByRole('heading', { name: 'Xã Số' }).waitFor();
    await page.getByText('Nền tảng chính quyền số cấp xã').waitFor();

    await fillSignIn(page, 'vinhbao.chutich', 'mat-khau-sai-hoan-toan');
    const error = page.getByTestId('sign-in-error');
    await error.waitFor();
    expect(await error.textContent()).toContain('Tên đăng nhập hoặc mật khẩu không đúng.');
    expect(new URL(page.url()).pathname).toBe('/sign-in');
    await screenshot(page, 'desktop-sign-in-error');
    await context.close();
  });

  it('switches to English and remembers it after a reload', async () => {
    const { context, page } = await newPage(browser);
    await page.goto('/sign-in');
    await page.getByText('EN', { exact: true }).click();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    await page.reload();
    await page.getByRole('button', { name: 'Sign in' }).waitFor();
    expect(await page.evaluate(() => localStorage.getItem('xaso.locale'))).toBe('en');
    await context.close();
  });

  it('keeps the session across a reload (CSRF token from /me) and signs out', async () => {
    const { context, page } = await newPage(browser);
    await signIn(page, 'vinhbao.chutich');
    await page.reload();
    await page.getByTestId('greeting').waitFor();
    // A write after the reload needs the CSRF token fetched again from /me: sign out is a write.
    await page.getByTestId('user-menu').click();
    await page.getByText('Đăng xuất', { exact: true }).click();
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await page.goto('/org');
    await expect.poll(() => new URL(page.url()).pathname).toBe('/sign-in');
    await context.close();
  });

  it('when the session ends elsewhere, the next request leads back to sign-in with a message', async () => {
    const first = await newPage(browser);
    await signIn(first.page, 'vinhbao.chutich');
    const second = await newPage(browser);
    await signIn(second.page, 'vinhbao.chutich');
    await second.page.goto('/profile');
    await second.page.getByRole('button', { name: 'Đăng xuất khỏi mọi thiết bị' }).click();
    await second.page.locator('.ant-popconfirm').getByRole('button', { name: 'Đồng ý' }).click();
    await expect.poll(() => new URL(second.page.url()).pathname).toBe('/sign-in');

    await first.page.getByTestId('shortcut-org').click();
    await expect.poll(() => new URL(first.page.url()).pathname).toBe('/sign-in');
    await first.page.getByText('Phiên làm việc đã hết hạn, vui lòng đăng nhập lại.').waitFor();
    expect(new URL(first.page.url()).searchParams.get('next')).toBe('/org');
    await first.context.close();
    await second.context.close();
  });
});
