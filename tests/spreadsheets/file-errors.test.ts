import { describe, expect, test } from 'vitest';
import { MAX_PROGRESS_FILE_BYTES, ProgressFileError } from '../../server/spreadsheets/errors';
import { parseProgressFile } from '../../server/spreadsheets/import';
import { handMadeXlsx, utf8 } from './support';

const TODAY = '2025-06-30';

async function refusal(bytes: Uint8Array, fileName = 'f.xlsx'): Promise<ProgressFileError> {
  try {
    await parseProgressFile(bytes, fileName, { today: TODAY });
  } catch (error) {
    if (error instanceof ProgressFileError) return error;
    throw error;
  }
  throw new Error('accepted');
}

describe('files that cannot be imported at all', () => {
  test('an empty file', async () => {
    expect(await refusal(new Uint8Array(), 'a.csv')).toMatchObject({
      code: 'EMPTY',
      message: '「a.csv」是空文件,请选择填写好的进度填报表。',
    });
  });

  test('a file over 10 MB, before anything is parsed', async () => {
    const error = await refusal(new Uint8Array(MAX_PROGRESS_FILE_BYTES + 1).fill(0x41), 'big.csv');
    expect(error.code).toBe('TOO_LARGE');
    expect(error.message).toContain('超过 10 MB');
  });

  test('a sheet over 20,000 rows (CSV and XLSX)', async () => {
    const lines = [
      '目标编号,本期累计完成值,截至日期',
      ...Array.from({ length: 20_001 }, (_, i) => `${i + 1},,`),
    ];
    const csvError = await refusal(utf8(lines.join('\n')), 'many.csv');
    expect(csvError).toMatchObject({ code: 'TOO_MANY_ROWS' });
    expect(csvError.message).toContain('超过 20000 行');
    const xlsx = await handMadeXlsx([
      ['目标编号', '本期累计完成值', '截至日期'],
      ...Array.from({ length: 20_001 }, (_, i) => [i + 1]),
    ]);
    expect(await refusal(xlsx)).toMatchObject({ code: 'TOO_MANY_ROWS' });
  }, 60_000);

  test('an old .xls workbook is recognised by its bytes and sent back to be re-saved', async () => {
    const error = await refusal(
      new Uint8Array([0xd0, 0xcf, 0x11, 0xe0, 0xa1, 0xb1, 0x1a, 0xe1, 0, 0]),
      'old.xls',
    );
    expect(error).toMatchObject({ code: 'LEGACY_XLS' });
    expect(error.message).toContain('另存为');
  });

  test('a PDF renamed to .csv is not read as text', async () => {
    expect(await refusal(new Uint8Array([0x25, 0x50, 0x44, 0x46, 0x00, 0x01, 0x02]), 'x.csv')).toMatchObject({
      code: 'UNREADABLE',
    });
  });

  test('a damaged XLSX', async () => {
    const bytes = new Uint8Array([0x50, 0x4b, 0x03, 0x04, ...utf8('not really a zip file at all')]);
    expect(await refusal(bytes)).toMatchObject({
      code: 'UNREADABLE',
      message: '无法读取「f.xlsx」:文件已损坏或不是 Excel 工作簿。请在 Excel 中“另存为” .xlsx 后重试。',
    });
  });

  test('a sheet without our header', async () => {
    const error = await refusal(
      await handMadeXlsx([
        ['姓名', '电话'],
        ['张三', '123'],
      ]),
      '通讯录.xlsx',
    );
    expect(error).toMatchObject({
      code: 'NO_HEADER',
      message:
        '未在「通讯录.xlsx」中找到进度填报表的表头:表头须包含「目标编号」「本期累计完成值」「截至日期」列。请使用系统导出的填报表填写。',
    });
  });

  test('a header that lost its date column names what is missing', async () => {
    const csv = '目标编号,区域,本期累计完成值,佐证说明\n1,全市,3,\n';
    expect(await refusal(utf8(csv), 'x.csv')).toMatchObject({
      code: 'MISSING_COLUMNS',
      message:
        '第 1 行的表头缺少「截至日期」列。可以调整列的顺序,但不要删除或改名这些列;请使用系统导出的填报表填写。',
    });
  });

  test('a header without the id column', async () => {
    const error = await refusal(
      await handMadeXlsx([
        ['区域', '本期累计完成值', '截至日期'],
        ['思明区', 1, '2025-01-01'],
      ]),
    );
    expect(error.code).toBe('MISSING_COLUMNS');
    expect(error.message).toContain('缺少「目标编号」列');
  });
});
