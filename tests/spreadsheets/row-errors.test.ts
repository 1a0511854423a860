import { describe, expect, test } from 'vitest';
import { buildProgressCsv, buildProgressWorkbook } from '../../server/spreadsheets/export';
import { parseProgressFile } from '../../server/spreadsheets/import';
import { type Fill, fillCsv, fillXlsx, sampleRows, utf8 } from './support';

const TODAY = '2025-06-30';

/** One filled row of a seven-row export, at sheet row 7, read through XLSX. */
async function errorsOfXlsxRow(fill: Fill) {
  const exported = await buildProgressWorkbook(sampleRows(7), { agencyName: null, generatedOn: TODAY });
  return parseProgressFile(await fillXlsx(exported, new Map([[7, fill]])), 'x.xlsx', { today: TODAY });
}

async function errorsOfCsvRow(fill: Record<string, string>) {
  const csv = fillCsv(buildProgressCsv(sampleRows(7)), new Map([[7, fill]]));
  return parseProgressFile(utf8(csv), 'x.csv', { today: TODAY });
}

describe('each refused row names its row, its column and what to do', () => {
  test.each([
    [
      'a value but no date',
      { value: 3 },
      '截至日期',
      '第 7 行「截至日期」未填写:填报了完成值的行必须填写截至日期(YYYY-MM-DD)',
    ],
    [
      'a date but no value',
      { as_of: '2025-03-01' },
      '本期累计完成值',
      '第 7 行「本期累计完成值」未填写:本行填写了其他填报内容,请填写截至日期的累计完成值',
    ],
    [
      'a negative value',
      { value: -2, as_of: '2025-03-01' },
      '本期累计完成值',
      '第 7 行「本期累计完成值」不能为负数(-2),应填写截至日期的累计完成数',
    ],
    [
      'a value with its unit',
      { value: '12个', as_of: '2025-03-01' },
      '本期累计完成值',
      '第 7 行「本期累计完成值」“12个”不是数字(只填数字,不带单位,如 12 或 12.5)',
    ],
    [
      'an absurd value',
      { value: 2e12, as_of: '2025-03-01' },
      '本期累计完成值',
      '第 7 行「本期累计完成值」数值 2000000000000 过大(超过 1 万亿),请检查是否多填了位数',
    ],
    [
      'an Excel error value',
      { value: { error: '#VALUE!' }, as_of: '2025-03-01' },
      '本期累计完成值',
      '第 7 行「本期累计完成值」是 Excel 错误值 #VALUE!,请填写数字',
    ],
    [
      'a date that is not one',
      { value: 1, as_of: '2025-02-30' },
      '截至日期',
      '第 7 行「截至日期」“2025-02-30”不是有效日期(应为 YYYY-MM-DD,如 2025-03-01)',
    ],
    [
      'a day-first date',
      { value: 1, as_of: '01/03/2025' },
      '截至日期',
      '第 7 行「截至日期」“01/03/2025”不是有效日期(应为 YYYY-MM-DD,如 2025-03-01)',
    ],
    [
      'a date before 1990',
      { value: 1, as_of: new Date(Date.UTC(1989, 11, 31)) },
      '截至日期',
      '第 7 行「截至日期」1989-12-31 早于 1990-01-01,请检查年份',
    ],
    [
      'a date in the future',
      { value: 1, as_of: '2025-07-01' },
      '截至日期',
      '第 7 行「截至日期」2025-07-01 晚于今天(2025-06-30),请填写已统计到的日期',
    ],
    [
      'an evidence link that is not a web address',
      { value: 1, as_of: '2025-06-30', evidence_url: 'file:///C:/材料.docx' },
      '佐证链接',
      '第 7 行「佐证链接」“file:///C:/材料.docx”不是有效网址(应以 http:// 或 https:// 开头)',
    ],
    [
      'an evidence link without scheme',
      { value: 1, as_of: '2025-06-30', evidence_url: 'www.xm.gov.cn' },
      '佐证链接',
      '第 7 行「佐证链接」“www.xm.gov.cn”不是有效网址(应以 http:// 或 https:// 开头)',
    ],
    [
      'evidence text too long',
      { value: 1, as_of: '2025-06-30', evidence_text: '字'.repeat(2001) },
      '佐证说明',
      '第 7 行「佐证说明」超过 2000 字,请精简,或把材料放在佐证链接中',
    ],
    [
      'an edited target id',
      { value: 1, as_of: '2025-06-30', target_key: '第1项' },
      '目标编号',
      '第 7 行「目标编号」“第1项”格式不正确(应为导出表中的编号,如 123 或 123@思明区),请勿修改该列',
    ],
    [
      'a deleted target id',
      { value: 1, as_of: '2025-06-30', target_key: null },
      '目标编号',
      '第 7 行「目标编号」为空:已填报的行必须保留导出时的目标编号',
    ],
  ] as const)('XLSX: %s', async (_, fill, column, message) => {
    const parsed = await errorsOfXlsxRow(fill as Fill);
    expect(parsed.rows).toEqual([]);
    expect(parsed.errors).toEqual([{ row: 7, column, message }]);
  });

  test('CSV: the same rules on text cells', async () => {
    expect((await errorsOfCsvRow({ value: '3' })).errors).toEqual([
      {
        row: 7,
        column: '截至日期',
        message: '第 7 行「截至日期」未填写:填报了完成值的行必须填写截至日期(YYYY-MM-DD)',
      },
    ]);
    expect((await errorsOfCsvRow({ value: 'abc', as_of: '2025/13/1' })).errors.map((e) => e.message)).toEqual(
      [
        '第 7 行「本期累计完成值」“abc”不是数字(只填数字,不带单位,如 12 或 12.5)',
        '第 7 行「截至日期」“2025/13/1”不是有效日期(应为 YYYY-MM-DD,如 2025-03-01)',
      ],
    );
    expect(
      (await errorsOfCsvRow({ value: '1', as_of: '2025-06-30', evidence_url: 'javascript:alert(1)' })).errors,
    ).toHaveLength(1);
  });

  test('every problem of a row is reported at once, in column order', async () => {
    const parsed = await errorsOfXlsxRow({ value: -1, as_of: '明天', evidence_url: 'ftp://x' });
    expect(parsed.errors.map((e) => e.column)).toEqual(['本期累计完成值', '截至日期', '佐证链接']);
  });

  test('a target filled in twice is refused on every row that repeats it', async () => {
    const exported = await buildProgressWorkbook(sampleRows(7), { agencyName: null, generatedOn: TODAY });
    const fills = new Map<number, Fill>([
      [3, { value: 1, as_of: '2025-06-01' }],
      [5, { value: 2, as_of: '2025-06-02', target_key: '1@思明区' }],
      [6, { value: 4, as_of: '2025-06-02' }],
    ]);
    const parsed = await parseProgressFile(await fillXlsx(exported, fills), 'dup.xlsx', { today: TODAY });
    const message = (row: number) => ({
      row,
      column: '目标编号',
      message: `第 ${row} 行「目标编号」1@思明区 在第 3、5 行重复出现:同一目标在一个文件中只能填报一次,请删除多余的行`,
    });
    expect(parsed.errors).toEqual([message(3), message(5)]);
    expect(parsed.rows.map((r) => r.row)).toEqual([6]);
  });

  test('a district-level and the city-level target of one commitment are different targets', async () => {
    const csv =
      '目标编号,本期累计完成值,截至日期\n3,10,2025-01-01\n3@思明区,2,2025-01-01\n３＠思明区,2,2025-01-01\n';
    const parsed = await parseProgressFile(utf8(csv), 'x.csv', { today: TODAY });
    expect(parsed.errors.map((e) => e.row)).toEqual([3, 4]);
    expect(parsed.rows.map((r) => r.targetKey)).toEqual(['3']);
  });

  test('rows with only context cells, or only spaces in the fill-in columns, are skipped silently', async () => {
    const csv = '目标编号,区域,本期累计完成值,截至日期,佐证说明\n1,全市, , ,\n2,全市,,,\n\n';
    const parsed = await parseProgressFile(utf8(csv), 'x.csv', { today: TODAY });
    expect(parsed).toMatchObject({ rows: [], errors: [], skippedRows: 3 });
  });
});
