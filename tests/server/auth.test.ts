/**
 * Sign-in, sessions and user management through createCaller, on SQLite and on PostgreSQL.
 * Cookies are captured by a fake SessionCookies; the HTTP side is in auth-http.test.ts.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { purgeExpiredSessions, resolveSession, SESSION_LIFETIME_MS } from '../../server/auth/sessions';
import { createContextInner, type SessionCookies } from '../../server/context';
import { createCaller } from '../../server/routers/_app';
import { ensureFirstOfficeAccount } from '../../server/services/first-office';
import type { Role, SessionUser } from '../../shared/auth';
import { type TestDatabase, testDatabases } from '../support/databases';
import { refusal } from '../support/refusal';
import { createRoleUsers, TEST_PASSWORD } from '../support/users';

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`sign-in and users on ${target.name}`, () => {
    let database: TestDatabase;
    let users: Record<Role, SessionUser>;

    /** A caller as `user` (or anonymous) whose cookie writes land in `jar`. */
    function callerFor(user: SessionUser | null, sessionToken: string | null = null) {
      const jar: { token: string | null; cleared: number } = { token: null, cleared: 0 };
      const sessionCookies: SessionCookies = {
        set: (session) => {
          jar.token = session.token;
        },
        clear: () => {
          jar.cleared += 1;
        },
      };
      const caller = createCaller(
        createContextInner({
          db: database.db,
          dialect: database.dialect,
          showDemo: true,
          publicRead: true,
          user,
          sessionToken,
          sessionCookies,
        }),
      );
      return { caller, jar };
    }

    async function signIn(username: string, password = TEST_PASSWORD, previousToken: string | null = null) {
      const { caller, jar } = callerFor(null, previousToken);
      const user = await caller.auth.signIn({ username, password });
      if (!jar.token) throw new Error('sign-in set no cookie');
      return { user, token: jar.token };
    }

    async function auditActions(userId: number) {
      const rows = await database.db
        .selectFrom('audit_log')
        .select('action')
        .where('entity', '=', 'user')
        .where('entity_id', '=', userId)
        .orderBy('id')
        .execute();
      return rows.map((r) => r.action);
    }

    beforeAll(async () => {
      database = await target.open();
      users = await createRoleUsers(database.db);
    });
    afterAll(async () => {
      await database?.close();
    });

    test('signs in with the right password, case-insensitively by username, and the token resolves', async () => {
      const { user, token } = await signIn('MZJ');
      expect(user).toEqual(users.agency);
      expect(await resolveSession(database.db, token, new Date())).toEqual(users.agency);
      const stored = await database.db.selectFrom('user_sessions').select('token_hash').execute();
      expect(stored.map((s) => s.token_hash)).not.toContain(token); // only the hash is kept
      expect(await auditActions(users.agency.id)).toContain('auth.signIn');
      expect(await callerFor(users.agency).caller.auth.me()).toEqual(users.agency);
      expect(await callerFor(null).caller.auth.me()).toBeNull();
    });

    test('a wrong password and an unknown user get the same refusal, and no cookie', async () => {
      const wrong = callerFor(null);
      const unknown = callerFor(null);
      const a = await refusal(wrong.caller.auth.signIn({ username: 'office', password: 'not the password' }));
      const b = await refusal(unknown.caller.auth.signIn({ username: 'nobody', password: TEST_PASSWORD }));
      expect(a).toEqual({ code: 'UNAUTHORIZED', message: '用户名或密码不正确。' });
      expect(b).toEqual(a);
      expect(wrong.jar.token).toBeNull();
      expect(unknown.jar.token).toBeNull();
      expect(await auditActions(users.office.id)).toContain('auth.signInFailed');
      expect((await refusal(callerFor(null).caller.auth.signIn({ username: '', password: '' }))).code).toBe(
        'BAD_REQUEST',
      );
    });

    test('a session lasts 12 hours and not a second more', async () => {
      const before = new Date();
      const { token } = await signIn('suhm');
      const almost = new Date(before.getTime() + SESSION_LIFETIME_MS - 60_000);
      const after = new Date(Date.now() + SESSION_LIFETIME_MS + 1);
      expect(await resolveSession(database.db, token, almost)).toEqual(users.deputy);
      expect(await resolveSession(database.db, token, after)).toBeNull();
      expect(await resolveSession(database.db, 'x'.repeat(43), new Date())).toBeNull();
    });

    test('expired sessions are purged, live ones kept', async () => {
      const { token } = await signIn('suhm');
      const later = new Date(Date.now() + SESSION_LIFETIME_MS + 1000);
      const live = await signIn('mzj');
      await database.db
        .updateTable('user_sessions')
        .set({ expires_at: new Date(later.getTime() + SESSION_LIFETIME_MS).toISOString() })
        .where('user_id', '=', users.agency.id)
        .execute();
      expect(await purgeExpiredSessions(database.db, later)).toBeGreaterThanOrEqual(1);
      expect(await resolveSession(database.db, token, new Date())).toBeNull();
      expect(await resolveSession(database.db, live.token, later)).toEqual(users.agency);
    });

    test('every sign-in issues a new token and retires the one the browser had', async () => {
      const first = await signIn('office');
      const second = await signIn('office', TEST_PASSWORD, first.token);
      expect(second.token).not.toBe(first.token);
      expect(await resolveSession(database.db, first.token, new Date())).toBeNull();
      expect(await resolveSession(database.db, second.token, new Date())).toEqual(users.office);
    });

    test('sign-out deletes the session and clears the cookie', async () => {
      const { token } = await signIn('office');
      const { caller, jar } = callerFor(users.office, token);
      expect(await caller.auth.signOut()).toEqual({ signedOut: true });
      expect(jar.cleared).toBe(1);
      expect(await resolveSession(database.db, token, new Date())).toBeNull();
      expect(await auditActions(users.office.id)).toContain('auth.signOut');
    });

    test('the office creates accounts; each role must name what it belongs to', async () => {
      const office = callerFor(users.office).caller;
      const agencyId = users.agency.agencyId;
      const deputyId = users.deputy.deputyId;
      if (agencyId === null || deputyId === null) throw new Error('fixture users lack their links');
      const base = { displayName: '新用户', password: 'a long enough password' };

      const clerk = await office.users.create({ ...base, username: 'clerk2', role: 'agency', agencyId });
      expect(clerk).toMatchObject({ role: 'agency', agencyId, agencyName: '厦门市民政局', disabled: false });
      expect(clerk).not.toHaveProperty('passwordHash');
      expect(await auditActions(clerk.id)).toEqual(['user.create']);
      const audit = await database.db
        .selectFrom('audit_log')
        .select('after_json')
        .where('action', '=', 'user.create')
        .where('entity_id', '=', clerk.id)
        .executeTakeFirstOrThrow();
      expect(audit.after_json).not.toMatch(/argon2|password/i);

      const missingAgency = await refusal(
        // @ts-expect-error: an agency clerk without an agency must be refused at runtime too
        office.users.create({ ...base, username: 'clerk3', role: 'agency' }),
      );
      expect(missingAgency.code).toBe('BAD_REQUEST');
      expect(missingAgency.message).toContain('承办单位经办人账号必须选择所属承办单位');
      expect(
        (await refusal(office.users.create({ ...base, username: 'clerk3', role: 'agency', agencyId: 9999 })))
          .code,
      ).toBe('BAD_REQUEST');
      expect(
        // @ts-expect-error: a deputy account without a deputy
        (await refusal(office.users.create({ ...base, username: 'dep2', role: 'deputy' }))).code,
      ).toBe('BAD_REQUEST');
      expect(await office.users.linkChoices()).toEqual({
        agencies: [{ id: agencyId, name: '厦门市民政局' }],
        deputies: [{ id: deputyId, name: '苏辉明' }],
      });
      const deputyUser = await office.users.create({ ...base, username: 'dep2', role: 'deputy', deputyId });
      expect(deputyUser).toMatchObject({ role: 'deputy', deputyId, deputyName: '苏辉明', agencyId: null });

      const short = await refusal(
        office.users.create({ ...base, password: 'short', username: 'x1', role: 'office' }),
      );
      expect(short).toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('密码至少 10 个字符'),
      });
      const taken = await refusal(office.users.create({ ...base, username: 'Office', role: 'office' }));
      expect(taken.code).toBe('CONFLICT');
      // Two at once: one wins, the other is told the name is taken, not a server error.
      const race = await Promise.allSettled(
        [1, 2].map(() => office.users.create({ ...base, username: 'twin', role: 'office' })),
      );
      expect(race.map((r) => r.status).sort()).toEqual(['fulfilled', 'rejected']);
      const lost = race.find((r) => r.status === 'rejected');
      expect(lost?.status === 'rejected' && lost.reason instanceof TRPCError && lost.reason.code).toBe(
        'CONFLICT',
      );
      expect((await office.users.list()).map((u) => u.username)).toEqual([
        'office',
        'mzj',
        'suhm',
        'clerk2',
        'dep2',
        'twin',
      ]);
    });

    test('a disabled user is signed out everywhere and cannot sign in again until enabled', async () => {
      const office = callerFor(users.office).caller;
      const victim = await office.users.create({
        username: 'leaver',
        displayName: '离职人员',
        role: 'office',
        password: 'a long enough password',
      });
      const { token } = await signIn('leaver', 'a long enough password');

      expect(await office.users.disable({ id: victim.id })).toMatchObject({ disabled: true });
      expect(await resolveSession(database.db, token, new Date())).toBeNull();
      const refused = await refusal(
        callerFor(null).caller.auth.signIn({ username: 'leaver', password: 'a long enough password' }),
      );
      expect(refused).toEqual({ code: 'FORBIDDEN', message: '该账号已停用,请联系督查室。' });
      // Even a wrong password learns nothing about the account being disabled.
      expect(
        (
          await refusal(
            callerFor(null).caller.auth.signIn({ username: 'leaver', password: 'wrong password' }),
          )
        ).code,
      ).toBe('UNAUTHORIZED');

      await office.users.enable({ id: victim.id });
      await signIn('leaver', 'a long enough password');
      expect(await auditActions(victim.id)).toEqual(
        expect.arrayContaining([
          'user.create',
          'user.disable',
          'auth.signInRefused',
          'user.enable',
          'auth.signIn',
        ]),
      );

      expect((await refusal(office.users.disable({ id: users.office.id }))).code).toBe('BAD_REQUEST');
      expect((await refusal(office.users.disable({ id: 99_999 }))).code).toBe('NOT_FOUND');
    });

    test("changing one's password needs the current one and ends the other sessions", async () => {
      const office = callerFor(users.office).caller;
      await office.users.create({
        username: 'changer',
        displayName: '改密码的人',
        role: 'office',
        password: 'first password 1',
      });
      const here = await signIn('changer', 'first password 1');
      const elsewhere = await signIn('changer', 'first password 1');
      const me = (await resolveSession(database.db, here.token, new Date())) as SessionUser;
      const self = callerFor(me, here.token).caller;

      const wrong = await refusal(
        self.auth.changePassword({ currentPassword: 'not it at all', newPassword: 'second password 2' }),
      );
      expect(wrong).toEqual({ code: 'BAD_REQUEST', message: '当前密码不正确。' });
      expect(
        (
          await refusal(
            self.auth.changePassword({ currentPassword: 'first password 1', newPassword: 'short' }),
          )
        ).code,
      ).toBe('BAD_REQUEST');

      expect(
        await self.auth.changePassword({
          currentPassword: 'first password 1',
          newPassword: 'second password 2',
        }),
      ).toEqual({ changed: true });
      expect(await resolveSession(database.db, here.token, new Date())).toEqual(me);
      expect(await resolveSession(database.db, elsewhere.token, new Date())).toBeNull();
      expect(
        (
          await refusal(
            callerFor(null).caller.auth.signIn({ username: 'changer', password: 'first password 1' }),
          )
        ).code,
      ).toBe('UNAUTHORIZED');
      const again = await signIn('changer', 'second password 2');

      // The office resets a forgotten password: every session of that user ends.
      expect(await office.users.resetPassword({ id: me.id, password: 'third password 3' })).toEqual({
        reset: true,
      });
      expect(await resolveSession(database.db, here.token, new Date())).toBeNull();
      expect(await resolveSession(database.db, again.token, new Date())).toBeNull();
      await signIn('changer', 'third password 3');
      expect(await auditActions(me.id)).toEqual(
        expect.arrayContaining(['user.changePassword', 'user.resetPassword']),
      );
      expect(
        (await refusal(office.users.resetPassword({ id: 99_999, password: 'third password 3' }))).code,
      ).toBe('NOT_FOUND');
    });

    test('the first office account comes from the environment, once, and never with a default', async () => {
      const fresh = await target.open();
      try {
        const now = new Date();
        expect(await ensureFirstOfficeAccount(fresh.db, {}, now)).toEqual({ kind: 'needs-credentials' });
        expect(
          (await ensureFirstOfficeAccount(fresh.db, { username: 'boss', password: 'short' }, now)).kind,
        ).toBe('invalid');
        expect(
          await ensureFirstOfficeAccount(
            fresh.db,
            { username: 'Boss', password: 'a long enough password' },
            now,
          ),
        ).toEqual({ kind: 'created', username: 'boss' });
        expect(
          await ensureFirstOfficeAccount(
            fresh.db,
            { username: 'other', password: 'a long enough password' },
            now,
          ),
        ).toEqual({ kind: 'exists' });
        const offices = await fresh.db.selectFrom('users').select('username').execute();
        expect(offices).toEqual([{ username: 'boss' }]);
      } finally {
        await fresh.close();
      }
    });
  });
}
