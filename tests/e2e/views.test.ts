/**
 * The read-only views as a reader meets them, each opened from a bookmarked URL: search, one
 * district, the deputy view and an agency's scorecard. Screenshots go to tests/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

describe.skipIf(chromiumMissing)('views in the browser', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [product, browser] = await Promise.all([startProduct(), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  async function open(route: string): Promise<Page> {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(8000);
    errors = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const response = await page.goto(`${product.url}${route}`);
    expect(response?.status()).toBe(200);
    return page;
  }

  test('search marks the Chinese substring in letters and commitments, grouped', async () => {
    const page = await open(`/search?q=${encodeURIComponent('幸福院')}`);
    await page.getByRole('heading', { level: 1, name: '检索' }).waitFor();
    await page.getByRole('heading', { name: /答复函\(1\)/ }).waitFor();
    const hits = page.locator('mark.search-hit');
    await hits.first().waitFor();
    expect(await hits.first().textContent()).toBe('幸福院');
    await page.getByRole('heading', { name: /承诺事项\(\d+\)/ }).waitFor();
    expect(await page.locator('#search-q').inputValue()).toBe('幸福院');
    await page.screenshot({ path: path.join(screenshots, 'search.png'), fullPage: true });

    await page.locator('#search-q').fill('日间');
    await page.getByRole('button', { name: '检索', exact: true }).click();
    await page.waitForURL(/q=%E6%97%A5%E9%97%B4/);
    await page.locator('mark.search-hit', { hasText: '日间' }).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
