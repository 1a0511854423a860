/**
 * Issue 12 item 8: "today" is the agencies' date (Asia/Shanghai unless APP_TIME_ZONE says
 * otherwise), not UTC. At 07:00 on 1 January 2027 in Beijing it is still 31 December 2026 in UTC:
 * a clerk's progress dated 2027-01-01 was refused as later than today, a commitment due in 2026
 * was not yet overdue and a follow-up due on 31 December was still accepted until 08:00.
 */
import { afterAll, afterEach, beforeAll, describe, expect, test, vi } from 'vitest';
import { readEnv } from '../../server/env';
import { upkeepOnce } from '../../server/upkeep';
import { chinaClock, zonedClock } from '../../shared/clock';
import { type TestDatabase, testDatabases } from '../support/databases';
import { callerFor, type SeededLetter, seedReviewedLetter } from '../support/seeded-letter';

/** 07:00 on 1 January 2027 in Beijing */
const SEVEN_IN_BEIJING = new Date('2026-12-31T23:00:00Z');

describe('the clock', () => {
  test('the year turns at 00:00 China time on 1 January, not at 08:00', () => {
    expect(chinaClock.dateOf(new Date('2026-12-31T15:59:59Z'))).toBe('2026-12-31');
    expect(chinaClock.dateOf(new Date('2026-12-31T16:00:00Z'))).toBe('2027-01-01');
    expect(zonedClock('Asia/Shanghai', () => new Date('2026-12-31T15:59:59Z')).year()).toBe(2026);
    expect(zonedClock('Asia/Shanghai', () => new Date('2026-12-31T16:00:00Z')).year()).toBe(2027);
    expect(zonedClock('Asia/Shanghai', () => SEVEN_IN_BEIJING).today()).toBe('2027-01-01');
    // elsewhere by setting: the same instant is still the 31st in New York
    expect(zonedClock('America/New_York', () => SEVEN_IN_BEIJING).today()).toBe('2026-12-31');
  });

  test('APP_TIME_ZONE defaults to Asia/Shanghai and refuses an unknown zone at boot', () => {
    expect(readEnv({}).APP_TIME_ZONE).toBe('Asia/Shanghai');
    expect(readEnv({ APP_TIME_ZONE: 'Europe/Berlin' }).APP_TIME_ZONE).toBe('Europe/Berlin');
    expect(() => readEnv({ APP_TIME_ZONE: 'Mars/Olympus' })).toThrow(/APP_TIME_ZONE/);
  });
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`07:00 China time on ${target.name}`, () => {
    let database: TestDatabase;
    let seeded: SeededLetter;

    beforeAll(async () => {
      database = await target.open();
      seeded = await seedReviewedLetter(database.db, database.dialect);
    });
    afterEach(() => {
      vi.useRealTimers();
    });
    afterAll(async () => {
      await database?.close();
    });

    /** only Date is faked: the database drivers keep their real timers */
    const atSevenInBeijing = () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(SEVEN_IN_BEIJING);
    };

    test("a clerk's progress dated today in China is accepted", async () => {
      const commitmentId = seeded.find('农村幸福院');
      const [first] = await database.db
        .selectFrom('commitment_targets')
        .select('district_id')
        .where('commitment_id', '=', commitmentId)
        .execute();
      atSevenInBeijing();
      const clerk = callerFor(database.db, database.dialect, seeded.clerk);
      const entry = await clerk.progress.record({
        commitmentId,
        districtId: first?.district_id ?? null,
        value: 1,
        asOf: '2027-01-01',
      });
      expect(entry.asOf).toBe('2027-01-01');
      // the next day in China is still later than today
      await expect(
        clerk.progress.record({
          commitmentId,
          districtId: first?.district_id ?? null,
          value: 1,
          asOf: '2027-01-02',
        }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST' });
    });

    test('a commitment due in 2026 is overdue, one due in 2027 is not', async () => {
      const dueLastYear = seeded.find('农村幸福院');
      const dueThisYear = seeded.find('日间照料');
      expect(dueThisYear).not.toBe(dueLastYear);
      await database.db
        .updateTable('commitments')
        .set({ deadline_year: 2026 })
        .where('id', '=', dueLastYear)
        .execute();
      await database.db
        .updateTable('commitments')
        .set({ deadline_year: 2027 })
        .where('id', '=', dueThisYear)
        .execute();
      atSevenInBeijing();
      const office = callerFor(database.db, database.dialect, seeded.office);
      expect((await office.commitments.byId({ id: dueLastYear })).status).toBe('overdue');
      expect((await office.commitments.byId({ id: dueThisYear })).status).not.toBe('overdue');
    });

    test('a follow-up cannot be due yesterday in China', async () => {
      atSevenInBeijing();
      const office = callerFor(database.db, database.dialect, seeded.office);
      const commitmentId = seeded.find('农村幸福院');
      await expect(
        office.followUps.create({ commitmentId, request: '请说明进度。', dueDate: '2026-12-31' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: '办理期限不能早于今天。' });
      await office.followUps.create({ commitmentId, request: '请说明进度。', dueDate: '2027-01-01' });
    });

    test('the background tally refresh rolls over at midnight China time', async () => {
      vi.useFakeTimers({ toFake: ['Date'] });
      vi.setSystemTime(new Date('2026-12-31T16:05:00Z'));
      const errors: unknown[] = [];
      await upkeepOnce(database.db, chinaClock, (error) => errors.push(error));
      expect(errors).toEqual([]);
      const days = await database.db.selectFrom('outcome_tally_state').select('computed_on').execute();
      expect(days.length).toBeGreaterThan(0);
      expect(new Set(days.map((d) => d.computed_on))).toEqual(new Set(['2027-01-01']));
    });
  });
}
