/**
 * An XLSX bomb uploaded as a progress sheet, on SQLite and PostgreSQL: refused with the Chinese
 * reason the clerk sees, and nothing is written (no progress, no audit entry).
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContextInner } from '../../server/context';
import { createCaller } from '../../server/routers/_app';
import { seedOnFirstStart } from '../../server/services/seed';
import type { SessionUser } from '../../shared/auth';
import { buildZip, sharedStrings, workbookParts, worksheet } from '../spreadsheets/zip-bomb';
import { type TestDatabase, testDatabases } from '../support/databases';
import { makeUser } from '../support/users';

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`an XLSX bomb uploaded on ${target.name}`, () => {
    let database: TestDatabase;
    let office: SessionUser;

    beforeAll(async () => {
      database = await target.open();
      await seedOnFirstStart(database.db, { letter: true, demo: true });
      office = await makeUser(database.db, 'office', 'office');
    });
    afterAll(async () => {
      await database?.close();
    });

    const count = async (table: 'progress_updates' | 'audit_log') =>
      (await database.db.selectFrom(table).select('id').execute()).length;

    test('is refused before parsing and changes nothing', async () => {
      // 256 MB of shared strings in well under 2 MB
      const bomb = await buildZip([...workbookParts(), sharedStrings(89_000, 1000), worksheet(1, 1)]);
      const progress = await count('progress_updates');
      const audit = await count('audit_log');
      expect(progress).toBeGreaterThan(0);
      const caller = createCaller(
        createContextInner({
          db: database.db,
          dialect: database.dialect,
          showDemo: true,
          publicRead: true,
          user: office,
        }),
      );
      const outcome = await caller.progress
        .importSheet({ fileName: '进度填报表.xlsx', contentBase64: bomb.toString('base64') })
        .catch((error: unknown) => error);
      expect(outcome).toBeInstanceOf(TRPCError);
      expect((outcome as TRPCError).code).toBe('BAD_REQUEST');
      expect((outcome as TRPCError).message).toContain('「进度填报表.xlsx」解压后内容过大');
      expect(await count('progress_updates')).toBe(progress);
      expect(await count('audit_log')).toBe(audit);
    }, 60_000);
  });
}
