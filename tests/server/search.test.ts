/**
 * Search finds Chinese substrings on SQLite (FTS5 trigram, LIKE below three characters) and on
 * PostgreSQL (pg_trgm / ILIKE), and both databases give the same answers.
 */
import { TRPCError } from '@trpc/server';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { type TestDatabase, testDatabases } from '../support/databases';
import { type Caller, callerFor, seedReviewedLetter } from '../support/seeded-letter';

const TERMS = ['幸福', '幸福院', '农村幸福院', '日间照料', '老', '智慧社区', '100%', '不存在的词'];
/** results per database, compared once both have run */
const seen = new Map<string, unknown>();

const marked = (excerpt: { pieces: { text: string; match: boolean }[] } | null) =>
  excerpt?.pieces.filter((p) => p.match).map((p) => p.text) ?? [];

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`search on ${target.name}`, () => {
    let database: TestDatabase;
    let reader: Caller;

    beforeAll(async () => {
      database = await target.open();
      await seedReviewedLetter(database.db, database.dialect);
      reader = callerFor(database.db, database.dialect, null);
    });
    afterAll(async () => {
      await database?.close();
    });

    test('a three-character term finds the letter and the commitment, marked in the excerpt', async () => {
      const result = await reader.search.query({ q: '幸福院' });
      expect(result.letters.items).toHaveLength(1);
      expect(marked(result.letters.items[0]?.textExcerpt ?? null)).toContain('幸福院');
      const homes = result.commitments.items.find((c) => c.object?.includes('农村幸福院'));
      expect(homes).toBeDefined();
      expect(homes?.status).not.toBe('unverified');
      expect(marked(homes?.quoteExcerpt ?? null)).toEqual(['幸福院']);
    });

    test('a two-character term (below a trigram) still finds substrings', async () => {
      const result = await reader.search.query({ q: '幸福' });
      expect(result.letters.items).toHaveLength(1);
      expect(result.commitments.items.some((c) => c.object?.includes('农村幸福院'))).toBe(true);
      const one = await reader.search.query({ q: '老' });
      expect(one.commitments.items.length).toBeGreaterThan(0);
      expect(marked(one.letters.items[0]?.textExcerpt ?? null)[0]).toBe('老');
    });

    test('LIKE wildcards and quotes are literal, absent words find nothing', async () => {
      for (const q of ['%', '_', '"', '100%', '不存在的词']) {
        const result = await reader.search.query({ q });
        expect(result.letters.items.filter((l) => !l.textExcerpt && !l.titleExcerpt)).toEqual([]);
      }
      expect((await reader.search.query({ q: '不存在的词' })).letters.items).toEqual([]);
    });

    test('edited text is found at once (the SQLite index follows by triggers)', async () => {
      const { id } = await database.db.selectFrom('letters').select('id').executeTakeFirstOrThrow();
      await database.db
        .updateTable('letters')
        .set({ title: '关于鼓浪屿琴岛的答复' })
        .where('id', '=', id)
        .execute();
      expect((await reader.search.query({ q: '鼓浪屿琴' })).letters.items.map((l) => l.id)).toEqual([id]);
      expect((await reader.search.query({ q: '琴岛' })).letters.items.map((l) => l.id)).toEqual([id]);
    });

    test('empty and over-long terms are refused in Chinese', async () => {
      for (const q of ['', '   ', '字'.repeat(101)]) {
        const error = await reader.search.query({ q }).catch((e: unknown) => e);
        expect(error).toBeInstanceOf(TRPCError);
        expect((error as TRPCError).code).toBe('BAD_REQUEST');
        expect((error as TRPCError).message).toMatch(/检索/);
      }
    });

    test('collects the answers for the cross-database comparison', async () => {
      for (const q of TERMS) {
        const result = await reader.search.query({ q });
        const answer = {
          letters: result.letters.items.map((l) => [l.titleExcerpt, l.textExcerpt]),
          commitments: result.commitments.items.map((c) => [c.object, c.status, c.quoteExcerpt]),
        };
        const key = `${q}`;
        const other = seen.get(key);
        if (other === undefined) seen.set(key, answer);
        else expect(answer).toEqual(other);
      }
    });
  });
}
