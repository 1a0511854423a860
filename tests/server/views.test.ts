/**
 * The read-only views through createCaller on SQLite and PostgreSQL: one district against its
 * targets and the districts compared, the deputy view, the agency scorecards. The seed letter is
 * ingested, confirmed in review and given progress through the routers, as in the product.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type TestDatabase, testDatabases } from '../support/databases';
import { type Caller, callerFor, type SeededLetter, seedReviewedLetter } from '../support/seeded-letter';
import { versionOf } from '../support/versions';

/** answers per database, compared once both have run */
const seen = new Map<string, unknown>();
function sameOnEveryDatabase(key: string, answer: unknown) {
  const other = seen.get(key);
  if (other === undefined) seen.set(key, answer);
  else expect(answer).toEqual(other);
}

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`views on ${target.name}`, () => {
    let database: TestDatabase;
    let seeded: SeededLetter;
    let reader: Caller;
    let incubators: number;
    let daycare: number;

    beforeAll(async () => {
      database = await target.open();
      seeded = await seedReviewedLetter(database.db, database.dialect);
      reader = callerFor(database.db, database.dialect, null);
      const clerk = callerFor(database.db, database.dialect, seeded.clerk);
      const office = callerFor(database.db, database.dialect, seeded.office);
      incubators = seeded.find('孵化园区');
      daycare = seeded.find('日间照料');
      const districts = await database.db.selectFrom('districts').select(['id', 'name']).execute();
      const idOf = (name: string) => districts.find((d) => d.name === name)?.id ?? 0;
      await clerk.progress.record({
        commitmentId: incubators,
        districtId: idOf('海沧区'),
        value: 1,
        asOf: '2015-10-01',
      });
      await clerk.progress.record({
        commitmentId: incubators,
        districtId: idOf('思明区'),
        value: 0,
        asOf: '2015-10-01',
      });
      await office.progress.withdraw({
        id: daycare,
        version: await versionOf(office, daycare),
        reasonCode: 'land',
        reasonText: '选址用地未落实',
      });
      await office.suggestions.rate({ letterId: seeded.letterId, level: 'basically' });
      // Follow-ups cannot be created with a past due date, so the late ones are written directly.
      const now = new Date().toISOString();
      await database.db
        .insertInto('follow_ups')
        .values([
          {
            commitment_id: incubators,
            request: '请说明进展(按期)',
            due_date: '2016-01-31',
            response: '已办',
            responded_at: '2016-01-31T09:00:00Z',
            created_at: now,
          },
          {
            commitment_id: incubators,
            request: '请说明进展(迟复)',
            due_date: '2016-01-31',
            response: '已办',
            responded_at: '2016-02-05T09:00:00Z',
            created_at: now,
          },
          { commitment_id: incubators, request: '请说明进展(未复)', due_date: '2016-03-31', created_at: now },
        ])
        .execute();
    });
    afterAll(async () => {
      await database?.close();
    });

    test('a district lists its targets with the progress and status there, year by year', async () => {
      const view = await reader.districts.byName({ name: '海沧区' });
      const row = view.commitments.find((c) => c.commitmentId === incubators);
      expect(row).toMatchObject({ min: 1, value: 1, status: 'achieved', agency: '厦门市民政局' });
      const year2015 = view.byYear.find((y) => y.year === 2015);
      expect(year2015?.achieved).toBeGreaterThanOrEqual(1);
      expect(year2015?.targets).toBe(view.commitments.filter((c) => c.status !== 'withdrawn').length);
      const siming = await reader.districts.byName({ name: '思明区' });
      // this promise names no deadline year: nothing done yet is 未启动, never overdue
      expect(siming.commitments.find((c) => c.commitmentId === incubators)).toMatchObject({
        value: 0,
        status: 'not_started',
      });
      expect(await codeOf(reader.districts.byName({ name: '火星区' }))).toBe('NOT_FOUND');
      expect(await codeOf(reader.districts.byName({ name: '' }))).toBe('BAD_REQUEST');
      sameOnEveryDatabase('district', {
        rows: view.commitments.map(({ commitmentId: _id, letterId: _letter, ...rest }) => rest),
        byYear: view.byYear,
      });
    });

    test('the six districts are compared side by side, computed on the server', async () => {
      const rows = await reader.districts.compare();
      expect(rows.map((r) => r.name)).toEqual(['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区']);
      const haicang = rows.find((r) => r.name === '海沧区');
      const siming = rows.find((r) => r.name === '思明区');
      expect(haicang?.achieved).toBe(1);
      expect(siming?.achieved).toBe(0);
      for (const r of rows) {
        expect(r.achieved + r.onTrack + r.notStarted + r.behind + r.overdue).toBe(r.targets);
      }
      sameOnEveryDatabase('compare', rows);
    });

    test('the deputy view shows each suggestion, its reply, the rating and every promise’s status', async () => {
      const view = await reader.deputies.byName({ name: '苏辉明' });
      expect(view.suggestions).toHaveLength(1);
      const [reply] = view.suggestions[0]?.replies ?? [];
      expect(reply).toMatchObject({ id: seeded.letterId, agency: '厦门市民政局', satisfaction: 'basically' });
      const statuses = new Map(reply?.promises.map((p) => [p.id, p.status]));
      expect(statuses.get(daycare)).toBe('withdrawn');
      expect(statuses.get(incubators)).toBe('on_track');
      expect([...statuses.values()]).not.toContain('unverified');
      expect((await reader.deputies.list()).find((d) => d.name === '苏辉明')?.suggestions).toBe(1);
      expect(await codeOf(reader.deputies.byName({ name: '无名氏' }))).toBe('NOT_FOUND');
      sameOnEveryDatabase('deputy', { counts: view.counts, statuses: [...statuses.values()] });
    });

    test('agency scorecards: status counts, kept rate, overdue items, late follow-ups, reasons', async () => {
      const list = await reader.agencies.list();
      const civil = list.find((a) => a.name === '厦门市民政局');
      expect(civil?.letters).toBe(1);
      expect(civil?.counts.withdrawn).toBe(1);
      expect(civil?.lateFollowUps).toBe(2);
      const counted =
        (civil?.counts.achieved ?? 0) +
        (civil?.counts.overdue ?? 0) +
        (civil?.counts.behind ?? 0) +
        (civil?.counts.on_track ?? 0) +
        (civil?.counts.not_started ?? 0);
      expect(civil?.keptRate).toBeCloseTo((civil?.counts.achieved ?? 0) / counted);

      const card = await reader.agencies.byName({ name: '厦门市民政局' });
      expect(card.overdue.length).toBe(card.counts.overdue);
      expect(card.overdue.every((c) => c.status === 'overdue')).toBe(true);
      expect(card.lateFollowUps.map((f) => f.request)).toEqual(['请说明进展(迟复)', '请说明进展(未复)']);
      expect(card.reasons.find((r) => r.code === 'land')?.count).toBe(1);
      expect(await codeOf(reader.agencies.byName({ name: '不存在的局' }))).toBe('NOT_FOUND');
      sameOnEveryDatabase('agencies', list);
    });
  });
}
