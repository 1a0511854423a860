/**
 * Xiamen's gazetteer in dated versions with sources (issue 16): the file replayed, the per-street
 * target of a letter taken from the version in force on the letter's date, on SQLite and PostgreSQL.
 */
import { readFileSync } from 'node:fs';
import { type Kysely, Migrator, sql } from 'kysely';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { migrations } from '../../db/migrations/index';
import type { Database } from '../../db/schema';
import {
  expandVersions,
  type UnitSpan,
  type VersionChange,
  validOn,
  versionsOf,
} from '../../server/domain/gazetteer-versions';
import { districtsOnDate, gazetteerVersions, listGazetteer } from '../../server/repositories/gazetteer';
import { ingestLetter } from '../../server/services/ingest-letter';
import { seedGazetteer, UNVERSIONED_SEED_SOURCE } from '../../server/services/seed';
import { type TestDatabase, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';

const file = JSON.parse(
  readFileSync(new URL('../../db/seed/gazetteer-xiamen.json', import.meta.url), 'utf8'),
) as { districts: { name: string }[]; versions: VersionChange[] };
const DISTRICTS = file.districts.map((d) => d.name);

/** Per district "streets+towns" in force on a day, from the replayed file. */
function countsOn(spans: readonly UnitSpan[], day: string): Record<string, string> {
  const inForce = spans.filter((s) => validOn(s, day));
  return Object.fromEntries(
    DISTRICTS.map((d) => {
      const of = (kind: string) => inForce.filter((s) => s.district === d && s.kind === kind).length;
      return [d, `${of('street')}+${of('town')}`];
    }),
  );
}

describe('the Xiamen gazetteer file', () => {
  const spans = expandVersions(file.versions);

  test('on the seed letter’s date: 26 streets and 12 towns, 海沧 with 4 streets and no town', () => {
    expect(countsOn(spans, '2015-03-19')).toEqual({
      思明区: '10+0',
      湖里区: '5+0',
      集美区: '4+2',
      海沧区: '4+0',
      同安区: '2+6',
      翔安区: '1+4',
    });
    const haicang = spans.filter((s) => s.district === '海沧区' && validOn(s, '2015-03-19'));
    expect(haicang.map((s) => s.name).sort()).toEqual(
      ['东孚街道', '嵩屿街道', '新阳街道', '海沧街道'].sort(),
    );
  });

  test('东孚 is a town up to 2015-01-21 and a street from 2015-01-22', () => {
    expect(countsOn(spans, '2015-01-21').海沧区).toBe('3+1');
    expect(countsOn(spans, '2015-01-22').海沧区).toBe('4+0');
  });

  test('翔安 in 2021 and 同安 in 2022; 2023 has 37 streets and 8 towns', () => {
    expect(countsOn(spans, '2021-01-06').翔安区).toBe('3+2');
    expect(countsOn(spans, '2021-10-31').翔安区).toBe('7+2');
    expect(countsOn(spans, '2022-02-16').同安区).toBe('4+4');
    expect(countsOn(spans, '2023-06-30')).toEqual({
      思明区: '10+0',
      湖里区: '5+0',
      集美区: '4+2',
      海沧区: '4+0',
      同安区: '7+4',
      翔安区: '7+2',
    });
  });

  test('every version has a source; those dated by a code list say so', () => {
    for (const change of file.versions) {
      expect(change.source.length).toBeGreaterThan(10);
      if (change.dated === 'code-list') expect(change.source).toContain('仅知代码表日期');
    }
    expect(file.versions.map((v) => v.from)).toEqual([
      '2014-12-31',
      '2015-01-22',
      '2021-01-06',
      '2021-10-31',
      '2022-02-16',
      '2022-10-31',
    ]);
  });

  test('read back as versions: each day of change with its source and the counts from then on', () => {
    const versions = versionsOf(DISTRICTS, spans);
    expect(versions.map((v) => v.date)).toEqual(file.versions.map((v) => v.from));
    const dongfu = versions[1];
    expect(dongfu?.sources).toEqual([expect.stringContaining('闽政文〔2015〕19号')]);
    expect(dongfu?.added).toEqual([{ district: '海沧区', name: '东孚街道', kind: 'street' }]);
    expect(dongfu?.removed).toEqual([{ district: '海沧区', name: '东孚镇', kind: 'town' }]);
    const total = (i: number) =>
      versions[i]?.counts.reduce((sum, c) => sum + c.streets + c.towns, 0) ?? Number.NaN;
    expect([0, 1, 2, 3, 4, 5].map(total)).toEqual([38, 38, 38, 42, 42, 45]);
  });

  test('a file that removes a missing unit, adds one twice or is out of order is refused', () => {
    const base: VersionChange = {
      from: '2020-01-01',
      dated: 'document',
      source: '测试文件〔2020〕1号',
      add: { 甲区: { streets: ['一街道'] } },
    };
    expect(() => expandVersions([base, { ...base, from: '2020-02-01' }])).toThrow('已存在');
    expect(() =>
      expandVersions([base, { ...base, from: '2020-02-01', add: {}, remove: { 甲区: ['二街道'] } }]),
    ).toThrow('无法撤销');
    expect(() => expandVersions([base, { ...base, add: {}, from: '2019-12-31' }])).toThrow('先后');
    expect(() => expandVersions([{ ...base, from: '2020-02-30' }])).toThrow('日期无效');
  });
});

/** The seed letter signed on another day: same commitments, another date (and content hash). */
const letterSignedOn = (chineseDate: string) => {
  const text = seedLetterText();
  expect(text).toContain('2015年3月19日');
  return text.replace('2015年3月19日', chineseDate);
};

/** The 智慧社区 commitment's per-district [min, max] targets of a letter, ingested now. */
async function smartTargetsOf(db: Kysely<Database>, text: string) {
  const { letterId } = await ingestLetter(db, { text, sourceName: 'test.txt', actor: 'test' });
  return smartTargetsOfLetter(db, letterId);
}

async function smartTargetsOfLetter(db: Kysely<Database>, letterId: number) {
  const rows = await db
    .selectFrom('commitment_targets')
    .innerJoin('commitments', 'commitments.id', 'commitment_targets.commitment_id')
    .innerJoin('districts', 'districts.id', 'commitment_targets.district_id')
    .select(['districts.name', 'commitment_targets.target_min', 'commitment_targets.target_max'])
    .where('commitments.letter_id', '=', letterId)
    .where('commitments.object', 'like', '%智慧社区%')
    .where('commitment_targets.allocation', '=', 'per_unit')
    .execute();
  return Object.fromEntries(rows.map((r) => [r.name, [r.target_min, r.target_max]]));
}

/** Units a 3—5-per-unit target was expanded over: the sum of its minimums over 3. */
const unitsOf = (targets: Record<string, (number | null)[]>) =>
  Object.values(targets).reduce((sum, [min]) => sum + Number(min) / 3, 0);

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`the gazetteer by date on ${target.name}`, () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await target.open();
      await seedGazetteer(database.db);
    });
    afterAll(async () => {
      await database?.close();
    });

    const smartCommunityTargets = (text: string) => smartTargetsOf(database.db, text);

    test('the seed letter’s 每个街(镇) target expands over 38 units, 海沧 with its 4 streets', async () => {
      const haicang = (await districtsOnDate(database.db, '厦门市', '2015-03-19')).find(
        (d) => d.name === '海沧区',
      );
      expect(haicang).toMatchObject({ streets: 4, towns: 0 });
      const targets = await smartCommunityTargets(seedLetterText());
      expect(targets.海沧区).toEqual([12, 20]); // 4 streets × 3—5
      expect(unitsOf(targets)).toBe(38);
    });

    test('a 2023 letter’s expands over 45 units: 翔安 and 同安 after their changes', async () => {
      const targets = await smartCommunityTargets(letterSignedOn('2023年3月19日'));
      expect(targets.翔安区).toEqual([27, 45]); // 7 streets + 2 towns
      expect(targets.同安区).toEqual([33, 55]); // 7 streets + 4 towns
      expect(unitsOf(targets)).toBe(45);
    });

    test('the day counts, not the year: a letter of 2021-03-01 sees 翔安 without the four new streets', async () => {
      const targets = await smartCommunityTargets(letterSignedOn('2021年3月1日'));
      expect(targets.翔安区).toEqual([15, 25]); // 3 streets + 2 towns
      const before = await districtsOnDate(database.db, '厦门市', '2015-01-21');
      expect(before.find((d) => d.name === '海沧区')).toMatchObject({ streets: 3, towns: 1 });
    });

    test('listed by date with each unit’s source; the versions name their sources', async () => {
      const [haicang] = (await listGazetteer(database.db, { city: '厦门市', date: '2015-03-19' })).filter(
        (d) => d.name === '海沧区',
      );
      const dongfu = haicang?.units.find((u) => u.name === '东孚街道');
      expect(dongfu).toMatchObject({ kind: 'street', fromDate: '2015-01-22', toDate: null });
      expect(dongfu?.source).toContain('闽政文〔2015〕19号');
      expect(haicang?.units.map((u) => u.name)).not.toContain('东孚镇');

      const [xiamen] = await gazetteerVersions(database.db, { city: '厦门市' });
      expect(xiamen?.versions.map((v) => [v.date, v.sources.length])).toEqual(
        file.versions.map((v) => [v.from, 1]),
      );
      const last = xiamen?.versions.at(-1);
      expect(last?.counts.find((c) => c.district === '同安区')).toEqual({
        district: '同安区',
        streets: 7,
        towns: 4,
      });
    });
  });

  describe.skipIf(target.skip)(`a gazetteer seeded before the versions, on ${target.name}`, () => {
    test('gets the dated versions on the next start, keeping its district rows', async () => {
      const database = await target.open();
      try {
        // what the unversioned file stored: the 2014-12-31 lists, valid from 2015 without end
        const [first] = file.versions;
        const ids: Record<string, number> = {};
        for (const [order, name] of DISTRICTS.entries()) {
          const { id } = await database.db
            .insertInto('districts')
            .values({
              city: '厦门市',
              name,
              sort_order: order,
              valid_from: 2003,
              from_date: '2003-01-01',
              source: UNVERSIONED_SEED_SOURCE,
            })
            .returning('id')
            .executeTakeFirstOrThrow();
          ids[name] = id;
          const units = [
            ...(first?.add?.[name]?.streets ?? []).map((n) => ({ name: n, kind: 'street' as const })),
            ...(first?.add?.[name]?.towns ?? []).map((n) => ({ name: n, kind: 'town' as const })),
          ];
          await database.db
            .insertInto('streets')
            .values(
              units.map((u) => ({
                ...u,
                district_id: id,
                valid_from: 2015,
                from_date: '2015-01-01',
                source: UNVERSIONED_SEED_SOURCE,
              })),
            )
            .execute();
        }
        const before = await districtsOnDate(database.db, '厦门市', '2023-03-19');
        expect(before.reduce((sum, d) => sum + d.streets + d.towns, 0)).toBe(38);
        const { letterId: of2023 } = await ingestLetter(database.db, {
          text: letterSignedOn('2023年3月19日'),
          actor: 'test',
        });
        const { letterId: of2015 } = await ingestLetter(database.db, {
          text: seedLetterText(),
          actor: 'test',
        });
        expect(unitsOf(await smartTargetsOfLetter(database.db, of2023))).toBe(38);
        // targets the office split over districts itself are its decision, not the gazetteer's
        const { letterId: splitLetter } = await ingestLetter(database.db, {
          text: letterSignedOn('2023年5月1日'),
          actor: 'test',
        });
        const splitOne = await database.db
          .selectFrom('commitments')
          .select('id')
          .where('letter_id', '=', splitLetter)
          .where('object', 'like', '%智慧社区%')
          .executeTakeFirstOrThrow();
        await database.db
          .updateTable('commitment_targets')
          .set({ allocation: 'split' })
          .where('commitment_id', '=', splitOne.id)
          .execute();
        const splitTargets = () =>
          database.db
            .selectFrom('commitment_targets')
            .select(['district_id', 'target_min', 'target_max'])
            .where('commitment_id', '=', splitOne.id)
            .orderBy('district_id')
            .execute();
        const splitBefore = await splitTargets();

        await seedGazetteer(database.db);
        // the per-street targets made from the old counts are made again from the versions
        expect(unitsOf(await smartTargetsOfLetter(database.db, of2023))).toBe(45);
        expect(unitsOf(await smartTargetsOfLetter(database.db, of2015))).toBe(38);
        expect(await splitTargets()).toEqual(splitBefore);
        const after = await districtsOnDate(database.db, '厦门市', '2023-03-19');
        expect(after.reduce((sum, d) => sum + d.streets + d.towns, 0)).toBe(45);
        expect(Object.fromEntries(after.map((d) => [d.name, d.id]))).toEqual(ids);
        const haicang = (await districtsOnDate(database.db, '厦门市', '2015-03-19')).find(
          (d) => d.name === '海沧区',
        );
        expect(haicang).toMatchObject({ streets: 4, towns: 0 });
        const left = await database.db
          .selectFrom('streets')
          .select('id')
          .where('source', '=', UNVERSIONED_SEED_SOURCE)
          .execute();
        expect(left).toEqual([]);

        const count = async () => (await database.db.selectFrom('streets').select('id').execute()).length;
        const stored = await count();
        await seedGazetteer(database.db); // already versioned: nothing to do
        expect(await count()).toBe(stored);
      } finally {
        await database.close();
      }
    });
  });

  describe.skipIf(target.skip)(`migration 0004 on ${target.name}`, () => {
    test('rows stored with years only become valid from 1 January to 31 December', async () => {
      const database = await target.open();
      try {
        // pinned to the test's own schema on PostgreSQL, as db/migrate.ts does
        const schema =
          database.dialect === 'postgres'
            ? (await sql<{ s: string }>`select current_schema() as s`.execute(database.db)).rows[0]?.s
            : undefined;
        const migrator = new Migrator({
          db: database.db,
          provider: { getMigrations: async () => migrations },
          ...(schema ? { migrationTableSchema: schema } : {}),
        });
        const down = await migrator.migrateTo('0003_outcome_tallies');
        expect(down.error).toBeUndefined();
        const district = await database.db
          .insertInto('districts')
          // biome-ignore lint/suspicious/noExplicitAny: the columns of the schema before 0004
          .values({ city: '泉州市', name: '鲤城区', valid_from: 2003, source: '测试' } as any)
          .returning('id')
          .executeTakeFirstOrThrow();
        await database.db
          .insertInto('streets')
          .values({
            district_id: district.id,
            name: '浮桥街道',
            kind: 'street',
            valid_from: 2003,
            valid_to: 2019,
            source: '测试',
            // biome-ignore lint/suspicious/noExplicitAny: the columns of the schema before 0004
          } as any)
          .execute();
        const up = await migrator.migrateToLatest();
        expect(up.error).toBeUndefined();
        const street = await database.db
          .selectFrom('streets')
          .select(['from_date', 'to_date'])
          .executeTakeFirstOrThrow();
        expect(street).toEqual({ from_date: '2003-01-01', to_date: '2019-12-31' });
        const stored = await database.db.selectFrom('districts').select(['from_date', 'to_date']).execute();
        expect(stored).toEqual([{ from_date: '2003-01-01', to_date: null }]);
      } finally {
        await database.close();
      }
    });
  });
}
