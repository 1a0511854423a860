/**
 * The unique-key race detector reads the drivers' codes: a second row under a UNIQUE column and
 * under a taken PRIMARY KEY are unique violations on both databases; a NOT NULL refusal, a
 * foreign-key refusal and an error whose text merely says "unique" are not.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { isUniqueViolation } from '../../server/repositories/unique-violation';
import { type TestDatabase, testDatabases } from '../support/databases';

async function refusal(write: () => Promise<unknown>): Promise<unknown> {
  try {
    await write();
  } catch (error) {
    return error;
  }
  throw new Error('the write was expected to be refused');
}

const at = '2026-01-01T00:00:00.000Z';

test('an error that only mentions "unique" in its text is not a unique violation', () => {
  expect(isUniqueViolation(new Error('UNIQUE constraint failed: agencies.name'))).toBe(false);
  expect(isUniqueViolation('duplicate key value violates unique constraint')).toBe(false);
  expect(isUniqueViolation(null)).toBe(false);
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`unique violations on ${target.name}`, () => {
    let database: TestDatabase;
    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    test('a second row under a unique column', async () => {
      const { db } = database;
      await db.insertInto('agencies').values({ name: '厦门市民政局', created_at: at }).execute();
      const error = await refusal(() =>
        db.insertInto('agencies').values({ name: '厦门市民政局', created_at: at }).execute(),
      );
      expect(isUniqueViolation(error)).toBe(true);
    });

    test('a taken primary key', async () => {
      const { db } = database;
      const { id } = await db
        .insertInto('deputies')
        .values({ name: '王代表', created_at: at })
        .returning('id')
        .executeTakeFirstOrThrow();
      const error = await refusal(() =>
        db.insertInto('deputies').values({ id, name: '李代表', created_at: at }).execute(),
      );
      expect(isUniqueViolation(error)).toBe(true);
    });

    test('other constraint refusals are not', async () => {
      const { db } = database;
      const missingName = await refusal(() =>
        db
          .insertInto('agencies')
          .values({ name: null as unknown as string, created_at: at })
          .execute(),
      );
      expect(isUniqueViolation(missingName)).toBe(false);
      const unknownLetter = await refusal(() =>
        db
          .insertInto('satisfaction_ratings')
          .values({
            letter_id: 987_654,
            level: 'satisfied',
            comment: null,
            recorded_by: null,
            created_at: at,
          })
          .execute(),
      );
      expect(isUniqueViolation(unknownLetter)).toBe(false);
    });
  });
}
