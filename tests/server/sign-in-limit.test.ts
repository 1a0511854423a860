/**
 * Password guessing over real HTTP, on SQLite and PostgreSQL: every password check counts against
 * the account and the client address, whatever the path form (`auth%2EsignIn`) or batch; batched
 * sign-ins are refused; changePassword's current-password check shares the account's budget; and
 * behind one trusted proxy a client cannot pick its address with X-Forwarded-For.
 */
import type { Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createApp } from '../../server/app';
import { SESSION_COOKIE } from '../../server/auth/cookies';
import { readEnv } from '../../server/env';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';
import { type TestDatabase, testDatabases } from '../support/databases';
import { createRoleUsers, TEST_PASSWORD } from '../support/users';

const LIMIT = 3;

test('TRUST_PROXY is a hop count: 1 is one proxy, true is refused', () => {
  expect(readEnv({ TRUST_PROXY: '1' }).TRUST_PROXY).toBe(1);
  expect(readEnv({}).TRUST_PROXY).toBe(0);
  expect(() => readEnv({ TRUST_PROXY: 'true' })).toThrow(/TRUST_PROXY/);
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`password checks limited on ${target.name}`, () => {
    let database: TestDatabase;
    const servers: Server[] = [];

    /** A fresh app (its own counters) behind `trustProxy` hops. */
    async function start(trustProxy = 0): Promise<string> {
      const app = createApp({
        db: database.db,
        dialect: database.dialect,
        showDemo: true,
        publicRead: true,
        signInsPerMinute: LIMIT,
        trustProxy,
      });
      const server = app.listen(0, '127.0.0.1');
      servers.push(server);
      await new Promise<void>((resolve) => server.once('listening', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
    }

    async function post(base: string, path: string, body: unknown, headers: Record<string, string> = {}) {
      const response = await fetch(`${base}/trpc/${path}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
          origin: base,
          ...headers,
        },
        body: JSON.stringify(body),
      });
      return {
        status: response.status,
        text: await response.text(),
        cookies: response.headers.getSetCookie(),
      };
    }
    const guess = (username: string, password = 'wrong password 1') => ({ username, password });

    beforeAll(async () => {
      database = await target.open();
      await createRoleUsers(database.db);
    });
    afterAll(async () => {
      for (const server of servers) await new Promise<void>((resolve) => server.close(() => resolve()));
      await database?.close();
    });

    test('the encoded path form counts like the plain one, and the right password is refused past the limit', async () => {
      const base = await start();
      const statuses: number[] = [];
      for (let i = 0; i < LIMIT; i++)
        statuses.push((await post(base, 'auth%2EsignIn', guess('office'))).status);
      expect(statuses).toEqual([401, 401, 401]);
      const refused = await post(base, 'auth.signIn', guess('office', TEST_PASSWORD));
      expect(refused.status).toBe(429);
      expect(refused.text).toContain('登录尝试过于频繁');
      expect(refused.cookies.join()).not.toContain(`${SESSION_COOKIE}=`);
      expect((await post(base, 'auth%2esignIn', guess('mzj'))).status).toBe(429);
    });

    test('a batch of sign-ins is refused before any password is checked', async () => {
      const base = await start();
      const batch = Object.fromEntries(Array.from({ length: 100 }, (_, i) => [String(i), guess('office')]));
      const paths = Array.from({ length: 100 }, () => 'auth.signIn').join(',');
      const reply = await post(base, `${paths}?batch=1`, batch);
      const answers = JSON.parse(reply.text) as { error?: { data: { code: string } } }[];
      expect(answers).toHaveLength(100);
      expect(answers.every((a) => a.error?.data.code === 'BAD_REQUEST')).toBe(true);
      expect(reply.text).toContain('不能与其他请求合并发送');
      // refused before the check, so the batch told nothing and used none of the budget
      expect((await post(base, 'auth.signIn', guess('office', TEST_PASSWORD))).status).toBe(200);
      // a batch of one is a sign-in like any other
      expect((await post(base, 'auth.signIn?batch=1', { 0: guess('office') })).status).toBe(401);
    });

    test('one account is limited across addresses; one address across accounts', async () => {
      const base = await start(1);
      // behind one proxy, the address is the one that proxy saw (the last X-Forwarded-For entry)
      const from = (address: string) => ({ 'x-forwarded-for': address });
      for (let i = 0; i < LIMIT; i++)
        expect((await post(base, 'auth.signIn', guess('suhm'), from(`10.0.1.${i}`))).status).toBe(401);
      expect((await post(base, 'auth.signIn', guess('suhm', TEST_PASSWORD), from('10.0.1.99'))).status).toBe(
        429,
      );

      // a client writing its own X-Forwarded-For only adds entries in front of the proxy's
      for (let i = 0; i < LIMIT; i++)
        expect(
          (await post(base, 'auth.signIn', guess(`nobody${i}`), from(`9.9.9.${i}, 10.0.2.1`))).status,
        ).toBe(401);
      expect((await post(base, 'auth.signIn', guess('nobody9'), from('9.9.9.9, 10.0.2.1'))).status).toBe(429);
      // another address and another account are untouched
      expect((await post(base, 'auth.signIn', guess('office', TEST_PASSWORD), from('10.0.3.1'))).status).toBe(
        200,
      );
    });

    test("changePassword's current-password check shares the account's budget", async () => {
      const base = await start(1);
      const signIn = await post(base, 'auth.signIn', guess('mzj', TEST_PASSWORD), {
        'x-forwarded-for': '10.0.4.1',
      });
      expect(signIn.status).toBe(200);
      const session = signIn.cookies.find((c) => c.startsWith(`${SESSION_COOKIE}=`))?.split(';')[0] ?? '';
      const change = (currentPassword: string, address: string) =>
        post(
          base,
          'auth.changePassword',
          { currentPassword, newPassword: 'a new password 2026' },
          { cookie: session, 'x-forwarded-for': address },
        );
      // the sign-in took one of the account's checks
      for (let i = 1; i < LIMIT; i++)
        expect((await change('wrong password 1', `10.0.5.${i}`)).status).toBe(400);
      expect((await change(TEST_PASSWORD, '10.0.5.9')).status).toBe(429);
      expect(
        (await post(base, 'auth.signIn', guess('mzj', TEST_PASSWORD), { 'x-forwarded-for': '10.0.6.1' }))
          .status,
      ).toBe(429);
    });
  });
}
