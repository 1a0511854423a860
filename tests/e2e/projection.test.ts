/**
 * When it will really be done (issue 15, item 4), in the browser: after two recent progress reports
 * a commitment shows the month its pace reaches the target and how late that is against the
 * deadline, in Chinese and after the English switch.
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';
import { zonedClock } from '../../shared/clock';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';
import { TEST_PASSWORD } from '../support/users';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

describe.skipIf(chromiumMissing)('a projected finish on the commitment page', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([startProduct({ withUsers: true, demo: true }), launchChromium()]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  test('the page says the month the recent pace reaches the target and how late that is', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(product.url);
    const headers = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
    const call = async (procedure: string, input: unknown) => {
      const response = await page.request.post(`${product.url}/trpc/${procedure}`, { headers, data: input });
      expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true);
    };
    await call('auth.signIn', { username: 'office', password: TEST_PASSWORD });
    const listed = await page.request.get(
      `${product.url}/trpc/commitments.list?input=${encodeURIComponent(JSON.stringify({ pageSize: 100 }))}`,
    );
    const rows = (await listed.json()).result.data.rows as {
      commitmentId: number;
      districtId: number | null;
      targetMin: number;
      value: number | null;
      status: string;
    }[];
    // a city-wide promise of the seed letter, overdue and well short of its target
    const short = rows.find(
      (r) => r.districtId === null && r.status === 'overdue' && r.targetMin - (r.value ?? 0) >= 4,
    );
    if (!short) throw new Error('no overdue city-wide commitment short of its target');
    // one more 150 days ago and one more 60 days ago: the rest takes far longer at that pace
    const today = zonedClock().today();
    const daysBefore = (days: number) =>
      new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
    for (const [more, days] of [
      [1, 150],
      [2, 60],
    ] as const)
      await call('progress.record', {
        commitmentId: short.commitmentId,
        districtId: null,
        value: (short.value ?? 0) + more,
        asOf: daysBefore(days),
      });

    const detail = await page.request.get(
      `${product.url}/trpc/commitments.byId?input=${encodeURIComponent(JSON.stringify({ id: short.commitmentId }))}`,
    );
    const projection = (await detail.json()).result.data.projection as {
      kind: string;
      date: string;
      monthsLate: number | null;
    };
    expect(projection.kind).toBe('projected');

    await page.goto(`${product.url}/commitments/${short.commitmentId}`);
    const [year, month] = projection.date.split('-').map(Number);
    const note = page.locator('.projection');
    await note.waitFor();
    const text = (await note.textContent()) ?? '';
    expect(text).toContain(`按目前进度预计 ${year}年${month}月完成`);
    expect(projection.monthsLate).toBeGreaterThan(0);
    expect(text).toContain(`晚于期限 ${projection.monthsLate} 个月`);
    await page.screenshot({ path: path.join(screenshots, 'projection-zh.png') });

    await page.locator('.lang-switch').click();
    await expect.poll(() => note.textContent()).toContain('At the current pace, done by');
    await context.close();
  });
});
