/**
 * Junk is refused as a letter, with its reason, and changes nothing; the office can store it
 * anyway with `acceptUnusual`. On SQLite and PostgreSQL, through letters.ingest and ingestFile.
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { Database } from '../../db/schema';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { highByteBinary } from '../support/junk';
import { callerFor } from '../support/seeded-letter';
import { makeUser } from '../support/users';

const fixture = (name: string) => readFileSync(join(__dirname, '../fixtures/junk', name), 'utf8');
const base64 = (bytes: Uint8Array | string) => Buffer.from(bytes).toString('base64');
const TABLES: (keyof Database)[] = [
  'letters',
  'suggestions',
  'agencies',
  'deputies',
  'commitments',
  'audit_log',
];

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`junk letters on ${target.name}`, () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    async function counts() {
      const out: Record<string, number> = {};
      for (const table of TABLES) {
        const row = await database.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll<number | string>().as('n'))
          .executeTakeFirstOrThrow();
        out[table] = Number(row.n);
      }
      return out;
    }

    test('mojibake, menus and prose are refused with a Chinese reason; nothing is written', async () => {
      const office = callerFor(
        database.db,
        database.dialect,
        await makeUser(database.db, 'office', 'office'),
      );
      const before = await counts();
      await expect(
        office.letters.ingestFile({ fileName: 'scan.txt', contentBase64: base64(highByteBinary(4000)) }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('乱码') });
      await expect(office.letters.ingest({ text: fixture('menus.txt') })).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('菜单'),
      });
      await expect(
        office.letters.ingestFile({ fileName: 'prose.txt', contentBase64: base64(fixture('prose.txt')) }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('没有称呼') });
      expect(await counts()).toEqual(before);
    });

    test('the office overrides explicitly; the seed letter needs no override', async () => {
      const office = callerFor(
        database.db,
        database.dialect,
        await makeUser(database.db, 'office2', 'office'),
      );
      const prose = await office.letters.ingest({ text: fixture('prose.txt'), acceptUnusual: true });
      expect((await office.letters.byId({ id: prose.letterId })).text).toBe(fixture('prose.txt').trim());
      const binary = await office.letters.ingestFile({
        fileName: 'scan.txt',
        contentBase64: base64(highByteBinary(4000)),
        acceptUnusual: true,
      });
      expect(binary.commitmentCount).toBe(0);
      const seed = await office.letters.ingest({ text: seedLetterText() });
      expect(seed.commitmentCount).toBeGreaterThan(5);
    });
  });
}
