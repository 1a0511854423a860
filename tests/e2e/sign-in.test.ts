/**
 * Signing in as a user meets it: the ingest panel appears only for the office, anonymous visitors
 * are told to sign in, other roles are told who records letters; with PUBLIC_READ=0 nothing is
 * shown until sign-in. Screenshots go to tests/screenshots/ (git-ignored).
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { chromiumMissing, launchChromium } from '../support/browser';
import { startProduct } from '../support/server';
import { TEST_PASSWORD } from '../support/users';

const here = path.dirname(fileURLToPath(import.meta.url));
const screenshots = path.resolve(here, '../screenshots');
const seedLetterFile = path.resolve(here, '../../db/seed/reply-260.txt');

async function fillSignIn(page: Page, username: string, password: string) {
  await page.getByLabel('用户名').fill(username);
  await page.getByLabel('密码').fill(password);
  await page.getByRole('button', { name: '登录', exact: true }).click();
}

describe.skipIf(chromiumMissing)('signing in, in the browser', () => {
  let product: Awaited<ReturnType<typeof startProduct>>;
  let closedProduct: Awaited<ReturnType<typeof startProduct>>;
  let browser: Browser;

  beforeAll(async () => {
    mkdirSync(screenshots, { recursive: true });
    [product, closedProduct, browser] = await Promise.all([
      startProduct({ withUsers: true }),
      startProduct({ withUsers: true, publicRead: false }),
      launchChromium(),
    ]);
  });
  afterAll(async () => {
    await browser?.close();
    await product?.close();
    await closedProduct?.close();
  });

  test('the office signs in and gets the ingest panel; an agency clerk does not', async () => {
    const context = await browser.newContext({ viewport: { width: 1280, height: 900 }, locale: 'zh-CN' });
    const page = await context.newPage();
    page.setDefaultTimeout(8000);
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    const ingestHeading = page.getByRole('heading', { name: '录入答复函' });

    await page.goto(`${product.url}/letters`);
    await page.getByTestId('sign-in-hint').waitFor();
    expect(await page.getByTestId('sign-in-hint').textContent()).toContain('登录后可录入答复函');
    expect(await ingestHeading.count()).toBe(0);

    await page.getByTestId('sign-in-hint').getByRole('link', { name: '登录' }).click();
    await page.getByRole('heading', { level: 1, name: '登录' }).waitFor();
    await fillSignIn(page, 'office', 'not the password');
    await page.getByRole('alert').filter({ hasText: '用户名或密码不正确。' }).waitFor();

    await fillSignIn(page, 'office', TEST_PASSWORD);
    await ingestHeading.waitFor();
    expect(new URL(page.url()).pathname).toBe('/letters');
    expect(await page.getByTestId('current-user').textContent()).toContain('督查室');
    const cookies = await context.cookies();
    expect(cookies.find((c) => c.name === 'pt_session')).toMatchObject({ httpOnly: true, sameSite: 'Lax' });
    await page.screenshot({ path: path.join(screenshots, 'signed-in-office.png') });

    // The office opens accounts for an agency clerk from the users page, and can switch them off.
    await page.getByRole('link', { name: '用户', exact: true }).click();
    await page.getByRole('heading', { level: 1, name: '用户管理' }).waitFor();
    await page.getByLabel('用户名').fill('clerk9');
    await page.getByLabel('姓名或称呼').fill('王五');
    await page.getByLabel(/初始密码/).fill('a long enough password');
    await page.getByRole('button', { name: '创建账号' }).click();
    await page.getByRole('alert').filter({ hasText: '承办单位经办人账号必须选择所属承办单位' }).waitFor();
    await page.getByLabel('所属承办单位').selectOption({ label: '厦门市民政局' });
    await page.getByRole('button', { name: '创建账号' }).click();
    const row = page.getByRole('row').filter({ hasText: 'clerk9' });
    await row.waitFor();
    expect(await row.textContent()).toContain('厦门市民政局');
    await row.getByRole('button', { name: '停用' }).click();
    await row.getByText('已停用').waitFor();
    const deputyRow = page.getByRole('row').filter({ hasText: 'suhm' });
    await deputyRow.getByRole('button', { name: '重置密码' }).click();
    await deputyRow.getByLabel('suhm 的新初始密码').fill('a brand new password');
    await deputyRow.getByRole('button', { name: '确定' }).click();
    await deputyRow.getByText('已重置').waitFor();
    await page.screenshot({ path: path.join(screenshots, 'users.png'), fullPage: true });
    await page.getByRole('link', { name: '答复函', exact: true }).click();
    await ingestHeading.waitFor();

    // The panel's mutation passes the CSRF guard from the real client.
    await page
      .getByRole('textbox', { name: '答复函全文' })
      .fill('这不是一封答复函,只是测试录入请求能够到达服务器的一段文字。');
    await page.getByRole('button', { name: '录入并拆解' }).click();
    const outcome = page.locator('.form-error, .form-success').first();
    await outcome.waitFor();
    expect(await outcome.textContent()).not.toContain('请求来源不可信');

    // The seed letter uploaded again is refused, with a link to the letter already stored.
    await page.getByRole('tab', { name: '上传文件' }).click();
    await page.getByLabel(/选择 \.txt 或 \.html 文件/).setInputFiles(seedLetterFile);
    await page.getByRole('button', { name: '录入并拆解' }).click();
    const conflict = page.getByRole('alert').filter({ hasText: '这封答复函已经录入过' });
    await conflict.waitFor();
    expect(await conflict.textContent()).toContain('厦民函〔2015〕8号');
    await page.screenshot({ path: path.join(screenshots, 'ingest-duplicate.png') });
    await conflict.getByRole('link', { name: '查看已录入的答复函' }).click();
    await page.waitForURL(/\/letters\/\d+$/);
    await page.getByText('厦门市民政局').first().waitFor();

    await page.getByRole('button', { name: '退出登录' }).click();
    await page.getByRole('link', { name: '登录', exact: true }).first().waitFor();
    await page.goto(`${product.url}/letters`);
    await page.getByTestId('sign-in-hint').waitFor();

    await page.getByRole('link', { name: '登录', exact: true }).first().click();
    await fillSignIn(page, 'mzj', TEST_PASSWORD);
    await page.getByText('答复函由督查室录入。').waitFor();
    expect(await ingestHeading.count()).toBe(0);
    expect(await page.getByTestId('current-user').textContent()).toContain('民政局经办人');
    expect(await page.getByRole('link', { name: '用户', exact: true }).count()).toBe(0);

    // The clerk changes the initial password on their own account page.
    await page.getByTestId('current-user').click();
    await page.getByRole('heading', { level: 1, name: '我的账号' }).waitFor();
    await page.getByLabel('当前密码').fill(TEST_PASSWORD);
    await page.getByLabel(/^新密码/).fill('my own new password');
    await page.getByLabel('再次输入新密码').fill('my own new password');
    await page.getByRole('button', { name: '修改密码' }).click();
    await page.getByRole('status').filter({ hasText: '密码已修改' }).waitFor();
    expect(errors).toEqual([]);
    await context.close();
  }, 60_000);

  test('with PUBLIC_READ=0 the dashboard asks for sign-in, then shows', async () => {
    const context = await browser.newContext({ locale: 'zh-CN' });
    const page = await context.newPage();
    // Signed in, / is the user's own start page: the overview asked for here lives at /overview.
    await page.goto(`${closedProduct.url}/overview`);
    await page.getByText('请先登录后再查看。').first().waitFor();
    await page.getByRole('link', { name: '登录后查看' }).first().click();
    await fillSignIn(page, 'suhm', TEST_PASSWORD);
    await page.getByRole('heading', { level: 1, name: '总览' }).waitFor();
    expect(await page.getByTestId('current-user').textContent()).toContain('代表');
    await context.close();
  });
});
