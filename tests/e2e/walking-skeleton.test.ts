/**
 * The product as a user meets it: the dashboard's chart, then the seed letter with its
 * commitments highlighted. Screenshots go to tests/screenshots/ (git-ignored) to be looked at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

describe.skipIf(chromiumMissing)('in the browser', () => {
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

  test('the dashboard charts the seed letter, and the letter shows its commitments highlighted', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(product.url);
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
    await page.locator('[data-testid="district-year-chart"] svg.recharts-surface').first().waitFor();
    await page.locator('[data-testid="commitment-district-chart"] .recharts-bar-rectangle').first().waitFor();
    await page.getByText('演示数据').first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'dashboard.png'), fullPage: true });

    await page.getByRole('link', { name: '答复函', exact: true }).first().click();
    await page.getByRole('link', { name: /探索厦门特色社会治理模式/ }).click();
    const highlighted = page.locator('mark.span-quantified');
    await highlighted.first().waitFor();
    expect(await highlighted.count()).toBeGreaterThanOrEqual(11);
    await page.getByText('厦门市民政局').first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'letter.png') });

    await page.locator('.commitment-item').filter({ hasText: '农村幸福院' }).click();
    await page.locator('mark.span-active').first().waitFor();
    expect(await page.locator('mark.span-active').first().textContent()).toContain('30');
    await page.screenshot({ path: path.join(screenshots, 'letter-selected.png') });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { name: /Commitments \(\d+\)/ }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a bookmarked route is served by the server fallback, unknown routes say so', async () => {
    const page = await browser.newPage({ locale: 'zh-CN' });
    const response = await page.goto(`${product.url}/letters/1`);
    expect(response?.status()).toBe(200);
    await page.locator('mark.span').first().waitFor();
    await page.goto(`${product.url}/no/such/page`);
    await page.getByText('页面不存在').waitFor();
    await page.close();
  });
});
