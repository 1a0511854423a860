/**
 * No lost writes in the browser (issue 12, item 4): two office users open the same item for review;
 * one confirms it, the other then rejects it from the page they still have. The second is told who
 * changed the item and offered a reload, and after the reload sees the first user's decision.
 */
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';
import { TEST_PASSWORD } from '../support/users';

describe.skipIf(chromiumMissing)('a stale review decision, in the browser', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;

  beforeAll(async () => {
    [product, browser] = await Promise.all([
      startProduct({ withUsers: true, demo: false }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  /** A reviewer of their own (own context, own session) with the 农村幸福院 item open. */
  async function reviewerAtItem(): Promise<Page> {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(`${product.url}/sign-in?from=%2Freview`);
    await page.getByLabel('用户名').fill('office');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('link', { name: '逐条核实' }).click();
    await page.getByRole('button', { name: /农村幸福院/ }).click();
    await page.getByRole('button', { name: '确认无误' }).waitFor();
    return page;
  }

  test('the second decision gets who changed it and a reload that shows the first', async () => {
    const [first, second] = await Promise.all([reviewerAtItem(), reviewerAtItem()]);
    const errors: string[] = [];
    second.on('pageerror', (e) => errors.push(e.message));

    await first.getByRole('button', { name: '确认无误' }).click();
    await first.getByRole('status').filter({ hasText: '已保存。' }).waitFor();

    await second.getByLabel('驳回理由').fill('不是新增承诺');
    await second.getByRole('button', { name: '驳回', exact: true }).click();
    const refusal = second.getByRole('alert').filter({ hasText: '请重新加载后再操作' });
    await refusal.waitFor();
    expect(await refusal.textContent()).toContain('已被督查室于');

    await refusal.getByRole('button', { name: '重新加载' }).click();
    await refusal.waitFor({ state: 'detached' });
    // the reloaded page shows the item as the first reviewer left it: confirmed, not rejected
    await second.locator('.span-review-confirmed').first().waitFor();
    expect(await second.locator('.span-review-rejected').count()).toBe(0);
    expect(errors).toEqual([]);
  });
});
