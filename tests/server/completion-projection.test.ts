import { afterAll, beforeAll, describe, expect, it, test } from 'vitest';
import { cumulativeSeries, projectCompletion } from '../../server/domain/completion-projection';
import type { ProgressPoint } from '../../server/domain/progress-summary';
import { zonedClock } from '../../shared/clock';
import { type TestDatabase, testDatabases } from '../support/databases';
import { callerFor, seedReviewedLetter } from '../support/seeded-letter';

let nextId = 1;
const entry = (asOf: string, value: number, more: Partial<ProgressPoint> = {}): ProgressPoint => ({
  id: nextId++,
  commitmentId: 1,
  districtId: null,
  value,
  asOf,
  supersedesId: null,
  ...more,
});

describe('the city total over time', () => {
  it('adds the latest value of each district at every entry date, corrections replacing what they supersede', () => {
    const wrong = entry('2016-03-01', 50, { districtId: 1 });
    const series = cumulativeSeries([
      entry('2016-01-01', 2, { districtId: 1 }),
      entry('2016-02-01', 3, { districtId: 2 }),
      wrong,
      entry('2016-03-01', 5, { districtId: 1, supersedesId: wrong.id }),
    ]);
    expect(series.map((p) => p.total)).toEqual([2, 5, 8]);
  });
});

