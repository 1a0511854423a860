/**
 * Quotes in CSV uploads: a quote left open is a file-level refusal naming its row; cells Excel
 * quotes across lines, and stray quotes inside a cell, still read as before.
 */
import { describe, expect, test } from 'vitest';
import { hasBrokenQuotedCell } from '../../server/spreadsheets/csv-quotes';
import { ProgressFileError } from '../../server/spreadsheets/errors';
import { parseProgressFile } from '../../server/spreadsheets/import';
import { utf8 } from './support';

const HEADER = '目标编号,区域,本期累计完成值,截至日期,佐证说明,佐证链接';
const csv = (...rows: string[]) => utf8([HEADER, ...rows].join('\r\n'));
const parse = (bytes: Uint8Array) => parseProgressFile(bytes, '填报.csv', { today: '2025-06-30' });

describe('CSV quotes', () => {
  test('an opening quote never closed, to the end of the file or up to a later quote, names its row', async () => {
    for (const bytes of [
      csv('1,全市,3,2025-01-01,ok', '2,全市,3,2025-01-01,"已完成', '3,全市,4,2025-01-01,ok'),
      csv(
        '1,全市,3,2025-01-01,ok',
        '2,全市,3,2025-01-01,"已完成',
        '3,全市,4,2025-01-01,"见"通知"',
        '4,全市,5,2025-01-01,',
      ),
      csv('1,全市,3,2025-01-01,ok', '2,全市,"3,2025-01-01,', '3,全市,4,2025-01-01,ok'),
    ]) {
      const refusal = await parse(bytes).then(
        () => null,
        (error: unknown) => error,
      );
      expect(refusal).toBeInstanceOf(ProgressFileError);
      expect((refusal as ProgressFileError).message).toContain('CSV 第 3 行有未闭合的引号');
    }
  });

  test('a cell quoted across lines with doubled quotes, and a stray quote inside a cell, are read', async () => {
    const parsed = await parse(
      csv(
        '1,全市,3,2025-01-01,"第一行\r\n""通知""第二行"',
        '2,全市,4,2025-01-01,已"完成',
        '3,全市,5,2025-01-01,',
      ),
    );
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.evidenceText])).toEqual([
      [2, '第一行\r\n"通知"第二行'],
      [3, '已"完成'],
      [4, null],
    ]);
  });

  test('the check itself: only a record spanning lines through a malformed quoted cell', () => {
    expect(hasBrokenQuotedCell('1,"a\nb",c', ',')).toBe(false);
    expect(hasBrokenQuotedCell('1,"a\n""b""",c\r', ',')).toBe(false);
    expect(hasBrokenQuotedCell('1,"a"x,c', ',')).toBe(false); // one line: nothing swallowed
    expect(hasBrokenQuotedCell('1,"a\n2,"x"y', ',')).toBe(true);
    expect(hasBrokenQuotedCell('1\t"a\n2\t"x"\ty', '\t')).toBe(true);
  });
});
