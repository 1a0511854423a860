/**
 * The whole permission matrix: every procedure of the app router × every kind of caller, on SQLite
 * and on PostgreSQL, against the table in server/permissions.ts. A procedure missing from the
 * table fails the test, so a new procedure cannot ship without deciding who may call it.
 *
 * Calls carry no input. Role checks run before input validation, so a refused caller gets
 * UNAUTHORIZED or FORBIDDEN, and an allowed one gets anything else (a result, or BAD_REQUEST for
 * the missing input).
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContextInner } from '../../server/context';
import { type Access, PERMISSIONS } from '../../server/permissions';
import { appRouter, createCaller } from '../../server/routers/_app';
import type { Role, SessionUser } from '../../shared/auth';
import { type TestDatabase, testDatabases } from '../support/databases';
import { createRoleUsers } from '../support/users';

const procedurePaths = Object.keys(appRouter._def.procedures).sort();

interface Caller {
  name: string;
  role: Role | null;
  publicRead: boolean;
}

const CALLERS: Caller[] = [
  { name: 'anonymous', role: null, publicRead: true },
  { name: 'anonymous, PUBLIC_READ=0', role: null, publicRead: false },
  { name: 'office', role: 'office', publicRead: true },
  { name: 'agency', role: 'agency', publicRead: true },
  { name: 'deputy', role: 'deputy', publicRead: true },
  // Signing in is what PUBLIC_READ=0 asks for; it must not take anything away from signed-in users.
  { name: 'agency, PUBLIC_READ=0', role: 'agency', publicRead: false },
];

function expectedAllowed(access: readonly Access[], caller: Caller): boolean {
  if (access.includes('anyone')) return true;
  if (caller.role) return access.includes(caller.role);
  return caller.publicRead && access.includes('public');
}

/** Finds `letters.ingest` on the caller proxy and calls it without input. */
async function outcome(caller: unknown, path: string): Promise<'allowed' | 'refused'> {
  let target: unknown = caller;
  for (const segment of path.split('.')) target = (target as Record<string, unknown>)[segment];
  if (typeof target !== 'function') throw new Error(`${path} is not callable`);
  try {
    await (target as () => Promise<unknown>)();
    return 'allowed';
  } catch (error) {
    if (!(error instanceof TRPCError)) throw error;
    return error.code === 'UNAUTHORIZED' || error.code === 'FORBIDDEN' ? 'refused' : 'allowed';
  }
}

test('every procedure of the app router is in the permission table, and nothing else is', () => {
  expect(procedurePaths.length).toBeGreaterThan(0);
  const unlisted = procedurePaths.filter((p) => !(p in PERMISSIONS));
  const stale = Object.keys(PERMISSIONS).filter((p) => !procedurePaths.includes(p));
  expect(unlisted, 'add these procedures to server/permissions.ts').toEqual([]);
  expect(stale, 'these entries of server/permissions.ts name no procedure').toEqual([]);
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`permission matrix on ${target.name}`, () => {
    let database: TestDatabase;
    let users: Record<Role, SessionUser>;

    beforeAll(async () => {
      database = await target.open();
      users = await createRoleUsers(database.db);
    });
    afterAll(async () => {
      await database?.close();
    });

    for (const caller of CALLERS) {
      test(`as ${caller.name}`, async () => {
        const api = createCaller(
          createContextInner({
            db: database.db,
            dialect: database.dialect,
            showDemo: true,
            publicRead: caller.publicRead,
            user: caller.role ? users[caller.role] : null,
          }),
        );
        const actual: Record<string, string> = {};
        const expected: Record<string, string> = {};
        for (const path of procedurePaths) {
          actual[path] = await outcome(api, path);
          const access = PERMISSIONS[path] ?? [];
          expected[path] = expectedAllowed(access, caller) ? 'allowed' : 'refused';
        }
        expect(actual).toEqual(expected);
      });
    }
  });
}
