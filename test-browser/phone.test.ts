import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { launchBrowser, newPage, PHONE, screenshot, signIn } from './browser.ts';

let browser: Browser;
beforeAll(async () => {
  browser = await launchBrowser();
});
afterAll(async () => {
  await browser?.close();
});

/** Nothing may be wider than the screen: no sideways scrolling on a 360-px phone. */
async function expectNoHorizontalScroll(page: import('playwright-core').Page) {
  const { scrollWidth, clientWidth } = await page.evaluate(() => ({
    scrollWidth: document.documentElement.scrollWidth,
    clientWidth: document.documentElement.clientWidth,
  }));
  expect(scrollWidth).toBeLessThanOrEqual(clientWidth + 1);
}

describe('on a 360×740 phone', () => {
  it('home page, drawer menu and organisation browser fit the screen', async () => {
    const { context, page } = await newPage(browser, PHONE);
    await page.goto('/sign-in');
    await screenshot(page, 'phone-sign-in');
    await signIn(page, 'vinhbao.chutich');
    await page.getByTestId('shortcut-org').waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-home');

    await page.getByRole('button', { name: 'Mở menu' }).click();
    const drawer = page.locator('.ant-drawer-open');
    await drawer.getByText('Tổ chức').waitFor();
    await page.waitForTimeout(500); // let the slide-in finish before the picture
    await screenshot(page, 'phone-menu');
    await drawer.getByText('Tổ chức').click();
    await drawer.waitFor({ state: 'hidden' });

    await page.getByRole('link', { name: 'Xã Vĩnh Bảo' }).first().click();
    await page.getByTestId('org-node-title').filter({ hasText: 'Xã Vĩnh Bảo' }).waitFor();
    await page.getByTestId('org-child').first().waitFor();
    await expectNoHorizontalScroll(page);
    await screenshot(page, 'phone-org');
    await context.close();
  });
});
