/**
 * One rule for a progress entry's 截至日期: not before the reply letter's date (nor 1990 for a
 * letter without one), not after today, for progress.record, its corrections and the sheet import
 * alike. The form once took 1990-01-01 for the seed letter of 2015-03-19, which the sheet refused.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { asOfProblem } from '../../server/domain/progress-dates';
import { type TestDatabase, testDatabases } from '../support/databases';
import { callerFor, type SeededLetter, seedReviewedLetter } from '../support/seeded-letter';

describe('asOfProblem', () => {
  test('before 1990, before the letter, after today; each bound only when given', () => {
    const bounds = { letterDate: '2015-03-19', today: '2025-06-30' };
    expect(asOfProblem('1989-12-31', {})).toEqual({ kind: 'before-earliest', earliest: '1990-01-01' });
    expect(asOfProblem('1990-01-01', bounds)).toEqual({ kind: 'before-letter', letterDate: '2015-03-19' });
    expect(asOfProblem('2015-03-18', { letterDate: '2015-03-19' })?.kind).toBe('before-letter');
    expect(asOfProblem('2015-03-19', bounds)).toBeNull();
    expect(asOfProblem('2025-06-30', bounds)).toBeNull();
    expect(asOfProblem('2025-07-01', bounds)).toEqual({ kind: 'after-today', today: '2025-06-30' });
    expect(asOfProblem('2999-01-01', { letterDate: null })).toBeNull();
    expect(asOfProblem('1990-01-01', { letterDate: null, today: '2025-06-30' })).toBeNull();
  });
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`progress as-of dates on ${target.name}`, () => {
    let database: TestDatabase;
    let seeded: SeededLetter;

    beforeAll(async () => {
      database = await target.open();
      seeded = await seedReviewedLetter(database.db, database.dialect);
    });
    afterAll(async () => {
      await database?.close();
    });

    test('progress.record and corrections refuse a date before the 2015 letter, as the sheet does', async () => {
      const clerk = callerFor(database.db, database.dialect, seeded.clerk);
      const commitmentId = seeded.find('农村幸福院');
      const [first] = await database.db
        .selectFrom('commitment_targets')
        .select('district_id')
        .where('commitment_id', '=', commitmentId)
        .execute();
      const districtId = first?.district_id ?? null;
      const count = async () =>
        (await database.db.selectFrom('progress_updates').select('id').execute()).length;

      await expect(
        clerk.progress.record({ commitmentId, districtId, value: 3, asOf: '1990-01-01' }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: '截至日期 1990-01-01 早于答复函日期 2015-03-19,请检查日期。',
      });
      await expect(
        clerk.progress.record({ commitmentId, districtId, value: 3, asOf: '2015-03-18' }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
      });
      expect(await count()).toBe(0);

      const entry = await clerk.progress.record({ commitmentId, districtId, value: 3, asOf: '2015-03-19' });
      await expect(
        clerk.progress.correct({
          supersedesId: entry.id,
          value: 4,
          asOf: '2001-05-01',
          reason: '统计口径调整',
        }),
      ).rejects.toMatchObject({
        code: 'BAD_REQUEST',
        message: expect.stringContaining('早于答复函日期 2015-03-19'),
      });
      expect(await count()).toBe(1);
    });
  });
}
