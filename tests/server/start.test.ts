/**
 * The start page of each role (start.mine) through createCaller on SQLite and PostgreSQL, over the
 * seed letter reviewed and given progress, follow-ups and ratings through the routers.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import type { SessionUser } from '../../shared/auth';
import { type TestDatabase, testDatabases } from '../support/databases';
import { type Caller, callerFor, type SeededLetter, seedReviewedLetter } from '../support/seeded-letter';
import { makeUser } from '../support/users';

const today = () => new Date().toISOString().slice(0, 10);
const inDays = (days: number) => new Date(Date.now() + days * 86_400_000).toISOString().slice(0, 10);

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`start pages on ${target.name}`, () => {
    let database: TestDatabase;
    let seeded: SeededLetter;
    let office: Caller;
    let clerk: Caller;
    let deputyUser: SessionUser;
    let idOf: (name: string) => number;
    let incubators: number;
    let homes: number;
    let daycare: number;

    beforeAll(async () => {
      database = await target.open();
      seeded = await seedReviewedLetter(database.db, database.dialect);
      office = callerFor(database.db, database.dialect, seeded.office);
      clerk = callerFor(database.db, database.dialect, seeded.clerk);
      const districts = await database.db.selectFrom('districts').select(['id', 'name']).execute();
      idOf = (name: string) => districts.find((d) => d.name === name)?.id ?? 0;
      incubators = seeded.find('孵化园区');
      homes = seeded.find('农村幸福院');
      daycare = seeded.find('日间照料');
      const deputy = await database.db
        .selectFrom('deputies')
        .select('id')
        .where('name', '=', '苏辉明')
        .executeTakeFirstOrThrow();
      deputyUser = await makeUser(database.db, 'suhm', 'deputy', { deputyId: deputy.id });
    });
    afterAll(() => database?.close());

    test('only signed-in users have a start page; anonymous readers keep the overview', async () => {
      const anonymous = callerFor(database.db, database.dialect, null);
      await expect(anonymous.start.mine()).rejects.toSatisfy(
        (e) => e instanceof TRPCError && e.code === 'UNAUTHORIZED',
      );
    });

    test('the office: agencies without a report this month, until the clerk reports', async () => {
      const before = await office.start.mine();
      if (before.role !== 'office') throw new Error(`office page expected, got ${before.role}`);
      expect(before.silentAgencies.map((a) => a.name)).toEqual(['厦门市民政局']);
      expect(before.silentAgencies[0]?.lastAsOf).toBeNull();

      await clerk.progress.record({ commitmentId: homes, districtId: null, value: 12, asOf: today() });
      const after = await office.start.mine();
      if (after.role !== 'office') throw new Error('office page expected');
      expect(after.silentAgencies).toEqual([]);
    });

    test('the clerk: due this month, open 督办 overdue first, behind or overdue, corrections by the office', async () => {
      const haicang = await clerk.progress.record({
        commitmentId: incubators,
        districtId: idOf('海沧区'),
        value: 1,
        asOf: '2015-10-01',
        evidenceText: '海沧区孵化园区挂牌',
      });
      await office.progress.correct({
        supersedesId: haicang.id,
        value: 0,
        asOf: '2015-10-01',
        reason: '园区尚未挂牌,按实际更正',
      });
      const own = await clerk.progress.record({
        commitmentId: daycare,
        districtId: null,
        value: 2,
        asOf: '2015-10-01',
      });
      // A clerk's own correction is not something the office returned.
      await clerk.progress.correct({
        supersedesId: own.id,
        value: 3,
        asOf: '2015-10-01',
        reason: '漏报一处',
      });

      const soon = await office.followUps.create({
        commitmentId: daycare,
        request: '请报送选址进展',
        dueDate: inDays(3),
      });
      const later = await office.followUps.create({
        commitmentId: homes,
        request: '请报送建设清单',
        dueDate: inDays(20),
      });
      const answered = await office.followUps.create({ commitmentId: homes, request: '已答复的督办' });
      await clerk.followUps.answer({ id: answered.id, response: '已报送' });
      // Follow-ups cannot be created with a past due date, so the late one is written directly.
      const late = await database.db
        .insertInto('follow_ups')
        .values({
          commitment_id: incubators,
          request: '请说明逾期原因',
          due_date: '2016-01-31',
          requested_by: seeded.office.id,
          created_at: new Date().toISOString(),
        })
        .returning('id')
        .executeTakeFirstOrThrow();

      const page = await clerk.start.mine();
      if (page.role !== 'agency') throw new Error(`agency page expected, got ${page.role}`);
      expect(page.followUps.map((f) => [f.id, f.overdue])).toEqual([
        [late.id, true],
        [soon.id, false],
        [later.id, false],
      ]);
      // 农村幸福院 was reported today; the other open ones were not reported this month.
      const due = page.dueThisMonth.map((c) => c.id);
      expect(due).toContain(daycare);
      expect(due).toContain(incubators);
      expect(due).not.toContain(homes);
      expect(page.dueThisMonth.every((c) => ['not_started', 'on_track', 'behind'].includes(c.status))).toBe(
        true,
      );
      expect(page.dueThisMonth.find((c) => c.id === daycare)?.lastReportedOn).toBe('2015-10-01');
      // Deadlines 2015 and 2018 are past: overdue, listed before anything merely behind.
      expect(page.atRisk.length).toBeGreaterThan(0);
      expect(page.atRisk.every((c) => c.status === 'overdue' || c.status === 'behind')).toBe(true);
      expect(page.atRisk.map((c) => c.id)).toContain(seeded.find('城市社区综合用房'));
      expect(page.corrections).toEqual([
        expect.objectContaining({
          commitmentId: incubators,
          districtName: '海沧区',
          reportedValue: 1,
          correctedValue: 0,
          reason: '园区尚未挂牌,按实际更正',
        }),
      ]);

      const officeView = await office.start.mine();
      if (officeView.role !== 'office') throw new Error('office page expected');
      // within a week or overdue; the one due in 20 days and the answered one are not listed
      expect(officeView.followUps.map((f) => [f.id, f.agency, f.overdue])).toEqual([
        [late.id, '厦门市民政局', true],
        [soon.id, '厦门市民政局', false],
      ]);

      const otherAgency = await database.db
        .insertInto('agencies')
        .values({ name: '厦门市教育局', created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const stranger = await makeUser(database.db, 'jyj', 'agency', { agencyId: otherAgency.id });
      const strangers = await callerFor(database.db, database.dialect, stranger).start.mine();
      expect(strangers).toEqual({
        role: 'agency',
        dueThisMonth: [],
        followUps: [],
        atRisk: [],
        corrections: [],
      });
    });

    test('the office: the review queue least certain first, items without a score last', async () => {
      const unscored = seeded.find('城市社区综合用房');
      const reopened = [
        seeded.find('镇(街)'),
        seeded.find('典范社区'),
        seeded.find('农村社区综合服务站'),
        unscored,
      ];
      await database.db
        .updateTable('commitments')
        .set({ review_status: 'unverified' })
        .where('id', 'in', reopened)
        .execute();
      await database.db
        .updateTable('commitments')
        .set({ confidence: null })
        .where('id', '=', unscored)
        .execute();
      const page = await office.start.mine();
      if (page.role !== 'office') throw new Error('office page expected');
      expect(page.review.total).toBe(4);
      const scores = page.review.items.map((i) => i.confidence);
      expect(scores.at(-1)).toBeNull();
      expect(page.review.items.at(-1)?.id).toBe(unscored);
      const scored = scores.slice(0, -1) as number[];
      expect(scored).toEqual([...scored].sort((a, b) => a - b));
      expect(scored[0]).toBeLessThan(scored.at(-1) ?? 0);
      await database.db
        .updateTable('commitments')
        .set({ review_status: 'confirmed' })
        .where('id', 'in', reopened)
        .execute();
    });

    test('the office: letters whose standing rating is 不满意', async () => {
      await office.suggestions.rate({ letterId: seeded.letterId, level: 'unsatisfied' });
      await office.suggestions.rate({ letterId: seeded.letterId, level: 'basically' });
      const settled = await office.start.mine();
      if (settled.role !== 'office') throw new Error('office page expected');
      expect(settled.unsatisfied).toEqual([]);
      await office.suggestions.rate({ letterId: seeded.letterId, level: 'unsatisfied', comment: '进度太慢' });
      const page = await office.start.mine();
      if (page.role !== 'office') throw new Error('office page expected');
      expect(page.unsatisfied).toEqual([
        expect.objectContaining({ letterId: seeded.letterId, agency: '厦门市民政局', comment: '进度太慢' }),
      ]);
    });

    test('letterActions: what a page may offer on a letter, by the same ownership checks as the writes', async () => {
      const actions = (user: SessionUser | null) =>
        callerFor(database.db, database.dialect, user).start.letterActions({ id: seeded.letterId });
      const agency = await database.db
        .insertInto('agencies')
        .values({ name: '厦门市卫健委', created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      const otherDeputy = await database.db
        .insertInto('deputies')
        .values({ name: '另一位代表', created_at: new Date().toISOString() })
        .returning('id')
        .executeTakeFirstOrThrow();
      expect(await actions(null)).toEqual({ mayReport: false, mayRate: false });
      expect(await actions(seeded.office)).toEqual({ mayReport: true, mayRate: true });
      expect(await actions(seeded.clerk)).toEqual({ mayReport: true, mayRate: false });
      expect(await actions(await makeUser(database.db, 'wjw', 'agency', { agencyId: agency.id }))).toEqual({
        mayReport: false,
        mayRate: false,
      });
      expect(await actions(deputyUser)).toEqual({ mayReport: false, mayRate: true });
      expect(
        await actions(await makeUser(database.db, 'other', 'deputy', { deputyId: otherDeputy.id })),
      ).toEqual({
        mayReport: false,
        mayRate: false,
      });
    });

    test('the deputy: replies with grade and rating, achieved / target per district, evidence, timeline', async () => {
      await clerk.progress.record({
        commitmentId: incubators,
        districtId: idOf('思明区'),
        value: 1,
        asOf: '2015-11-01',
        evidenceText: '思明区园区已运营',
      });
      const page = await callerFor(database.db, database.dialect, deputyUser).start.mine();
      if (page.role !== 'deputy') throw new Error(`deputy page expected, got ${page.role}`);
      expect(page.deputy).toBe('苏辉明');
      const reply = page.suggestions.flatMap((s) => s.replies).find((r) => r.id === seeded.letterId);
      expect(reply?.satisfaction).toBe('unsatisfied');
      const promise = reply?.promises.find((p) => p.id === incubators);
      const byDistrict = new Map(promise?.districts.map((d) => [d.districtName, d]));
      expect(byDistrict.get('思明区')).toEqual({ districtName: '思明区', target: 1, achieved: 1 });
      // the clerk's 1 was corrected to 0 by the office: the standing value counts
      expect(byDistrict.get('海沧区')).toEqual({ districtName: '海沧区', target: 1, achieved: 0 });
      expect(byDistrict.get('湖里区')?.achieved).toBeNull();
      const timeline = promise?.timeline ?? [];
      expect(timeline.map((e) => [e.districtName, e.value, e.superseded])).toEqual([
        ['海沧区', 1, true],
        ['海沧区', 0, false],
        ['思明区', 1, false],
      ]);
      expect(timeline.find((e) => e.districtName === '思明区')?.evidenceText).toBe('思明区园区已运营');

      const unlinked = await makeUser(database.db, 'nodeputy', 'deputy');
      expect(await callerFor(database.db, database.dialect, unlinked).start.mine()).toEqual({
        role: 'deputy',
        deputy: null,
        suggestions: [],
      });
    });
  });
}
