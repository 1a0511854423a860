/**
 * The gazetteer page as a reader meets it: every version with its source, and the districts of
 * the day a version's date is picked.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

describe.skipIf(chromiumMissing)('the gazetteer page', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  test('shows each version’s source; picking a version’s date lists that day’s streets and towns', async () => {
    const page: Page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(8000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.url}/gazetteer`);
    await page.getByRole('heading', { level: 2, name: '区划版本' }).waitFor();

    const version = (date: string) => page.locator('tr', { has: page.getByRole('button', { name: date }) });
    await expect.poll(() => version('2015-01-22').textContent()).toContain('闽政文〔2015〕19号');
    expect(await version('2015-01-22').textContent()).toContain('26 个街道、12 个镇');
    expect(await version('2021-10-31').textContent()).toContain('仅知代码表日期');
    expect(await version('2022-10-31').textContent()).toContain('37 个街道、8 个镇');
    expect(await page.getByRole('button', { name: /^\d{4}-\d{2}-\d{2}$/ }).count()).toBe(6);

    const haicang = page.locator('tbody tr', { hasText: '海沧区' }).first();
    await version('2014-12-31').getByRole('button').click();
    await expect.poll(() => haicang.textContent()).toContain('东孚镇');
    await version('2015-01-22').getByRole('button').click();
    await expect.poll(() => haicang.textContent()).toContain('东孚街道');
    expect(await haicang.textContent()).not.toContain('东孚镇');
    expect(errors).toEqual([]);
    await page.screenshot({ path: path.join(screenshots, 'gazetteer.png'), fullPage: true });
    await page.close();
  });
});
