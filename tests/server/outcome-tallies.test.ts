/**
 * The tallies add up to the figures the rules give when applied to every commitment at once:
 * first as pure functions over random data, then through the routers on SQLite and PostgreSQL,
 * where every kind of write must mark the figures stale so the next read recomputes them.
 */
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContextInner } from '../../server/context';
import {
  cutoffFor,
  groupProgress,
  outcomesAsOf,
  summarizeOutcomes,
} from '../../server/domain/commitment-metrics';
import { tallyChanges, tallyOutcomes } from '../../server/domain/outcome-tallies';
import { districtItems, wholeItems } from '../../server/domain/tracked-items';
import { createCaller } from '../../server/routers/_app';
import { buildAnnualReport } from '../../server/services/annual-report';
import { loadCommitmentData, metricsFromTallies } from '../../server/services/metrics';
import { seedDemoProgress, seedGazetteer } from '../../server/services/seed';
import type { SessionUser } from '../../shared/auth';
import { chinaClock } from '../../shared/clock';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { makeUser } from '../support/users';
import { versionOf } from '../support/versions';

const TODAY = '2026-11-27';
const YEARS = [2014, 2015, 2016, 2017, 2018, 2019, 2020, 2026];

const date = fc
  .record({
    y: fc.integer({ min: 2014, max: 2020 }),
    m: fc.integer({ min: 1, max: 12 }),
    d: fc.integer({ min: 1, max: 28 }),
  })
  .map(({ y, m, d }) => `${y}-${String(m).padStart(2, '0')}-${String(d).padStart(2, '0')}`);

const scenario = fc
  .array(
    fc.record({
      kind: fc.constantFrom('quantified' as const, 'quantified' as const, 'milestone' as const),
      min: fc.integer({ min: 1, max: 50 }),
      deadlineYear: fc.option(fc.integer({ min: 2014, max: 2021 }), { nil: null }),
      letterDate: fc.option(date, { nil: null }),
      milestoneState: fc.constantFrom('open' as const, 'done' as const, 'not_done' as const),
      milestoneDoneOn: fc.option(date, { nil: null }),
      districts: fc.subarray([1, 2, 3]),
      progress: fc.array(
        fc.record({
          district: fc.constantFrom(null, 1, 2, 3),
          value: fc.integer({ min: 0, max: 60 }),
          asOf: date,
        }),
        { maxLength: 6 },
      ),
    }),
    { maxLength: 12 },
  )
  .map((items) => {
    let nextId = 1;
    const commitments = items.map((c, i) => ({
      id: i + 1,
      ...c,
      min: c.kind === 'milestone' ? null : c.min,
    }));
    const targets = commitments.flatMap((c) =>
      c.kind === 'milestone'
        ? []
        : c.districts.map((d) => ({ commitmentId: c.id, districtId: d, min: c.min ?? 1 })),
    );
    const progress = commitments.flatMap((c) =>
      c.progress.map((p) => ({
        id: nextId++,
        commitmentId: c.id,
        districtId: p.district,
        value: p.value,
        asOf: p.asOf,
        // every third entry corrects the one before it
        supersedesId: nextId % 3 === 0 && nextId > 2 ? nextId - 2 : null,
      })),
    );
    return { commitments, targets, progress };
  });

describe('tallyOutcomes', () => {
  test('summed per year and district, the tallies equal the rules applied to all items', () => {
    fc.assert(
      fc.property(scenario, ({ commitments, targets, progress }) => {
        const { tallies } = tallyOutcomes({ commitments, targets, progress, years: YEARS, today: TODAY });
        const grouped = groupProgress(progress);
        for (const year of YEARS) {
          const cutoff = cutoffFor(year, TODAY);
          const whole = summarizeOutcomes(
            outcomesAsOf(wholeItems(commitments, targets), grouped, year, cutoff).map((o) => o.outcome),
          );
          const rows = tallies.filter((t) => t.year === year && t.districtId === null);
          expect(metricsFromTallies(rows)).toEqual(whole);
          for (const district of [1, 2, 3]) {
            const part = summarizeOutcomes(
              outcomesAsOf(districtItems(commitments, targets, [district]), grouped, year, cutoff).map(
                (o) => o.outcome,
              ),
            );
            expect(
              metricsFromTallies(tallies.filter((t) => t.year === year && t.districtId === district)),
            ).toEqual(part);
          }
        }
      }),
      { numRuns: 200 },
    );
  });

  test('a year with nothing counted has no rows', () => {
    expect(
      tallyOutcomes({ commitments: [], targets: [], progress: [], years: YEARS, today: TODAY }).tallies,
    ).toEqual([]);
  });
});

