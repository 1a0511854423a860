/**
 * The commitments list against the overview, through createCaller on SQLite and PostgreSQL: for
 * every filter the overview offers, each number it shows (status mix, due, kept, kept on time, the
 * heat map's cells, the agency ranking, the trend) is the total of the list it links to.
 *
 * Scenario: the seed letter (市十四届人大四次会议第260号, deputy 苏辉明, 厦门市民政局) and a copy of
 * it answering 市十四届人大五次会议第261号 by deputy 王小明 from 厦门市教育局; every extracted item
 * of both confirmed; the incubator parks of the first broken down over the six districts; progress
 * on a few items in 2015 and 2016.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContextInner } from '../../server/context';
import { createCaller } from '../../server/routers/_app';
import { seedGazetteer } from '../../server/services/seed';
import type { SessionUser } from '../../shared/auth';
import { TRACKED_STATUSES } from '../../shared/commitments';
import type { CommitmentListInput } from '../../shared/schemas/commitments';
import { sessionOfRef } from '../../shared/sessions';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { makeUser } from '../support/users';
import { versionOf } from '../support/versions';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

const FIFTH_SESSION = '市十四届人大五次会议';
const FOURTH_SESSION = '市十四届人大四次会议';

function secondLetter(): string {
  return seedLetterText()
    .replaceAll('四次会议第260号', '五次会议第261号')
    .replaceAll('苏辉明', '王小明')
    .replaceAll('厦门市民政局', '厦门市教育局')
    .replace('厦民函〔2015〕8号', '厦教函〔2015〕9号');
}

test('the session is the suggestion reference without its number', () => {
  expect(sessionOfRef('市十四届人大四次会议第260号')).toBe('市十四届人大四次会议');
  expect(sessionOfRef('市十一届人大一次会议代表建议第106号')).toBe('市十一届人大一次会议');
  expect(sessionOfRef('县十七届人大三次会议第A12号')).toBe('县十七届人大三次会议');
  expect(sessionOfRef('市十一届人大一次会议')).toBe('市十一届人大一次会议');
  expect(sessionOfRef('第261号')).toBeNull();
  expect(sessionOfRef(null)).toBeNull();
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`commitments list against the overview on ${target.name}`, () => {
    let database: TestDatabase;
    let as: (user: SessionUser | null) => ReturnType<typeof createCaller>;
    const districtNames: string[] = [];

    beforeAll(async () => {
      database = await target.open();
      const { db } = database;
      await seedGazetteer(db);
      as = (user) =>
        createCaller(
          createContextInner({ db, dialect: database.dialect, showDemo: true, publicRead: true, user }),
        );
      const office = await makeUser(db, 'office', 'office');
      const first = await as(office).letters.ingest({ text: seedLetterText() });
      const second = await as(office).letters.ingest({ text: secondLetter() });
      for (const { letterId } of [first, second]) {
        const letter = await as(office).letters.byId({ id: letterId });
        for (const item of [...letter.commitments, ...letter.milestones])
          await as(office).review.confirm({ id: item.id, version: item.version });
      }
      const letter = await as(office).letters.byId({ id: first.letterId });
      const find = (word: string) => {
        const found = letter.commitments.find((c) => c.object?.includes(word));
        if (!found) throw new Error(`no commitment about ${word}`);
        return found;
      };
      const charity = find('公益慈善');
      const incubators = find('孵化园区');
      const housing = find('综合用房');
      await as(office).review.correct({
        id: incubators.id,
        version: incubators.version,
        start: incubators.start,
        end: incubators.end,
        min: 1,
        max: null,
        unit: incubators.unit ?? '个',
        object: incubators.object ?? '社会组织孵化园区',
        per: 'district',
        deadlineYear: 2015,
        section: null,
      });
      const districts = (await as(null).commitments.byId({ id: incubators.id })).targets;
      for (const d of districts) districtNames.push(d.districtName ?? '');
      const record = (commitmentId: number, districtId: number | null, value: number, asOf: string) =>
        as(office).progress.record({ commitmentId, districtId, value, asOf });
      await record(charity.id, null, 20, '2015-11-30');
      await record(charity.id, null, 30, '2016-02-01');
      await record(incubators.id, districts[0]?.districtId ?? null, 1, '2015-10-01');
      await record(incubators.id, districts[1]?.districtId ?? null, 1, '2016-03-01');
      await record(housing.id, null, 10, '2015-06-30');
      const other = await as(office).letters.byId({ id: second.letterId });
      const otherCharity = other.commitments.find((c) => c.object?.includes('公益慈善'));
      if (otherCharity) await record(otherCharity.id, null, 30, '2015-12-01');
      const milestone = other.milestones[0];
      if (milestone)
        await as(office).progress.setMilestone({
          id: milestone.id,
          version: await versionOf(as(office), milestone.id),
          state: 'done',
          doneOn: '2015-09-01',
        });
    });
    afterAll(async () => {
      await database?.close();
    });

    const total = async (input: CommitmentListInput) => (await as(null).commitments.list(input)).total;

    const FILTERS: Record<string, object> = {
      'no filter': {},
      'a district': { district: '思明区' },
      'an agency': { agency: '厦门市民政局' },
      'a session': { session: FIFTH_SESSION },
      'a deputy': { deputy: '苏辉明' },
      'a status': { status: 'overdue' },
      'a deputy at a session, in a district': {
        deputy: '王小明',
        session: FIFTH_SESSION,
        district: '湖里区',
      },
    };

    for (const [name, filter] of Object.entries(FILTERS)) {
      test(`${name}: every number of the overview is the length of the list it opens`, async () => {
        for (const year of [undefined, 2015, 2016]) {
          const f = { ...filter, ...(year ? { year } : {}) };
          const summary = (await as(null).dashboard.summary(f)).commitments;
          const context = JSON.stringify(f);
          expect(await total(f), context).toBe(summary.tracked);
          for (const status of TRACKED_STATUSES) {
            if ('status' in f && f.status !== status) continue;
            expect(await total({ ...f, status }), `${context} ${status}`).toBe(summary.statusCounts[status]);
          }
          expect(await total({ ...f, outcome: 'due' }), `${context} due`).toBe(summary.due);
          expect(await total({ ...f, outcome: 'kept' }), `${context} kept`).toBe(summary.kept);
          expect(await total({ ...f, outcome: 'onTime' }), `${context} on time`).toBe(summary.keptOnTime);
        }
      });
    }

    test('the scenario is not trivial: the filters tell the letters apart and some numbers are not 0', async () => {
      const all = await as(null).dashboard.summary({ year: 2015 });
      const fifth = await as(null).dashboard.summary({ year: 2015, session: FIFTH_SESSION });
      const suhuiming = await as(null).dashboard.summary({ year: 2015, deputy: '苏辉明' });
      expect(fifth.commitments.tracked).toBeGreaterThan(0);
      expect(suhuiming.commitments.tracked).toBeGreaterThan(0);
      expect(fifth.commitments.tracked + suhuiming.commitments.tracked).toBe(all.commitments.tracked);
      expect(all.commitments.kept).toBeGreaterThan(0);
      expect(all.commitments.statusCounts.overdue).toBeGreaterThan(0);
      // replies follow the session and the deputy too
      expect(fifth.replies).toMatchObject({ suggestions: 1, letters: 1 });
      expect(all.replies).toMatchObject({ suggestions: 2, letters: 2 });
      const overdueOnly = await as(null).dashboard.summary({ year: 2015, status: 'overdue' });
      expect(overdueOnly.commitments.tracked).toBe(all.commitments.statusCounts.overdue);
      expect(overdueOnly.commitments.kept).toBe(0);
    });

    test('rows: the commitment and its letter, target, value and status; a district row carries the district’s part', async () => {
      const list = await as(null).commitments.list({
        year: 2015,
        district: districtNames[0],
        outcome: 'kept',
      });
      expect(list.total).toBe(1);
      expect(list.rows[0]).toMatchObject({
        districtName: districtNames[0],
        targetMin: 1,
        value: 1,
        status: 'achieved',
        agency: '厦门市民政局',
        suggestionRef: '市十四届人大四次会议第260号',
      });
      const byId = await as(null).commitments.byId({ id: list.rows[0]?.commitmentId ?? 0 });
      expect(byId.letterId).toBe(list.rows[0]?.letterId);
      const text = await as(null).commitments.list({ q: '孵化' });
      expect(text.total).toBeGreaterThan(0);
      expect(text.rows.every((r) => `${r.object}${r.quote}`.includes('孵化'))).toBe(true);
    });

    test('the overview cards: confirmed commitments and milestones are the lists of each kind', async () => {
      const overview = await as(null).dashboard.overview();
      expect(await total({ kind: 'quantified' })).toBe(overview.commitments);
      expect(await total({ kind: 'milestone' })).toBe(overview.milestones);
      expect(await codeOf(as(null).commitments.list({ kind: 'target' as 'milestone' }))).toBe('BAD_REQUEST');
    });

    test('pages: each row once, in a stable order', async () => {
      const all = await as(null).commitments.list({ pageSize: 200 });
      const pages = [];
      for (let page = 1; page <= Math.ceil(all.total / 7); page++) {
        const result = await as(null).commitments.list({ page, pageSize: 7 });
        expect(result.pageCount).toBe(Math.ceil(all.total / 7));
        pages.push(...result.rows.map((r) => `${r.commitmentId}:${r.districtId}`));
      }
      expect(pages).toEqual(all.rows.map((r) => `${r.commitmentId}:${r.districtId}`));
      expect((await as(null).commitments.list({ page: 999 })).rows).toEqual([]);
    });

    test('the heat map cells, the agency ranking and the trend open lists of their length', async () => {
      const grid = await as(null).dashboard.keptRates({ deputy: '苏辉明' });
      for (const cell of grid.cells.filter((c) => c.year <= 2016)) {
        const district = grid.districts.find((d) => d.id === cell.districtId)?.name;
        const f = { year: cell.year, district, deputy: '苏辉明' };
        expect(await total({ ...f, outcome: 'due' })).toBe(cell.due);
        expect(await total({ ...f, outcome: 'kept' })).toBe(cell.kept);
      }
      const ranking = await as(null).dashboard.agencyRanking({ year: 2015 });
      expect(ranking.rows.map((r) => r.name).sort()).toEqual(['厦门市教育局', '厦门市民政局']);
      // the agency that kept more of its promises ranks first
      expect(ranking.rows[0]?.name).toBe('厦门市教育局');
      for (const row of ranking.rows) {
        const f = { year: 2015, agency: row.name ?? '' };
        expect(await total({ ...f, outcome: 'due' })).toBe(row.due);
        expect(await total({ ...f, outcome: 'kept' })).toBe(row.kept);
        expect(await total({ ...f, status: 'overdue' })).toBe(row.overdue);
      }
      const latest = await as(null).dashboard.agencyRanking();
      expect(latest.year).toBe((await as(null).dashboard.filterChoices()).years[0]);

      const trend = await as(null).dashboard.trend({ agency: '厦门市民政局' });
      expect(trend.points.map((p) => p.year)).toEqual(
        [...(await as(null).dashboard.filterChoices()).years].reverse(),
      );
      for (const point of trend.points.filter((p) => p.year <= 2016)) {
        const summary = await as(null).dashboard.summary({ year: point.year, agency: '厦门市民政局' });
        expect(point).toMatchObject({
          due: summary.commitments.due,
          kept: summary.commitments.kept,
          keptOnTime: summary.commitments.keptOnTime,
        });
        expect(await total({ year: point.year, agency: '厦门市民政局', outcome: 'due' })).toBe(point.due);
      }
    });

    test('the reply figures open the letters behind them: as many letters as the figure counts', async () => {
      const office = await makeUser(database.db, 'office2', 'office');
      const letters = await as(null).letters.list();
      // one letter rated, so the satisfaction figures are not all 0
      await as(office).suggestions.rate({ letterId: letters.items[0]?.id ?? 0, level: 'basically' });
      const combos = [{}, { year: 2015 }, { year: 2015, session: FIFTH_SESSION }, { deputy: '苏辉明' }];
      for (const f of [...combos, { agency: '厦门市教育局' }]) {
        const r = (await as(null).dashboard.summary(f)).replies;
        const count = async (extra: object) => (await as(null).letters.list({ ...f, ...extra })).total;
        const context = JSON.stringify(f);
        expect(await count({}), context).toBe(r.letters);
        expect(await count({ grade: 'A' }), context).toBe(r.grades.A);
        expect(await count({ grade: 'B' }), context).toBe(r.grades.B);
        expect(await count({ grade: 'graded' }), context).toBe(
          r.grades.A + r.grades.B + r.grades.C + r.grades.D,
        );
        expect(await count({ rating: 'rated' }), context).toBe(r.rated);
        expect(await count({ rating: 'favourable' }), context).toBe(r.satisfied + r.basically);
        expect(await count({ rating: 'unsatisfied' }), context).toBe(r.unsatisfied);
      }
      expect((await as(null).letters.list({ rating: 'favourable' })).items.length).toBe(1);
      expect(await codeOf(as(null).letters.list({ grade: 'E' as 'A' }))).toBe('BAD_REQUEST');
      expect(await codeOf(as(null).letters.list({ deputy: '无此人' }))).toBe('NOT_FOUND');
    });

    test('the filter choices offer the sessions (latest first) and the deputies', async () => {
      const choices = await as(null).dashboard.filterChoices();
      expect([...choices.sessions].sort()).toEqual([FOURTH_SESSION, FIFTH_SESSION].sort());
      expect(choices.deputies).toEqual(expect.arrayContaining(['苏辉明', '王小明']));
    });

    test('bad values are BAD_REQUEST, unknown names NOT_FOUND, as on the overview', async () => {
      const bad = (input: unknown) => codeOf(as(null).commitments.list(input as CommitmentListInput));
      expect(await bad({ status: 'done' })).toBe('BAD_REQUEST');
      expect(await bad({ outcome: 'late' })).toBe('BAD_REQUEST');
      expect(await bad({ page: 0 })).toBe('BAD_REQUEST');
      expect(await bad({ pageSize: 1000 })).toBe('BAD_REQUEST');
      expect(await bad({ year: 1800 })).toBe('BAD_REQUEST');
      try {
        await as(null).commitments.list({ status: 'done' } as unknown as CommitmentListInput);
      } catch (error) {
        expect(String((error as Error).message)).toContain('状态只能是');
      }
      expect(await codeOf(as(null).commitments.list({ deputy: '无此人' }))).toBe('NOT_FOUND');
      expect(await codeOf(as(null).commitments.list({ session: '市一届人大一次会议' }))).toBe('NOT_FOUND');
      expect(await codeOf(as(null).commitments.list({ agency: '不存在的局' }))).toBe('NOT_FOUND');
      expect(await codeOf(as(null).dashboard.summary({ deputy: '无此人' }))).toBe('NOT_FOUND');
      expect(await codeOf(as(null).dashboard.trend({ session: '市一届人大一次会议' }))).toBe('NOT_FOUND');
      expect(await codeOf(as(null).dashboard.summary({ status: 'done' as 'overdue' }))).toBe('BAD_REQUEST');
    });
  });
}
