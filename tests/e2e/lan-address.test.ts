/**
 * The app opened as a bureau's clerks open it: under a host name that is not localhost, over plain
 * http (an intranet address, no TLS). Chromium maps the name to 127.0.0.1 with
 * --host-resolver-rules. With `upgrade-insecure-requests` in the CSP every script and style was
 * fetched as https:// and the page stayed blank; the dashboard must appear, every asset over http.
 */
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';

const HOST = 'tracker.bureau.test';

describe.skipIf(chromiumMissing)('under a LAN host name over http', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([
      startProduct(),
      launchChromium([`--host-resolver-rules=MAP ${HOST} 127.0.0.1`]),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  test('the dashboard appears, and nothing is fetched over https', async () => {
    const url = product.url.replace('127.0.0.1', HOST);
    expect(url).toMatch(new RegExp(`^http://${HOST.replaceAll('.', '\\.')}:\\d+$`));
    const page = await browser.newPage({ locale: 'zh-CN' });
    const requested: string[] = [];
    const failed: string[] = [];
    const errors: string[] = [];
    page.on('request', (r) => requested.push(r.url()));
    page.on('requestfailed', (r) => failed.push(`${r.url()}: ${r.failure()?.errorText ?? ''}`));
    page.on('pageerror', (e) => errors.push(e.message));

    const response = await page.goto(url);
    expect(response?.headers()['content-security-policy']).not.toContain('upgrade-insecure-requests');
    expect(response?.headers()['strict-transport-security']).toBeUndefined();
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor({ timeout: 15_000 });
    await page.locator('[data-testid="district-year-chart"] svg.recharts-surface').first().waitFor();

    expect(failed).toEqual([]);
    expect(errors).toEqual([]);
    expect(requested.filter((u) => u.startsWith('https:'))).toEqual([]);
    // the API answered this host too (the CSRF check compares it with the request's host)
    expect(requested.some((u) => u.startsWith(`${url}/trpc/`))).toBe(true);
    await page.close();
  });
});
