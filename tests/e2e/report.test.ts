/**
 * The overview's figures with their filters in the URL, and the annual report: its page, its print
 * layout, and the XLSX download whose totals must equal the page's. Screenshots go to
 * tests/screenshots/ (git-ignored) to be looked at.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import ExcelJS from 'exceljs';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { SUMMARY_LABELS } from '../../server/services/report-tables';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

/** "1,234" or "33.3%" as the page shows it, back to a number (a share as 0..1). */
function parseFigure(text: string): number | null {
  const trimmed = text.trim();
  if (trimmed === '—') return null;
  const n = Number(trimmed.replace(/[,%\s]/g, ''));
  return trimmed.endsWith('%') ? n / 100 : n;
}

async function figure(page: Page, testId: string): Promise<number | null> {
  const text = await page.getByTestId(testId).locator('.report-figure-value').textContent();
  return parseFigure(text ?? '');
}

describe.skipIf(chromiumMissing)('the overview and the annual report in the browser', () => {
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

  test('the overview shows the headline rates, keeps its filters in the URL, and links to the report', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(product.url);
    await page.getByTestId('figure-keptRate').waitFor();
    await page.getByTestId('kept-rate-heatmap').waitFor();
    await page.locator('[data-testid="status-mix-chart"] .recharts-bar-rectangle').first().waitFor();
    await page.getByTestId('filter-year').selectOption('2015');
    await page.waitForURL(/\?year=2015/);
    await page.getByTestId('filter-district').selectOption({ index: 1 });
    await page.waitForURL(/district=/);
    const shared = page.url();
    await page.screenshot({ path: path.join(screenshots, 'overview-filtered.png'), fullPage: true });

    // The link opens the same view.
    const other = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    await other.goto(shared);
    await other.getByTestId('figure-keptRate').waitFor();
    // The filter choices arrive with their own query; the select shows its value once its options exist.
    await other.getByTestId('filter-year').locator('option[value="2015"]').waitFor({ state: 'attached' });
    await other.getByTestId('filter-district').locator('option').nth(1).waitFor({ state: 'attached' });
    expect(await other.getByTestId('filter-year').inputValue()).toBe('2015');
    expect(await other.getByTestId('filter-district').inputValue()).toBe(
      await page.getByTestId('filter-district').inputValue(),
    );
    await other.close();

    await page.getByRole('button', { name: '清除筛选' }).click();
    await page.waitForURL((url) => url.search === '');
    await page.getByTestId('figure-keptRate').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'overview.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('/reports/2015 shows the figures, prints on A4, and the XLSX download carries the same totals', async () => {
    const page = await browser.newPage({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${product.url}/reports/2015`);
    await page.getByRole('heading', { level: 1, name: /2015 年度代表建议办理情况报告/ }).waitFor();
    await page.getByTestId('report-due').waitFor();
    await page.getByTestId('report-by-agency').waitFor();
    const onPage = {
      suggestions: await figure(page, 'report-suggestions'),
      answered: await figure(page, 'report-answered'),
      replyRate: await figure(page, 'report-reply-rate'),
      satisfactionRate: await figure(page, 'report-satisfaction-rate'),
      due: await figure(page, 'report-due'),
      kept: await figure(page, 'report-kept'),
      keptOnTime: await figure(page, 'report-kept-on-time'),
      keptRate: await figure(page, 'report-kept-rate'),
      overdue: await figure(page, 'report-overdue-count'),
    };
    expect(onPage.suggestions).toBe(1);
    expect(onPage.due).toBeGreaterThan(0);
    await page.screenshot({ path: path.join(screenshots, 'report.png'), fullPage: true });

    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载 Excel (XLSX)' }).click(),
    ]);
    expect(download.suggestedFilename()).toBe('2015年度办理情况报告.xlsx');
    const file = await download.path();
    const workbook = new ExcelJS.Workbook();
    await workbook.xlsx.readFile(file);
    const sheet = workbook.getWorksheet('总体情况');
    const values = new Map<string, unknown>();
    sheet?.eachRow((row) => values.set(String(row.getCell(1).value), row.getCell(2).value));
    const rate = (label: string) => {
      const v = values.get(label);
      return typeof v === 'number' ? Math.round(v * 1000) / 1000 : null;
    };
    const L = SUMMARY_LABELS;
    expect({
      suggestions: values.get(L.suggestions),
      answered: values.get(L.answered),
      replyRate: rate(L.replyRate),
      satisfactionRate: rate(L.satisfactionRate),
      due: values.get(L.due),
      kept: values.get(L.kept),
      keptOnTime: values.get(L.keptOnTime),
      keptRate: rate(L.keptRate),
      overdue: values.get(L.status('overdue')),
    }).toEqual(onPage);
    const agencySheet = workbook.getWorksheet('按承办单位');
    expect(agencySheet?.getRow(3).getCell(1).value).toBe('厦门市民政局');

    await page.emulateMedia({ media: 'print' });
    await page.setViewportSize({ width: 794, height: 1123 });
    expect(await page.locator('.topbar').isVisible()).toBe(false);
    expect(await page.getByRole('link', { name: '下载 Excel (XLSX)' }).isVisible()).toBe(false);
    await page.screenshot({ path: path.join(screenshots, 'report-print.png'), fullPage: true });
    await page.emulateMedia({ media: 'screen' });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.setViewportSize({ width: 390, height: 844 });
    await page.screenshot({ path: path.join(screenshots, 'report-phone.png'), fullPage: true });
    await page.setViewportSize({ width: 1280, height: 900 });

    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: /2015 annual report/ }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'report-en.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });
});