/** The figures recomputed from the raw rows, the way the overview computed them before the tallies. */
async function referenceMetrics(
  database: TestDatabase,
  filter: { year: number; agencyId: number | null; districtIds: number[] | null },
  includeDemo: boolean,
) {
  const data = await loadCommitmentData(database.db, filter.agencyId, includeDemo);
  // the routers judge as of the real today
  const cutoff = cutoffFor(filter.year, chinaClock.today());
  const items =
    filter.districtIds === null
      ? wholeItems(data.commitments, data.targets)
      : districtItems(data.commitments, data.targets, filter.districtIds);
  return summarizeOutcomes(outcomesAsOf(items, data.progress, filter.year, cutoff).map((o) => o.outcome));
}

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`outcome tallies follow every write on ${target.name}`, () => {
    let database: TestDatabase;
    let office: SessionUser;
    const as = (user: SessionUser | null, showDemo = true) =>
      createCaller(
        createContextInner({ db: database.db, dialect: database.dialect, showDemo, publicRead: true, user }),
      );

    /** Every year, agency and district of the overview, tallied and recomputed, must agree. */
    async function expectFiguresMatch() {
      const agencies = await database.db.selectFrom('agencies').select(['id', 'name']).execute();
      const districts = await database.db.selectFrom('districts').select(['id', 'name']).execute();
      for (const includeDemo of [true, false]) {
        const caller = as(null, includeDemo);
        for (const year of [2015, 2016, 2018, 2026]) {
          const city = await caller.dashboard.summary({ year });
          expect(city.commitments, `${year} city`).toEqual(
            await referenceMetrics(database, { year, agencyId: null, districtIds: null }, includeDemo),
          );
          for (const agency of agencies) {
            const figures = await caller.dashboard.summary({ year, agency: agency.name });
            expect(figures.commitments, `${year} ${agency.name}`).toEqual(
              await referenceMetrics(database, { year, agencyId: agency.id, districtIds: null }, includeDemo),
            );
          }
          for (const district of districts.filter((d) => ['思明区', '翔安区'].includes(d.name))) {
            const figures = await caller.dashboard.summary({ year, district: district.name });
            const ids = districts.filter((d) => d.name === district.name).map((d) => d.id);
            expect(figures.commitments, `${year} ${district.name}`).toEqual(
              await referenceMetrics(database, { year, agencyId: null, districtIds: ids }, includeDemo),
            );
          }
        }
      }
    }

    let letters: { letterId: number; agency: string }[] = [];

    beforeAll(async () => {
      database = await target.open();
      await seedGazetteer(database.db);
      office = await makeUser(database.db, 'office', 'office');
      const texts = [
        seedLetterText(),
        seedLetterText().replaceAll('厦门市民政局', '厦门市建设局').replace('2015年3月19日', '2016年4月2日'),
      ];
      letters = [];
      for (const text of texts) {
        const { letterId } = await as(office).letters.ingest({ text });
        const letter = await as(office).letters.byId({ id: letterId });
        letters.push({ letterId, agency: letter.agency ?? '' });
      }
    });

    afterAll(async () => {
      await database?.close();
    });

    test('the two letters are answered by two agencies', () => {
      expect(new Set(letters.map((l) => l.agency)).size).toBe(2);
    });

    test('before any review nothing is counted, and the tallies say so', async () => {
      const figures = await as(null).dashboard.summary({ year: 2016 });
      expect(figures.commitments.tracked).toBe(0);
      await expectFiguresMatch();
    });

    test('review, progress, corrections, splits, milestones and withdrawals each move the figures', async () => {
      const caller = as(office);
      const [first, second] = await Promise.all(letters.map((l) => caller.letters.byId({ id: l.letterId })));
      if (!first || !second) throw new Error('letters missing');
      for (const c of [...first.commitments, ...first.milestones, ...second.commitments])
        await caller.review.confirm({ id: c.id, version: c.version });
      await expectFiguresMatch();

      const withDistricts = first.commitments.find((c) => c.per === 'district');
      const cityWide = first.commitments.find((c) => c.per === null && c.min !== null);
      if (!withDistricts || !cityWide) throw new Error('scenario commitments missing');
      const targets = (await caller.commitments.byId({ id: withDistricts.id })).targets;
      const [d1, d2] = targets;
      if (!d1 || !d2) throw new Error('targets missing');
      await caller.progress.record({
        commitmentId: withDistricts.id,
        districtId: d1.districtId,
        value: d1.min ?? 1,
        asOf: '2015-10-01',
      });
      const late = await caller.progress.record({
        commitmentId: withDistricts.id,
        districtId: d2.districtId,
        value: 1,
        asOf: '2016-03-01',
      });
      await caller.progress.record({
        commitmentId: cityWide.id,
        districtId: null,
        value: (cityWide.min ?? 1) / 2,
        asOf: '2015-12-01',
      });
      await expectFiguresMatch();

      await caller.progress.correct({
        supersedesId: late.id,
        value: d2.min ?? 1,
        asOf: '2016-03-01',
        reason: '核对后更正',
      });
      await expectFiguresMatch();

      const milestone = first.milestones[0];
      if (milestone) {
        await caller.progress.setMilestone({
          id: milestone.id,
          version: await versionOf(caller, milestone.id),
          state: 'done',
          doneOn: '2015-09-01',
        });
        await expectFiguresMatch();
      }

      const otherCity = second.commitments.find((c) => c.per === null && c.min !== null);
      if (otherCity) {
        await caller.progress.withdraw({
          id: otherCity.id,
          version: await versionOf(caller, otherCity.id),
          reasonCode: 'funding',
          reasonText: '资金未落实',
        });
        await expectFiguresMatch();
      }

      await seedDemoProgress(database.db, letters[1]?.letterId ?? 0, new Date(`${TODAY}T00:00:00Z`));
      await expectFiguresMatch();
      // many figures recomputed both ways after each write: slow on a busy PostgreSQL
    }, 90_000);

    test('the report page lists the first overdue commitments and tells how many there are', async () => {
      const options = { includeDemo: true, today: chinaClock.today() };
      const reports = await Promise.all(
        [2016, 2018, 2020].map((y) => buildAnnualReport(database.db, y, options)),
      );
      const full = reports.find((r) => r.overdue.length >= 2);
      if (!full) throw new Error('the scenario has no year with two overdue commitments');
      const page = await buildAnnualReport(database.db, full.year, options, { overdueLimit: 1 });
      expect(page.overdueTotal).toBe(full.overdue.length);
      expect(full.overdueTotal).toBe(full.overdue.length);
      expect(page.overdue).toEqual(full.overdue.slice(0, 1));
      expect(page.commitments).toEqual(full.commitments);
    });
  });
}

describe('tallyChanges', () => {
  const row = (status: string, items: number, completion = 0) => ({
    year: 2020,
    districtKey: 0,
    scope: 'all',
    status,
    items,
    due: items,
    kept: status === 'achieved' ? items : 0,
    keptOnTime: 0,
    completion,
  });

  test('the totals gain the new rows and lose the old ones; unchanged keys are left out', () => {
    const changes = tallyChanges(
      [row('achieved', 2, 2), row('behind', 1, 0.5)],
      [row('achieved', 3, 3), row('behind', 1, 0.5)],
    );
    expect(changes).toEqual([{ ...row('achieved', 1, 1) }]);
  });

  test('a status that disappears is subtracted whole', () => {
    expect(tallyChanges([row('overdue', 4)], [])).toEqual([{ ...row('overdue', 0), items: -4, due: -4 }]);
  });
});