describe('projected completion', () => {
  it('puts the finish where the recent straight line reaches the target and counts the months after the deadline year', () => {
    // 10 a quarter from 2025: 40 of 100 by 2026-01-01; 60 more at 10 a quarter is 18 months → mid-2027
    const entries = ['2025-04-01', '2025-07-01', '2025-10-01', '2026-01-01'].map((d, i) =>
      entry(d, 10 * (i + 1)),
    );
    const projection = projectCompletion({
      entries,
      target: 100,
      letterDate: '2025-01-01',
      deadlineYear: 2025,
      today: '2026-01-10',
    });
    expect(projection).toMatchObject({ kind: 'projected', basis: 4 });
    if (projection?.kind !== 'projected') throw new Error('expected a date');
    expect(projection.date >= '2027-06-01' && projection.date <= '2027-07-31').toBe(true);
    expect(projection.monthsLate).toBe(Number(projection.date.slice(5, 7)) + 12);
  });

  it('is on time when the pace reaches the target within the deadline year', () => {
    const entries = [entry('2016-03-01', 10), entry('2016-06-01', 20)];
    const projection = projectCompletion({
      entries,
      target: 30,
      letterDate: '2016-01-10',
      deadlineYear: 2016,
      today: '2016-06-02',
    });
    expect(projection).toMatchObject({ kind: 'projected', monthsLate: 0 });
  });

  it('uses the pace since the letter when only one entry exists', () => {
    const projection = projectCompletion({
      entries: [entry('2016-07-01', 15)],
      target: 30,
      letterDate: '2016-01-01',
      deadlineYear: 2016,
      today: '2016-07-02',
    });
    // 15 in half a year: the other 15 take another half → around the turn of the year
    expect(projection?.kind).toBe('projected');
    if (projection?.kind !== 'projected') return;
    expect(projection.date >= '2016-12-15' && projection.date <= '2017-01-15').toBe(true);
    expect(projection.basis).toBe(2);
  });

  it('rests on the last year of history, not on an early burst', () => {
    const entries = [
      entry('2016-01-01', 0),
      entry('2016-03-01', 50), // an early burst, then a slow crawl
      entry('2018-01-01', 52),
      entry('2018-07-01', 54),
      entry('2019-01-01', 56),
    ];
    const projection = projectCompletion({
      entries,
      target: 100,
      letterDate: '2015-12-01',
      deadlineYear: 2017,
      today: '2019-02-01',
    });
    if (projection?.kind !== 'projected') throw new Error('expected a date');
    // 4 a year from 56 to 100 is 11 years, far beyond what the whole history's average would say
    expect(projection.date > '2029-01-01').toBe(true);
  });

  it('says stalled when nothing moved in the recent year, and nothing when the target is reached or there is no history', () => {
    const flat = [entry('2016-01-01', 5), entry('2016-06-01', 5), entry('2016-12-01', 5)];
    expect(
      projectCompletion({
        entries: flat,
        target: 10,
        letterDate: '2015-12-01',
        deadlineYear: 2016,
        today: '2016-12-02',
      }),
    ).toEqual({
      kind: 'stalled',
      basis: 3,
    });
    const done = [entry('2016-01-01', 5), entry('2016-06-01', 12)];
    expect(
      projectCompletion({
        entries: done,
        target: 10,
        letterDate: '2015-12-01',
        deadlineYear: 2016,
        today: '2016-12-02',
      }),
    ).toBeNull();
    expect(
      projectCompletion({
        entries: [],
        target: 10,
        letterDate: '2015-12-01',
        deadlineYear: 2016,
        today: '2016-12-02',
      }),
    ).toBeNull();
  });

  it('never projects a finish before today', () => {
    // a steep line whose fit crosses the target before the last, lower, entry
    const entries = [entry('2016-01-01', 0), entry('2016-02-01', 90), entry('2016-03-01', 80)];
    const projection = projectCompletion({
      entries,
      target: 85,
      letterDate: '2015-12-01',
      deadlineYear: 2016,
      today: '2016-04-15',
    });
    if (projection?.kind !== 'projected') throw new Error('expected a date');
    expect(projection.date).toBe('2016-04-15');
  });

  it('says unreported, not a date in the past, when the latest entry is more than a year old', () => {
    const entries = [entry('2016-01-01', 10), entry('2016-12-31', 12)];
    expect(
      projectCompletion({
        entries,
        target: 30,
        letterDate: '2015-12-01',
        deadlineYear: 2016,
        today: '2026-12-03',
      }),
    ).toEqual({ kind: 'unreported', lastAsOf: '2016-12-31' });
  });
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`projected finish through the routers on ${target.name}`, () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(() => database?.close());

    test('a commitment whose recent pace misses its deadline says when it will be done, and its agency lists it before it is overdue', async () => {
      const seeded = await seedReviewedLetter(database.db, database.dialect);
      const office = callerFor(database.db, database.dialect, seeded.office);
      const id = seeded.find('农村幸福院');
      const homes = await office.commitments.byId({ id });
      const today = zonedClock().today();
      const thisYear = Number(today.slice(0, 4));
      const daysBefore = (days: number) =>
        new Date(Date.parse(`${today}T00:00:00Z`) - days * 86_400_000).toISOString().slice(0, 10);
      // the promise is moved to next year so that it is not overdue yet
      await office.review.correct({
        id,
        version: homes.version,
        start: homes.start,
        end: homes.end,
        min: 30,
        max: null,
        unit: homes.unit ?? '个',
        object: homes.object ?? '农村幸福院',
        per: null,
        deadlineYear: thisYear + 1,
        section: null,
      });
      const record = (value: number, asOf: string) =>
        office.progress.record({ commitmentId: id, districtId: null, value, asOf });
      // 2 homes in three months: 26 more take over three years, well after next year
      await record(2, daysBefore(150));
      await record(4, daysBefore(60));

      const page = await office.commitments.byId({ id });
      expect(page.status).not.toBe('overdue');
      if (page.projection?.kind !== 'projected')
        throw new Error(`projected expected: ${JSON.stringify(page.projection)}`);
      expect(page.projection.basis).toBe(2);
      expect(Number(page.projection.date.slice(0, 4))).toBeGreaterThan(thisYear + 1);
      expect(page.projection.monthsLate).toBeGreaterThan(12);

      const card = await office.agencies.byName({ name: '厦门市民政局' });
      if (!card) throw new Error('scorecard expected');
      expect(card.projectedLate.map((c) => c.id)).toEqual([id]);
      expect(card.projectedLate[0]?.projection).toEqual(page.projection);
      // commitments already overdue are on the overdue list, not here
      expect(card.overdue.map((c) => c.id)).not.toContain(id);
      expect(card.projectedLate.every((c) => c.status !== 'overdue')).toBe(true);
    });
  });
}
