/**
 * A total with parts naming districts (issue 10, "breakdowns keep their total") is stored as one
 * commitment whose parts are that district's targets and whose rest stays city-wide, on SQLite and
 * PostgreSQL. The extractor keeps the parts as commitments; ingest folds them.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { ingestLetter } from '../../server/services/ingest-letter';
import { seedGazetteer } from '../../server/services/seed';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';

const HEADING = '  二、夯实社区基础';

/** The seed letter with one more promise in its first part: a breakdown over two districts. */
function letterWith(sentence: string): string {
  const text = seedLetterText();
  expect(text).toContain(HEADING);
  return text.replace(HEADING, `  ${sentence}\n\n${HEADING}`);
}

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`breakdowns on ingest on ${target.name}`, () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await target.open();
      await seedGazetteer(database.db);
    });
    afterAll(async () => {
      await database?.close();
    });

    async function stored(text: string, object: string) {
      const outcome = await ingestLetter(database.db, { text, sourceName: 'test.txt', actor: 'test' });
      const items = await database.db
        .selectFrom('commitments')
        .select(['id', 'target_min', 'target_max'])
        .where('letter_id', '=', outcome.letterId)
        .where('object', 'like', `%${object}%`)
        .orderBy('id')
        .execute();
      const targets = await database.db
        .selectFrom('commitment_targets')
        .leftJoin('districts', 'districts.id', 'commitment_targets.district_id')
        .select(['districts.name', 'commitment_targets.target_min', 'commitment_targets.allocation'])
        .where(
          'commitment_targets.commitment_id',
          'in',
          items.map((i) => i.id),
        )
        .orderBy('commitment_targets.target_min', 'desc')
        .execute();
      return { outcome, items, targets };
    }

    test('120个，其中思明区40个、湖里区35个: one commitment, two district targets, 45 city-wide', async () => {
      const { outcome, items, targets } = await stored(
        letterWith('今年计划新建社区服务站120个,其中思明区40个、湖里区35个。'),
        '社区服务站',
      );
      expect(items).toEqual([{ id: expect.any(Number), target_min: 120, target_max: 120 }]);
      expect(targets).toEqual([
        { name: null, target_min: 45, allocation: 'city' },
        { name: '思明区', target_min: 40, allocation: 'split' },
        { name: '湖里区', target_min: 35, allocation: 'split' },
      ]);
      const plain = await ingestLetter(database.db, {
        text: seedLetterText(),
        sourceName: 'plain.txt',
        actor: 'test',
      });
      // the two parts are not counted as commitments of their own
      expect(outcome.commitmentCount).toBe(plain.commitmentCount + 1);
    });

    test('parts naming no district of the city stay commitments for the reviewer', async () => {
      const { items } = await stored(
        letterWith('今年计划新建社区书屋30个,其中城关镇12个、东湖镇8个。'),
        '社区书屋',
      );
      expect(items.map((i) => i.target_min)).toEqual([30, 12, 8]);
    });
  });
}
