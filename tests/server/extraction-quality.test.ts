/**
 * The office's review decisions kept as ground truth (issue 15, item 5): each confirm, correct,
 * reject and addition leaves a verdict against what the extractor said; review.quality counts
 * them per month and agency with the extractor's real precision and recall; the gold export of
 * the fully reviewed letters, scored by the project's scorer, prints the same precision and recall.
 */
import { spawnSync } from 'node:child_process';
import { mkdirSync, mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { goldCorpus } from '../../server/services/gold-export';
import { seedGazetteer } from '../../server/services/seed';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { refusal } from '../support/refusal';
import { type Caller, callerFor } from '../support/seeded-letter';
import { makeUser } from '../support/users';

const root = resolve(__dirname, '../..');

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`extraction quality on ${target.name}`, () => {
    let database: TestDatabase;
    let office: Caller;
    let clerk: Caller;

    beforeAll(async () => {
      database = await target.open();
      await seedGazetteer(database.db);
      const officeUser = await makeUser(database.db, 'office', 'office');
      office = callerFor(database.db, database.dialect, officeUser);
      clerk = callerFor(database.db, database.dialect, await makeUser(database.db, 'clerk', 'agency'));
      const { letterId } = await office.letters.ingest({ text: seedLetterText() });
      const letter = await office.letters.byId({ id: letterId });
      const [kept, unitFixed, valueFixed, rejected, ...rest] = letter.commitments;
      if (!kept || !unitFixed || !valueFixed || !rejected) throw new Error('the seed letter has four items');
      const correct = (item: typeof kept, change: { unit?: string; min?: number }) =>
        office.review.correct({
          id: item.id,
          version: item.version,
          start: item.start,
          end: item.end,
          min: change.min ?? item.min ?? 0,
          max: change.min !== undefined ? change.min : (item.max ?? null),
          unit: change.unit ?? item.unit ?? '个',
          object: item.object ?? '事项',
          per: (item.per ?? null) as never,
          deadlineYear: item.deadlineYear ?? null,
        });
      await office.review.confirm({ id: kept.id, version: kept.version });
      await correct(unitFixed, { unit: '处' });
      await correct(valueFixed, { min: (valueFixed.min ?? 0) + 7 });
      await office.review.reject({ id: rejected.id, version: rejected.version, reason: '不是新的承诺' });
      for (const item of [...rest, ...letter.milestones])
        await office.review.confirm({ id: item.id, version: item.version });
      const quote = '全市';
      const start = letter.text.indexOf(quote);
      await office.review.addCommitment({
        letterId,
        start,
        end: start + quote.length,
        min: 12,
        max: 12,
        unit: '个',
        object: '补录的事项',
        per: null,
        deadlineYear: 2015,
      });
    });
    afterAll(async () => {
      await database?.close();
    });

    test('each decision is counted against what the extractor said', async () => {
      const quality = await office.review.quality();
      const { total, fullyReviewed } = quality;
      expect(total.corrected).toBe(2);
      expect(total.rejected).toBe(1);
      expect(total.added).toBe(1);
      expect(total.fields).toMatchObject({ unit: 1, target: 1, span: 0 });
      // the unit fix still matches in the scorer's sense, the value fix and the rejection do not
      expect(total.extractedQuantified - total.matchedQuantified).toBe(2);
      expect(total.goldQuantified).toBe(total.extractedQuantified - 1 + 1);
      expect(fullyReviewed.letters).toBe(1);
      expect(fullyReviewed.precision).toBeCloseTo(total.matchedQuantified / total.extractedQuantified, 6);
      expect(quality.months).toHaveLength(1);
      expect(quality.agencies[0]?.agency).toBe('厦门市民政局');
    });

    test('a later correction back to the extracted values makes it confirmed as extracted', async () => {
      const before = await office.review.quality();
      const letterId = (await goldCorpus(database.db))[0]?.name;
      expect(letterId).toBeDefined();
      const row = await database.db
        .selectFrom('review_outcomes')
        .select(['commitment_id', 'extracted_json'])
        .where('changed_fields', '=', 'unit')
        .executeTakeFirstOrThrow();
      const item = await office.commitments.byId({ id: row.commitment_id });
      const extracted = JSON.parse(row.extracted_json ?? '{}') as { unit: string };
      await office.review.correct({
        id: item.id,
        version: item.version,
        start: item.start,
        end: item.end,
        min: item.min ?? 0,
        max: item.max ?? null,
        unit: extracted.unit,
        object: item.object ?? '事项',
        per: (item.per ?? null) as never,
        deadlineYear: item.deadlineYear ?? null,
      });
      const after = await office.review.quality();
      expect(after.total.corrected).toBe(before.total.corrected - 1);
      expect(after.total.confirmed).toBe(before.total.confirmed + 1);
    });

    test('only the office reads it', async () => {
      expect((await refusal(clerk.review.quality())).code).toBe('FORBIDDEN');
      expect((await refusal(office.review.quality({ year: 1800 }))).code).toBe('BAD_REQUEST');
    });

    test.runIf(target.name === 'sqlite')(
      'the exported gold, scored by the project scorer, gives the page’s precision and recall',
      async () => {
        const quality = await office.review.quality();
        const dir = mkdtempSync(join(tmpdir(), 'gold-export-'));
        try {
          mkdirSync(join(dir, 'letters'));
          mkdirSync(join(dir, 'gold'));
          for (const file of await goldCorpus(database.db)) {
            writeFileSync(join(dir, 'letters', `${file.name}.txt`), file.letter);
            writeFileSync(join(dir, 'gold', `${file.name}.json`), JSON.stringify(file.gold));
          }
          const run = spawnSync('npx', ['tsx', 'server/extract/eval.ts', '--corpus', dir, '--json'], {
            cwd: root,
            encoding: 'utf8',
          });
          const out = run.stdout;
          const score = JSON.parse(out.slice(out.indexOf('{'), out.lastIndexOf('}') + 1)) as {
            P: number;
            R: number;
          };
          expect(score.P).toBeCloseTo(quality.fullyReviewed.precision ?? -1, 3);
          expect(score.R).toBeCloseTo(quality.fullyReviewed.recall ?? -1, 3);
        } finally {
          rmSync(dir, { recursive: true, force: true });
        }
      },
      120_000,
    );
  });
}
