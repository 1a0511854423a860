/**
 * The browser's "today" is the server's zone (APP_TIME_ZONE), read from the page the server sends,
 * not China's by default nor the browser's own: with the server in Los Angeles and the browser's
 * clock at 21:00 on 31 December there (already 1 January in Beijing, where this browser's zone
 * is), the deputy page prints 31 December.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { zonedClock } from '../../shared/clock';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';

describe.skipIf(chromiumMissing)('the client under APP_TIME_ZONE=America/Los_Angeles', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([
      startProduct({ clock: zonedClock('America/Los_Angeles') }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  test('the printed date is the server zone’s 31 December, not Beijing’s 1 January', async () => {
    const page = await browser.newPage({ locale: 'zh-CN', timezoneId: 'Asia/Shanghai' });
    await page.clock.setFixedTime(new Date('2027-01-01T05:00:00Z'));
    await page.goto(`${product.url}/deputies/${encodeURIComponent('苏辉明')}`);
    const printed = page.locator('.print-only', { hasText: '打印日期' });
    await printed.waitFor({ state: 'attached' });
    expect(await printed.textContent()).toContain('2026年12月31日');
    await page.close();
  });
});
