/**
 * Each role's start page (我的工作台) in the browser: the office, an agency clerk and a deputy sign
 * in and land on their own work; the clerk answers a 督办 from the start page and it leaves the
 * list. Screenshots at 1440 px and 390 px in tests/screenshots/start-*.png.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';
import { TEST_PASSWORD } from '../support/users';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');
const headers = { [CSRF_HEADER]: CSRF_HEADER_VALUE };
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

describe.skipIf(chromiumMissing)('each role’s start page, in the browser', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;
  const errors: string[] = [];

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    // Without demo data the seed letter's items wait for review, so the office has a queue.
    [product, browser] = await Promise.all([
      startProduct({ withUsers: true, demo: false }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  async function signedIn(username: string): Promise<{ context: BrowserContext; page: Page }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(10_000);
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(`${product.url}/sign-in`);
    await page.getByLabel('用户名').fill(username);
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '我的工作台' }).waitFor();
    expect(new URL(page.url()).pathname).toBe('/');
    return { context, page };
  }

  /** The work pages the main menu offers, which must be those the role may act on. */
  async function workLinks(page: Page): Promise<string[]> {
    const nav = page.getByRole('navigation', { name: 'main' });
    const names = ['待核实', '批量填报', '区划', '用户'];
    const shown: string[] = [];
    for (const name of names)
      if (await nav.getByRole('link', { name, exact: true }).count()) shown.push(name);
    return shown;
  }

  async function call(page: Page, procedure: string, input: unknown) {
    const response = await page.request.post(`${product.url}/trpc/${procedure}`, { headers, data: input });
    expect(response.ok(), `${procedure}: ${await response.text()}`).toBe(true);
    return ((await response.json()) as { result: { data: unknown } }).result.data;
  }

  async function shoot(page: Page, name: string) {
    await page.screenshot({ path: path.join(screenshots, `start-${name}-1440.png`), fullPage: true });
    await page.setViewportSize({ width: 390, height: 844 });
    // nothing may stick out sideways on a phone
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    await page.screenshot({ path: path.join(screenshots, `start-${name}-390.png`), fullPage: true });
    await page.setViewportSize({ width: 1440, height: 900 });
    return overflow;
  }

  test('anonymous readers still open to the city overview', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 }, locale: 'zh-CN' });
    await page.goto(product.url);
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
    expect(await page.getByRole('heading', { name: '我的工作台' }).count()).toBe(0);
    expect(await workLinks(page)).toEqual([]);
    await page.close();
  });

  test('the office: least certain items first, follow-ups coming due, silent agencies, 不满意', async () => {
    const { context, page } = await signedIn('office');
    // Confirm the first ten items as the review page would, then send a 督办 and rate the letter.
    const listed = await page.request.get(
      `${product.url}/trpc/letters.byId?input=${encodeURIComponent(JSON.stringify({ id: 1 }))}`,
    );
    const letter = ((await listed.json()) as { result: { data: unknown } }).result.data as {
      commitments: { id: number; version: number; object: string | null }[];
      milestones: { id: number; version: number }[];
    };
    const ids = [...letter.commitments, ...letter.milestones].sort((a, b) => a.id - b.id);
    for (const { id, version } of ids.slice(0, 10)) await call(page, 'review.confirm', { id, version });
    const daycare = letter.commitments.find((c) => c.object?.includes('日间照料'))?.id;
    await call(page, 'followUps.create', {
      commitmentId: daycare,
      request: '请报送选址进展',
      dueDate: inDays(3),
    });
    await call(page, 'suggestions.rate', { letterId: 1, level: 'unsatisfied', comment: '进度太慢' });

    await page.reload();
    const review = page.getByTestId('start-review');
    await review.locator('.start-item').first().waitFor();
    expect(await workLinks(page)).toEqual(['待核实', '批量填报', '区划', '用户']);
    expect(Number(await review.locator('.count-pill').textContent())).toBe(ids.length - 10);
    const scores = (await review.locator('.start-item .tag').allTextContents()).map((s) =>
      Number(s.replace(/\D/g, '')),
    );
    expect(scores).toEqual([...scores].sort((a, b) => a - b));
    await page.getByTestId('start-follow-ups').getByText('请报送选址进展').waitFor();
    await page.getByTestId('start-silent').getByRole('link', { name: '厦门市民政局' }).waitFor();
    await page.getByTestId('start-unsatisfied').getByText('进度太慢').waitFor();

    expect(await shoot(page, 'office')).toBeLessThanOrEqual(0);
    // The overview stays one click away.
    await page.getByRole('link', { name: '总览', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
    await context.close();
  }, 60_000);

  test('the clerk: due this month, the 督办 answered from the start page leaves the list', async () => {
    const { context, page } = await signedIn('mzj');
    const followUps = page.getByTestId('start-follow-ups');
    await followUps.getByText('请报送选址进展').waitFor();
    expect(await workLinks(page)).toEqual(['批量填报']);
    await page.getByTestId('start-due').locator('tbody tr').first().waitFor();
    // 2015 and 2018 deadlines have passed: those commitments are overdue
    await page.getByTestId('start-at-risk').getByText('逾期未完成').first().waitFor();
    expect(await shoot(page, 'clerk')).toBeLessThanOrEqual(0);

    await followUps.getByRole('link', { name: '答复', exact: true }).click();
    await page.getByLabel('答复内容').fill('选址已报区政府审批');
    await page.getByRole('button', { name: '提交答复' }).click();
    await page.getByText('选址已报区政府审批').waitFor();
    await page.getByRole('link', { name: '工作台', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '我的工作台' }).waitFor();
    await page.getByTestId('start-follow-ups').getByText('没有待答复的督办。').waitFor();
    // the same page in English: headings and empty states from client/locales/en.ts
    await page.getByRole('button', { name: 'English' }).click();
    await page.getByRole('heading', { level: 1, name: 'My work' }).waitFor();
    await page.getByTestId('start-follow-ups').getByText('No follow-ups to answer.').waitFor();
    await page
      .getByTestId('start-due')
      .getByRole('heading', { name: 'Progress to report this month' })
      .waitFor();
    await page.screenshot({ path: path.join(screenshots, 'start-clerk-en-1440.png'), fullPage: true });
    await context.close();
  }, 60_000);

  test('the deputy: the reply, its grade, my rating, achieved / target per district', async () => {
    const { context, page } = await signedIn('suhm');
    await page.getByTestId('my-rating-1').getByText('不满意').waitFor();
    expect(await workLinks(page)).toEqual([]);
    // a per-district target reads "0 / 1 个", never a bare value
    const chip = page.locator('.district-chips li').first();
    await chip.waitFor();
    expect(await chip.textContent()).toMatch(/\d+ \/ \d+/);
    await page.getByRole('link', { name: '查看或申请督办' }).first().waitFor();
    expect(await shoot(page, 'deputy')).toBeLessThanOrEqual(0);
    // the reply answers the deputy's own suggestion: its page offers the rating form
    await page
      .getByRole('link', { name: '去测评' })
      .or(page.getByRole('link', { name: /厦民函/ }))
      .first()
      .click();
    await page.getByRole('button', { name: '提交评价' }).waitFor();
    await context.close();
    expect(errors).toEqual([]);
  }, 60_000);
});
