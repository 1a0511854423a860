/**
 * The supervision workflow as the office meets it: review the seed letter's extracted items,
 * add a missed one by selecting text, then record progress with evidence on a confirmed one.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';
import { TEST_PASSWORD } from '../support/users';

const screenshots = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../screenshots');

describe.skipIf(chromiumMissing)('the supervision workflow, in the browser', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [product, browser] = await Promise.all([
      startProduct({ withUsers: true, demo: false }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
  });

  test('the office reviews extracted items, adds a missed one, and records progress', async () => {
    const page = await browser.newPage({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    page.setDefaultTimeout(8000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));

    await page.goto(`${product.url}/sign-in?from=%2Freview`);
    await page.getByLabel('用户名').fill('office');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: /待核实/ }).waitFor();
    const waitingBefore = Number(await page.locator('.count-pill').textContent());
    expect(waitingBefore).toBeGreaterThanOrEqual(11);

    await page.getByRole('link', { name: '逐条核实' }).click();
    await page.locator('.span-review-unverified').first().waitFor();
    await page.getByRole('button', { name: /农村幸福院/ }).click();
    await page.screenshot({ path: path.join(screenshots, 'review.png') });
    await page.getByRole('button', { name: '确认无误' }).click();
    await page.getByRole('status').filter({ hasText: '已保存。' }).waitFor();
    await page.locator('.span-review-confirmed').first().waitFor();

    // Select 组织全面培训 in the letter, as a reviewer would with the mouse.
    await page.evaluate(() => {
      const runs = [...document.querySelectorAll<HTMLElement>('.letter-text [data-start]')];
      const run = runs.find((r) => r.textContent?.includes('组织全面培训'));
      const node = run?.firstChild;
      if (!run || !node?.textContent) throw new Error('text not found');
      const at = node.textContent.indexOf('组织全面培训');
      window.getSelection()?.setBaseAndExtent(node, at, node, at + 6);
    });
    const addForm = page
      .locator('form')
      .filter({ has: page.getByRole('heading', { name: '补录所选原文为承诺' }) });
    await addForm.waitFor();
    await addForm.getByLabel('目标下限').fill('1');
    await addForm.getByLabel('单位').fill('次');
    await addForm.getByLabel('承诺对象').fill('村居干部全面培训');
    await addForm.getByRole('button', { name: '补录所选原文为承诺' }).click();
    await addForm.waitFor({ state: 'detached' });
    await page.getByRole('button', { name: /村居干部全面培训/ }).waitFor();

    await page.goto(`${product.url}/review`);
    await page
      .locator('.count-pill')
      .filter({ hasText: String(waitingBefore - 1) })
      .waitFor();

    // The first confirmed item now takes progress with evidence.
    await page.goto(`${product.url}/letters/1`);
    const homes = page
      .locator('.commitment-list li')
      .filter({ hasText: '农村幸福院' })
      .getByRole('link', { name: /进度详情/ });
    const href = await homes.getAttribute('href');
    await homes.click();
    await page.waitForURL(`**${href}`);
    await page.getByRole('heading', { name: '填报进度' }).waitFor();
    await page.getByLabel('累计完成值').fill('5');
    await page.getByLabel('截至日期').fill('2015-09-30');
    await page.getByLabel('佐证说明').fill('区民政局验收记录');
    await page.getByRole('button', { name: '提交进度' }).click();
    await page.getByRole('status').filter({ hasText: '进度已记录。' }).waitFor();
    await page.getByRole('cell', { name: '区民政局验收记录' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'commitment.png'), fullPage: true });
    expect(errors).toEqual([]);
    await page.close();
  });

  test('an agency clerk downloads the progress sheet and gets per-row errors back for a bad file', async () => {
    const context = await browser.newContext({
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
      acceptDownloads: true,
    });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    await page.goto(`${product.url}/sign-in?from=%2Fprogress-sheets`);
    await page.getByLabel('用户名').fill('mzj');
    await page.getByLabel('密码').fill(TEST_PASSWORD);
    await page.getByRole('button', { name: '登录', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '批量填报' }).waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.getByRole('link', { name: '下载 Excel 填报表' }).click(),
    ]);
    expect(download.suggestedFilename()).toMatch(/^进度填报表-厦门市民政局-.*\.xlsx$/);
    await page.getByLabel(/填好的/).setInputFiles({
      name: 'bad.csv',
      mimeType: 'text/csv',
      buffer: Buffer.from('编号,本期累计完成值,截至日期\n999999,5,2015-13-40\n'),
    });
    await page.getByRole('button', { name: '上传并导入' }).click();
    await page.getByRole('alert').filter({ hasText: '未写入任何数据' }).waitFor();
    await page.screenshot({ path: path.join(screenshots, 'progress-sheets.png'), fullPage: true });
    await context.close();
  });
});
