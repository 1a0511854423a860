/** Security headers on every response, a content security policy on the client, and slowed sign-in guessing. */
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, expect, test } from 'vitest';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { createApp } from '../../server/app';
import { SESSION_COOKIE } from '../../server/auth/cookies';
import { createSession } from '../../server/auth/sessions';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';
import { CLIENT_DIR } from '../support/server';
import { makeUser } from '../support/users';

const { db, dialect } = openDatabase({ dataDir: '', sqliteFile: ':memory:' });
let base = '';
let close: () => void = () => undefined;

beforeAll(async () => {
  await migrateToLatest(db);
  const app = createApp({
    db,
    dialect,
    showDemo: true,
    publicRead: true,
    clientDir: CLIENT_DIR,
    signInsPerMinute: 3,
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  close = () => server.close();
});
afterAll(async () => {
  close();
  await db.destroy();
});

test('pages and API answers carry security headers; the client page a content security policy', async () => {
  const page = await fetch(`${base}/`);
  expect(page.headers.get('content-security-policy')).toContain("script-src 'self'");
  expect(page.headers.get('x-content-type-options')).toBe('nosniff');
  expect(page.headers.get('x-powered-by')).toBeNull();
  // over https (here: behind one trusted proxy that says so) the browser is told to stay on https
  const proxied = createApp({
    db,
    dialect,
    showDemo: true,
    publicRead: true,
    clientDir: CLIENT_DIR,
    trustProxy: 1,
  });
  const server = proxied.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  try {
    const https = { 'x-forwarded-proto': 'https' };
    const at = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    const api = await fetch(`${at}/healthz`, { headers: https });
    expect(api.headers.get('strict-transport-security')).toBeTruthy();
    const securePage = await fetch(`${at}/`, { headers: https });
    expect(securePage.headers.get('content-security-policy')).toContain('upgrade-insecure-requests');
    // a client cannot claim https past a server that trusts no proxy
    const direct = await fetch(`${base}/healthz`, { headers: https });
    expect(direct.headers.get('strict-transport-security')).toBeNull();
  } finally {
    await new Promise<void>((resolve) => server.close(() => resolve()));
  }
});

test('over plain http (a LAN address) neither HSTS nor upgrade-insecure-requests is sent', async () => {
  const page = await fetch(`${base}/`);
  expect(page.headers.get('content-security-policy')).not.toContain('upgrade-insecure-requests');
  expect(page.headers.get('strict-transport-security')).toBeNull();
  expect((await fetch(`${base}/healthz`)).headers.get('strict-transport-security')).toBeNull();
});

test('sign-in attempts beyond the limit are refused with 429 and a Chinese message', async () => {
  const attempt = () =>
    fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, origin: base },
      body: JSON.stringify({ username: 'nobody', password: 'wrong password' }),
    });
  const statuses = [];
  for (let i = 0; i < 4; i++) statuses.push((await attempt()).status);
  expect(statuses.slice(0, 3)).toEqual([401, 401, 401]);
  const refused = await attempt();
  expect(refused.status).toBe(429);
  expect(JSON.stringify(await refused.json())).toContain('登录尝试过于频繁');
  // reading is not limited
  expect((await fetch(`${base}/trpc/auth.me`)).status).toBe(200);
});

test('a 50 MB request body is refused, and nothing is stored', async () => {
  const office = await makeUser(db, 'office', 'office');
  const session = await createSession(db, office.id, new Date());
  const huge = JSON.stringify({ fileName: 'big.txt', contentBase64: 'A'.repeat(50 * 1024 * 1024) });
  const response = await fetch(`${base}/trpc/letters.ingestFile`, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      [CSRF_HEADER]: CSRF_HEADER_VALUE,
      origin: base,
      cookie: `${SESSION_COOKIE}=${session.token}`,
    },
    body: huge,
  });
  expect(response.status).toBe(413);
  expect(await db.selectFrom('letters').select('id').execute()).toHaveLength(0);
});
