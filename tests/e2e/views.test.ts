/**
 * The read-only views as a reader meets them, each opened from a bookmarked URL: search, one
 * district, the deputy view and an agency's scorecard. Screenshots go to tests/screenshots/.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';
import { TEST_PASSWORD } from '../support/users';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

describe.skipIf(chromiumMissing)('views in the browser', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  let errors: string[];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [product, browser] = await Promise.all([startProduct({ withUsers: true }), launchChromium()]);
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

    // The box in the top bar searches from any page.
    await page.goto(`${product.url}/letters`);
    await page.locator('.topbar-search input').fill('孵化');
    await page.locator('.topbar-search input').press('Enter');
    await page.waitForURL(/\/search\?q=%E5%AD%B5%E5%8C%96/);
    await page.locator('mark.search-hit', { hasText: '孵化' }).first().waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });

  test('a district: its commitments against its targets, year by year, and the six districts compared', async () => {
    const page = await open(`/districts/${encodeURIComponent('海沧区')}`);
    await page.getByRole('heading', { level: 1, name: '海沧区' }).waitFor();
    const rows = page.locator('[data-testid="district-commitments"] tbody tr');
    await rows.first().waitFor();
    expect(await rows.count()).toBeGreaterThan(0);
    await page.locator('[data-testid="district-comparison"] tbody tr').nth(5).waitFor();
    await page.locator('[data-testid="district-status-chart"] .recharts-bar-rectangle').first().waitFor();
    await page.locator('[data-testid="district-year-completion"] svg.recharts-surface').waitFor();
    expect(await page.locator('[data-testid="district-comparison"] tr.current').textContent()).toContain(
      '海沧区',
    );
    await page.screenshot({ path: path.join(screenshots, 'district.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('the deputy view lists the suggestion, the reply and each promise’s status, ready to print', async () => {
    const page = await open(`/deputies/${encodeURIComponent('苏辉明')}`);
    await page.getByRole('heading', { level: 1, name: /苏辉明/ }).waitFor();
    await page.getByRole('link', { name: '厦门市民政局' }).first().waitFor();
    expect(await page.locator('.suggestion-block .badge.status').count()).toBeGreaterThan(5);
    await page.getByRole('button', { name: '打印' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'deputy.png'), fullPage: true });
    await page.emulateMedia({ media: 'print' });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    await page.screenshot({ path: path.join(screenshots, 'deputy-print.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  /** The office withdraws a promise over the API, as its page would, so the reason chart has a bar. */
  async function withdrawOnePromise(page: Page) {
    const headers = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
    const signIn = await page.request.post(`${product.url}/trpc/auth.signIn`, {
      headers,
      data: { username: 'office', password: TEST_PASSWORD },
    });
    expect(signIn.ok()).toBe(true);
    const listed = await page.request.get(
      `${product.url}/trpc/commitments.list?input=${encodeURIComponent(JSON.stringify({ q: '日间照料' }))}`,
    );
    const body = (await listed.json()) as {
      result: { data: { rows: { commitmentId: number; object: string | null }[] } };
    };
    const daycare = body.result.data.rows.find((c) => c.object?.includes('日间照料'));
    // the withdrawal names the version the commitment's page would show
    const shown = await page.request.get(
      `${product.url}/trpc/commitments.byId?input=${encodeURIComponent(JSON.stringify({ id: daycare?.commitmentId }))}`,
    );
    const { version } = ((await shown.json()) as { result: { data: { version: number } } }).result.data;
    const withdrawn = await page.request.post(`${product.url}/trpc/progress.withdraw`, {
      headers,
      data: { id: daycare?.commitmentId, version, reasonCode: 'land', reasonText: '选址用地未落实' },
    });
    expect(withdrawn.ok()).toBe(true);
    const signOut = await page.request.post(`${product.url}/trpc/auth.signOut`, { headers, data: {} });
    expect(signOut.ok(), await signOut.text()).toBe(true);
  }

  test('an agency scorecard and the agencies side by side; names link across pages', async () => {
    const page = await open(`/agencies/${encodeURIComponent('厦门市民政局')}`);
    await withdrawOnePromise(page);
    await page.reload();
    await page.getByRole('heading', { level: 1, name: '厦门市民政局' }).waitFor();
    await page.getByText('兑现率').first().waitFor();
    await page.getByRole('heading', { name: /逾期未完成事项/ }).waitFor();
    await page.locator('[data-testid="reason-chart"] .recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'agency.png'), fullPage: true });

    await page.getByRole('link', { name: '承办单位', exact: true }).click();
    await page.locator('[data-testid="agency-scorecards"] tbody tr').first().waitFor();
    await page.locator('[data-testid="agency-status-chart"] .recharts-bar-rectangle').first().waitFor();
    await page.screenshot({ path: path.join(screenshots, 'agencies.png'), fullPage: true });

    await page.goto(`${product.url}/letters/1`);
    await page.locator('.meta-grid').getByRole('link', { name: '苏辉明' }).click();
    await page.waitForURL(/\/deputies\//);
    await page.getByRole('heading', { level: 1, name: /苏辉明/ }).waitFor();
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'Deputy 苏辉明' }).waitFor();
    await page.getByRole('button', { name: 'Print' }).waitFor();
    expect(errors).toEqual([]);
    await page.close();
  });
});
