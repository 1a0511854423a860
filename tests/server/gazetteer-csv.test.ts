/**
 * The gazetteer CSV: a 来源 (source) column and days of effect, read by the parser and stored by
 * the import so the page can show each version's source.
 */
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { parseGazetteerCsv } from '../../server/domain/gazetteer-csv';
import { type TestDatabase, testDatabases } from '../support/databases';
import { callerFor } from '../support/seeded-letter';
import { makeUser } from '../support/users';

const QUANZHOU = [
  '城市,区,名称,类型,起始日期,截止日期,来源',
  '泉州市,,鲤城区,区,1997,,泉州市区划(1997 年)',
  '泉州市,鲤城区,开元街道,街道,1997,,泉州市区划(1997 年)',
  '泉州市,鲤城区,浮桥镇,镇,1997,2019-06-30,泉州市区划(1997 年)',
  '泉州市,鲤城区,浮桥街道,街道,2019-07-01,,闽政文〔2019〕99号(测试用文号)',
].join('\n');

describe('parseGazetteerCsv', () => {
  test('reads the source column and days; a year means 1 January to 31 December', () => {
    const { rows, errors } = parseGazetteerCsv(QUANZHOU);
    expect(errors).toEqual([]);
    expect(rows.map((r) => [r.name, r.fromDate, r.toDate, r.validFrom, r.validTo, r.source])).toEqual([
      ['鲤城区', '1997-01-01', null, 1997, null, '泉州市区划(1997 年)'],
      ['开元街道', '1997-01-01', null, 1997, null, '泉州市区划(1997 年)'],
      ['浮桥镇', '1997-01-01', '2019-06-30', 1997, 2019, '泉州市区划(1997 年)'],
      ['浮桥街道', '2019-07-01', null, 2019, null, '闽政文〔2019〕99号(测试用文号)'],
    ]);
    const yearEnd = parseGazetteerCsv(
      'city,district,name,kind,valid_from,valid_to\n泉州市,,鲤城区,district,1997,2000',
    );
    expect(yearEnd.rows[0]).toMatchObject({ fromDate: '1997-01-01', toDate: '2000-12-31', source: null });
  });

  test('the English header "source" is read too; a blank source is null, not an empty string', () => {
    const { rows } = parseGazetteerCsv(
      'city,district,name,kind,valid_from,source\n泉州市,,鲤城区,district,1997,code list 2016-07-31\n泉州市,,丰泽区,district,1997,',
    );
    expect(rows.map((r) => r.source)).toEqual(['code list 2016-07-31', null]);
  });

  test('days that do not exist and ends before starts are errors naming the line', () => {
    const { rows, errors } = parseGazetteerCsv(
      [
        '城市,区,名称,类型,起始日期,截止日期,来源',
        '泉州市,,鲤城区,区,2019-02-30,,x',
        '泉州市,,丰泽区,区,2019-07-01,2019-06-30,x',
        '泉州市,,洛江区,区,2019/07/01,,x',
      ].join('\n'),
    );
    expect(rows).toEqual([]);
    expect(errors.map((e) => e.line)).toEqual([2, 3, 4]);
    expect(errors[0]?.message).toContain('起始年份应为四位年份或日期');
    expect(errors[1]?.message).toContain('截止早于起始');
  });

  test('a start year of 3000 (or an end before 1949) is an error naming the line, not a row', () => {
    const { rows, errors } = parseGazetteerCsv(
      [
        '城市,区,名称,类型,起始年份,截止年份',
        '泉州市,,鲤城区,区,3000,',
        '泉州市,,丰泽区,区,1900,1948',
        '泉州市,,洛江区,区,1997,2100',
      ].join('\n'),
    );
    expect(rows.map((r) => r.name)).toEqual(['洛江区']);
    expect(errors.map((e) => e.line)).toEqual([2, 3]);
    expect(errors[0]?.message).toContain('年份应在 1949—2100 之间');
  });
});

for (const target of testDatabases) {
  describe.skipIf(target.skip)(`gazetteer CSV import on ${target.name}`, () => {
    let database: TestDatabase;

    beforeAll(async () => {
      database = await target.open();
    });
    afterAll(async () => {
      await database?.close();
    });

    test('stores each row’s source and days; the list by day and the versions show them', async () => {
      const office = await makeUser(database.db, 'office', 'office');
      const caller = callerFor(database.db, database.dialect, office);
      expect(await caller.gazetteer.importCsv({ csv: QUANZHOU })).toMatchObject({ districts: 1, units: 3 });

      const onDay = async (date: string) =>
        (await caller.gazetteer.list({ city: '泉州市', date }))[0]?.units.map((u) => u.name);
      expect(await onDay('2019-06-30')).toEqual(['开元街道', '浮桥镇']);
      expect(await onDay('2019-07-01')).toEqual(['开元街道', '浮桥街道']);

      const [quanzhou] = await caller.gazetteer.versions({ city: '泉州市' });
      expect(quanzhou?.versions.map((v) => [v.date, v.sources, v.removed.map((r) => r.name)])).toEqual([
        ['1997-01-01', ['泉州市区划(1997 年)'], []],
        ['2019-07-01', ['闽政文〔2019〕99号(测试用文号)'], ['浮桥镇']],
      ]);
      expect(quanzhou?.versions[1]?.counts).toEqual([{ district: '鲤城区', streets: 2, towns: 0 }]);
    });

    test('without a source column the rows say they came from a CSV without one', async () => {
      const office = await makeUser(database.db, 'office2', 'office');
      const caller = callerFor(database.db, database.dialect, office);
      await caller.gazetteer.importCsv({ csv: '城市,区,名称,类型,起始年份\n漳州市,,芗城区,区,1996' });
      const [district] = await caller.gazetteer.list({ city: '漳州市' });
      expect(district?.source).toBe('CSV 导入,未注明来源');
    });

    test('a start year of 3000 is refused and nothing is stored', async () => {
      const office = await makeUser(database.db, 'office3', 'office');
      const caller = callerFor(database.db, database.dialect, office);
      await expect(
        caller.gazetteer.importCsv({ csv: '城市,区,名称,类型,起始年份\n龙岩市,,新罗区,区,3000' }),
      ).rejects.toMatchObject({ code: 'BAD_REQUEST', message: expect.stringContaining('第 2 行') });
      expect(await caller.gazetteer.list({ city: '龙岩市' })).toEqual([]);
    });
  });
}
