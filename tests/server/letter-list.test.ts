/**
 * letters.list pages on the server, through createCaller on SQLite and PostgreSQL: the total is
 * the database's count of every match, pages are disjoint and newest first, and the filters (year,
 * agency, session, deputy, grade, latest rating) narrow both the page and the total.
 *
 * Scenario: three copies of the seed letter answering three suggestions of two sessions, from two
 * agencies; the oldest is rated 不满意 and then 满意 (the latest rating stands).
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { createContextInner } from '../../server/context';
import { createCaller } from '../../server/routers/_app';
import { seedGazetteer } from '../../server/services/seed';
import type { SessionUser } from '../../shared/auth';
import type { LetterListInput } from '../../shared/schemas/letters';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { makeUser } from '../support/users';

async function codeOf(promise: Promise<unknown>): Promise<string> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof TRPCError) return error.code;
    throw error;
  }
  return 'OK';
}

/** The seed letter answering another suggestion (and so another text), maybe from another agency. */
function copyOf(ref: string, docNumber: string, agency = '厦门市民政局'): string {
  return seedLetterText()
    .replaceAll('市十四届人大四次会议第260号', ref)
    .replaceAll('厦门市民政局', agency)
    .replace('厦民函〔2015〕8号', docNumber);
}

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`letters list on ${target.name}`, () => {
    let database: TestDatabase;
    let as: (user: SessionUser | null) => ReturnType<typeof createCaller>;
    const ids: number[] = [];
    let rating: Awaited<ReturnType<ReturnType<typeof createCaller>['suggestions']['rate']>>;

    beforeAll(async () => {
      database = await target.open();
      const { db } = database;
      await seedGazetteer(db);
      as = (user) =>
        createCaller(
          createContextInner({ db, dialect: database.dialect, showDemo: true, publicRead: true, user }),
        );
      const office = await makeUser(db, 'office', 'office');
      for (const text of [
        seedLetterText(),
        copyOf('市十四届人大四次会议第261号', '厦民函〔2015〕9号'),
        copyOf('市十四届人大五次会议第12号', '厦教函〔2015〕3号', '厦门市教育局'),
      ])
        ids.push((await as(office).letters.ingest({ text })).letterId);
      const first = ids[0] ?? 0;
      await as(office).suggestions.rate({ letterId: first, level: 'unsatisfied' });
      rating = await as(office).suggestions.rate({ letterId: first, level: 'satisfied' });
    });

    afterAll(async () => {
      await database?.close();
    });

    test('pages are disjoint, newest first, and carry the count of every letter', async () => {
      const pages = await Promise.all([1, 2, 3].map((page) => as(null).letters.list({ page, pageSize: 2 })));
      expect(pages.map((p) => p.items.map((l) => l.id))).toEqual([[ids[2], ids[1]], [ids[0]], []]);
      for (const p of pages) expect(p).toMatchObject({ total: 3, pageSize: 2, pageCount: 2 });
      const all = await as(null).letters.list();
      expect(all).toMatchObject({ total: 3, page: 1, pageSize: 50, pageCount: 1 });
      expect(all.items.map((l) => l.id)).toEqual([...ids].reverse());
      expect(all.items[0]).toMatchObject({
        agency: '厦门市教育局',
        suggestionRef: '市十四届人大五次会议第12号',
      });
    });

    test('the filters narrow the total and the page alike', async () => {
      const idsOf = async (input: LetterListInput) => {
        const result = await as(null).letters.list({ ...input, pageSize: 1 });
        const rest = await as(null).letters.list({ ...input, page: 2, pageSize: 200 });
        expect(rest.items).toEqual([]);
        const whole = await as(null).letters.list({ ...input, pageSize: 200 });
        expect(whole.total).toBe(result.total);
        expect(result.items).toEqual(whole.items.slice(0, 1));
        return whole.items.map((l) => l.id);
      };
      expect(await idsOf({ session: '市十四届人大四次会议' })).toEqual([ids[1], ids[0]]);
      expect(await idsOf({ session: '市十四届人大五次会议' })).toEqual([ids[2]]);
      expect(await idsOf({ agency: '厦门市教育局' })).toEqual([ids[2]]);
      expect(await idsOf({ deputy: '苏辉明', agency: '厦门市民政局' })).toEqual([ids[1], ids[0]]);
      expect(await idsOf({ year: 2015, session: '市十四届人大五次会议' })).toEqual([ids[2]]);
      expect(await idsOf({ year: 2016 })).toEqual([]);
      // the latest rating stands: 满意 after 不满意
      expect(await idsOf({ rating: 'satisfied' })).toEqual([ids[0]]);
      expect(await idsOf({ rating: 'favourable' })).toEqual([ids[0]]);
      expect(await idsOf({ rating: 'rated' })).toEqual([ids[0]]);
      expect(await idsOf({ rating: 'unsatisfied' })).toEqual([]);
    });

    test('a rating comes back in camelCase, not in the table columns', () => {
      expect(rating).toMatchObject({ letterId: ids[0], level: 'satisfied', comment: null });
      expect(Object.keys(rating).filter((key) => key.includes('_'))).toEqual([]);
    });

    test('a page out of bounds is BAD_REQUEST; unknown names NOT_FOUND', async () => {
      expect(await codeOf(as(null).letters.list({ page: 0 }))).toBe('BAD_REQUEST');
      expect(await codeOf(as(null).letters.list({ pageSize: 201 }))).toBe('BAD_REQUEST');
      expect(await codeOf(as(null).letters.list({ session: '市一届人大一次会议' }))).toBe('NOT_FOUND');
      expect(await codeOf(as(null).letters.list({ agency: '不存在的局' }))).toBe('NOT_FOUND');
    });
  });
}
