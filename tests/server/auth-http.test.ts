/**
 * Cookies and the CSRF guard over real HTTP (express + tRPC), on SQLite and on PostgreSQL: what a
 * browser sees, and what another site's page can and cannot make it do.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { SESSION_COOKIE } from '../../server/auth/cookies';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { createRoleUsers, TEST_PASSWORD } from '../support/users';

interface Reply {
  status: number;
  body: {
    result?: { data: unknown };
    error?: { message: string; data: { code: string; existingLetterId: number | null } };
  };
  setCookies: string[];
}

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`sign-in over HTTP on ${target.name}`, () => {
    let database: TestDatabase;
    let server: Server;
    let base: string;

    async function call(
      method: 'GET' | 'POST',
      path: string,
      options: { body?: unknown; cookie?: string; headers?: Record<string, string> } = {},
    ): Promise<Reply> {
      const headers: Record<string, string> = { ...(options.headers ?? {}) };
      if (options.cookie) headers.cookie = `${SESSION_COOKIE}=${options.cookie}`;
      if (method === 'POST') headers['content-type'] = 'application/json';
      const response = await fetch(`${base}/trpc/${path}`, {
        method,
        headers,
        ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
      });
      return {
        status: response.status,
        body: (await response.json()) as Reply['body'],
        setCookies: response.headers.getSetCookie(),
      };
    }

    /** What our own page sends: the CSRF header and its own origin. */
    const sameSite = () => ({ [CSRF_HEADER]: CSRF_HEADER_VALUE, origin: base });

    async function signIn(username: string) {
      const reply = await call('POST', 'auth.signIn', {
        body: { username, password: TEST_PASSWORD },
        headers: sameSite(),
      });
      expect(reply.status).toBe(200);
      const cookie = reply.setCookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`));
      const token = cookie?.split(';')[0]?.split('=')[1];
      if (!cookie || !token) throw new Error('no session cookie');
      return { cookie, token };
    }

    beforeAll(async () => {
      database = await target.open();
      await createRoleUsers(database.db);
      const app = createApp({ db: database.db, dialect: database.dialect, showDemo: true, publicRead: true });
      server = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => server.once('listening', resolve));
      const { port } = server.address() as AddressInfo;
      base = `http://127.0.0.1:${port}`;
    });
    afterAll(async () => {
      await new Promise<void>((resolve) => server?.close(() => resolve()));
      await database?.close();
    });

    test('sign-in sets an httpOnly, SameSite=Lax session cookie that identifies the user', async () => {
      const { cookie, token } = await signIn('office');
      expect(cookie).toMatch(/HttpOnly/);
      expect(cookie).toMatch(/SameSite=Lax/);
      expect(cookie).toMatch(/Path=\//);
      // 12 hours from sign-in, less the moments the request itself took
      const maxAge = Number(cookie.match(/Max-Age=(\d+)/)?.[1]);
      expect(maxAge).toBeGreaterThan(43_200 - 60);
      expect(maxAge).toBeLessThanOrEqual(43_200);
      expect(cookie).not.toMatch(/Secure/); // plain http here
      const me = await call('GET', 'auth.me', { cookie: token });
      expect(me.body.result?.data).toMatchObject({ username: 'office', role: 'office' });
      expect((await call('GET', 'auth.me')).body.result?.data).toBeNull();
    });

    test('a wrong password over HTTP is a 401 with no cookie', async () => {
      const reply = await call('POST', 'auth.signIn', {
        body: { username: 'office', password: 'wrong password' },
        headers: sameSite(),
      });
      expect(reply.status).toBe(401);
      expect(reply.body.error?.message).toBe('用户名或密码不正确。');
      expect(reply.setCookies).toEqual([]);
    });

    test("another site's page cannot make a signed-in browser change anything", async () => {
      const { token } = await signIn('office');
      const newUser = { username: 'planted', displayName: 'x', role: 'office', password: 'a long password' };
      const attempts: Record<string, string>[] = [
        { [CSRF_HEADER]: CSRF_HEADER_VALUE, origin: 'https://evil.example' },
        { [CSRF_HEADER]: CSRF_HEADER_VALUE, referer: 'https://evil.example/page' },
        { [CSRF_HEADER]: CSRF_HEADER_VALUE, origin: 'null' },
        { origin: base }, // a plain form post cannot set the header
        {},
      ];
      for (const headers of attempts) {
        const reply = await call('POST', 'users.create', { body: newUser, cookie: token, headers });
        expect(reply.status, JSON.stringify(headers)).toBe(403);
        expect(reply.body.error?.message).toContain('请求来源不可信');
      }
      const login = await call('POST', 'auth.signIn', {
        body: { username: 'office', password: TEST_PASSWORD },
        headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE, origin: 'https://evil.example' },
      });
      expect(login.status).toBe(403);
      expect(login.setCookies).toEqual([]);

      const planted = await database.db.selectFrom('users').select('id').where('username', '=', 'planted');
      expect(await planted.executeTakeFirst()).toBeUndefined();

      // The same request from our own page (or a script naming no origin) goes through.
      const ok = await call('POST', 'users.create', { body: newUser, cookie: token, headers: sameSite() });
      expect(ok.status).toBe(200);
      const script = await call('POST', 'users.disable', {
        body: { id: (ok.body.result?.data as { id: number } | undefined)?.id },
        cookie: token,
        headers: { [CSRF_HEADER]: CSRF_HEADER_VALUE },
      });
      expect(script.status).toBe(200);
    });

    test('sign-out clears the cookie and the old token stops working', async () => {
      const { token } = await signIn('mzj');
      const out = await call('POST', 'auth.signOut', { cookie: token, headers: sameSite() });
      expect(out.status).toBe(200);
      expect(out.setCookies.join()).toMatch(new RegExp(`${SESSION_COOKIE}=;.*Max-Age=0`));
      expect((await call('GET', 'auth.me', { cookie: token })).body.result?.data).toBeNull();
    });

    test('an expired session reads as anonymous and the browser is told to drop it', async () => {
      const { token } = await signIn('suhm');
      await database.db
        .updateTable('user_sessions')
        .set({ expires_at: new Date(Date.now() - 1000).toISOString() })
        .execute();
      const me = await call('GET', 'auth.me', { cookie: token });
      expect(me.body.result?.data).toBeNull();
      expect(me.setCookies.join()).toMatch(new RegExp(`${SESSION_COOKIE}=;`));
      const write = await call('POST', 'letters.ingest', {
        body: { text: '一封足够长的答复函文本,用来确认过期会话不能录入。' },
        cookie: token,
        headers: sameSite(),
      });
      expect(write.status).toBe(401);
    });

    test('a letter entered twice is a 409 whose error data names the stored letter, for the link', async () => {
      const { token } = await signIn('office');
      const ingest = () =>
        call('POST', 'letters.ingest', {
          body: { text: seedLetterText() },
          cookie: token,
          headers: sameSite(),
        });
      const first = await ingest();
      expect(first.status).toBe(200);
      const letterId = (first.body.result?.data as { letterId: number } | undefined)?.letterId;
      const again = await ingest();
      expect(again.status).toBe(409);
      expect(again.body.error?.message).toContain('已经录入过');
      expect(again.body.error?.data).toMatchObject({ code: 'CONFLICT', existingLetterId: letterId });
      // Every other error carries the field too, empty, so the client reads one shape.
      const missing = await call('GET', `letters.byId?input=${encodeURIComponent('{"id":999999}')}`);
      expect(missing.body.error?.data).toMatchObject({ code: 'NOT_FOUND', existingLetterId: null });
    });

    test('behind a trusted https proxy the cookie is Secure', async () => {
      const app = createApp({
        db: database.db,
        dialect: database.dialect,
        showDemo: true,
        publicRead: true,
        trustProxy: 1,
      });
      const proxied = app.listen(0, '127.0.0.1');
      await new Promise<void>((resolve) => proxied.once('listening', resolve));
      try {
        const { port } = proxied.address() as AddressInfo;
        const response = await fetch(`http://127.0.0.1:${port}/trpc/auth.signIn`, {
          method: 'POST',
          headers: {
            'content-type': 'application/json',
            'x-forwarded-proto': 'https',
            'x-forwarded-host': 'promises.example.gov.cn',
            origin: 'https://promises.example.gov.cn',
            [CSRF_HEADER]: CSRF_HEADER_VALUE,
          },
          body: JSON.stringify({ username: 'office', password: TEST_PASSWORD }),
        });
        expect(response.status).toBe(200);
        expect(response.headers.getSetCookie().join()).toMatch(/; Secure/);
      } finally {
        await new Promise<void>((resolve) => proxied.close(() => resolve()));
      }
    });
  });
}
