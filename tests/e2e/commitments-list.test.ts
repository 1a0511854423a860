/**
 * Click-through from the overview and the annual report to the commitments list: a number opens
 * the list with the same filters and the list is that long; the filters round-trip through the
 * URL; the trend and the agency ranking render. Screenshots (desktop and phone) go to
 * tests/screenshots/ (git-ignored) to be looked at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

function count(text: string | null): number {
  return Number((text ?? '').replace(/[^\d]/g, ''));
}

describe.skipIf(chromiumMissing)(
  'the commitments list behind the overview’s numbers',
  { timeout: 60_000 },
  () => {
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

    async function open(route: string, width = 1280): Promise<Page> {
      const page = await browser.newPage({ viewport: { width, height: 900 }, locale: 'zh-CN' });
      page.setDefaultTimeout(10_000);
      errors = [];
      page.on('pageerror', (e) => errors.push(e.message));
      await page.goto(`${product.url}${route}`);
      return page;
    }

    /** The list's total once it has settled: the previous filter's rows stay shown while the next load. */
    async function listTotal(page: Page): Promise<number> {
      await page.getByTestId('list-total').waitFor();
      await page.locator('section[aria-busy="false"]').getByTestId('list-total').waitFor();
      return count(await page.getByTestId('list-total').textContent());
    }

    test('a headline number and a status count open the list with as many rows', async () => {
      const page = await open('/?year=2015');
      const due = page.getByTestId('figure-keptRate-due');
      await due.waitFor();
      const dueCount = count(await due.textContent());
      expect(dueCount).toBeGreaterThan(0);
      await due.click();
      await page.waitForURL(/\/commitments\?year=2015&outcome=due/);
      expect(await listTotal(page)).toBe(dueCount);
      expect(await page.locator('[data-testid="commitment-list"] tbody tr').count()).toBe(
        Math.min(dueCount, 50),
      );
      // each row opens its commitment and its letter
      const first = page.locator('[data-testid="commitment-list"] tbody tr').first();
      expect(await first.locator('a[href^="/commitments/"]').count()).toBe(1);
      expect(await first.locator('a[href^="/letters/"]').count()).toBe(1);
      await page.screenshot({ path: path.join(screenshots, 'commitments-due-2015.png'), fullPage: true });

      await page.goBack();
      // a reply figure opens the letters behind it
      const graded = page.getByTestId('figure-graded');
      await graded.waitFor();
      const gradedCount = count(await graded.textContent());
      await graded.click();
      await page.waitForURL(/\/letters\?year=2015&grade=graded/);
      await page.getByTestId('letter-filters').waitFor();
      expect(await page.locator('[data-testid="letters-table"] tbody tr').count()).toBe(gradedCount);
      await page.screenshot({ path: path.join(screenshots, 'letters-filtered.png'), fullPage: true });

      await page.goBack();
      const overdue = page.getByTestId('status-count-overdue').locator('a');
      await overdue.waitFor();
      const overdueCount = count(await overdue.textContent());
      await overdue.click();
      await page.waitForURL(/status=overdue/);
      expect(await listTotal(page)).toBe(overdueCount);
      expect(await page.locator('[data-testid="commitment-list"] .badge.status-overdue').count()).toBe(
        Math.min(overdueCount, 50),
      );
      expect(errors).toEqual([]);
      await page.close();
    });

    test('a number in the trend table and a report table count open lists of their length', async () => {
      const page = await open('/');
      // (the demo data has no district target due, so the heat map has no cell to click: the router
      // test checks the heat map's cells against the list)
      const dueLink = page
        .locator('[data-testid="progress-trend-table"] tbody tr')
        .last()
        .locator('td a')
        .first();
      await dueLink.waitFor();
      const due = count(await dueLink.textContent());
      await dueLink.click();
      await page.waitForURL(/\/commitments\?year=\d{4}&outcome=due/);
      expect(await listTotal(page)).toBe(due);

      await page.goto(`${product.url}/reports/2015`);
      const agencyDue = page
        .locator('[data-testid="report-by-agency"] tbody tr')
        .first()
        .locator('td a')
        .first();
      await agencyDue.waitFor();
      const agencyCount = count(await agencyDue.textContent());
      await agencyDue.click();
      await page.waitForURL(/\/commitments\?year=2015&agency=.*&outcome=due/);
      expect(await listTotal(page)).toBe(agencyCount);
      expect(errors).toEqual([]);
      await page.close();
    });

    test('the filters round-trip through the URL, on the overview and on the list', async () => {
      const page = await open('/');
      await page.getByTestId('filter-session').locator('option').nth(1).waitFor({ state: 'attached' });
      await page.getByTestId('filter-session').selectOption({ index: 1 });
      await page.waitForURL(/session=/);
      await page.getByTestId('filter-deputy').selectOption('苏辉明');
      await page.waitForURL(/deputy=/);
      await page.getByTestId('filter-status').selectOption('on_track');
      await page.waitForURL(/status=on_track/);
      await page.getByTestId('figure-keptRate').waitFor();
      const shared = page.url();

      const other = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
      await other.goto(shared);
      await other
        .getByTestId('filter-deputy')
        .locator('option[value="苏辉明"]')
        .waitFor({ state: 'attached' });
      expect(await other.getByTestId('filter-session').inputValue()).toBe(
        await page.getByTestId('filter-session').inputValue(),
      );
      expect(await other.getByTestId('filter-deputy').inputValue()).toBe('苏辉明');
      expect(await other.getByTestId('filter-status').inputValue()).toBe('on_track');
      // the status mix now holds only that status, and its count opens the list
      const onTrack = other.getByTestId('status-count-on_track').locator('a');
      await onTrack.waitFor();
      const n = count(await onTrack.textContent());
      await onTrack.click();
      await other.waitForURL(/\/commitments\?.*session=.*deputy=.*status=on_track/);
      expect(await listTotal(other)).toBe(n);
      expect(await other.getByTestId('filter-status').inputValue()).toBe('on_track');

      // on the list: a filter change resets the page, text search is kept in the URL
      await other.getByTestId('filter-q').fill('社区');
      await other.getByTestId('filter-q').press('Enter');
      await other.waitForURL(/q=%E7%A4%BE%E5%8C%BA/);
      await other.reload();
      await other.getByTestId('list-total').waitFor();
      expect(await other.getByTestId('filter-q').inputValue()).toBe('社区');
      await other.getByRole('button', { name: '清除筛选' }).click();
      await other.waitForURL((url) => url.pathname === '/commitments' && url.search === '');
      const all = await listTotal(other);
      expect(all).toBeGreaterThan(n);
      await other.close();
      expect(errors).toEqual([]);
      await page.close();
    });

    test('progress over the years and the agency ranking render; screenshots of the overview and the list', async () => {
      const page = await open('/');
      await page.locator('[data-testid="progress-trend-chart"] .recharts-line').first().waitFor();
      await page.locator('[data-testid="progress-trend-table"] tbody tr').first().waitFor();
      await page.locator('[data-testid="agency-ranking"] li').first().waitFor();
      await page.locator('[data-testid="status-mix-chart"] .recharts-bar-rectangle').first().waitFor();
      await page.screenshot({ path: path.join(screenshots, 'overview-full.png'), fullPage: true });

      await page.setViewportSize({ width: 390, height: 844 });
      await page.locator('[data-testid="progress-trend-chart"] .recharts-line').first().waitFor();
      await page.screenshot({ path: path.join(screenshots, 'overview-phone.png'), fullPage: true });

      await page.goto(`${product.url}/commitments`);
      await page.getByTestId('list-total').waitFor();
      await page.screenshot({ path: path.join(screenshots, 'commitments-phone.png'), fullPage: true });
      await page.setViewportSize({ width: 1280, height: 900 });
      await page.goto(`${product.url}/commitments?year=2015&district=${encodeURIComponent('思明区')}`);
      await page.getByTestId('list-total').waitFor();
      await page.screenshot({ path: path.join(screenshots, 'commitments.png'), fullPage: true });

      await page.getByRole('button', { name: 'English' }).click();
      await page.getByRole('heading', { level: 1, name: 'Commitments' }).waitFor();
      await page.screenshot({ path: path.join(screenshots, 'commitments-en.png'), fullPage: true });
      expect(errors).toEqual([]);
      await page.close();
    });
  },
);
