/**
 * XLSX uploads that unzip far beyond their size: refused from the zip directory before exceljs
 * parses anything, also when the directory lies, and bounded in strings and cells when it does not.
 */
import { randomBytes } from 'node:crypto';
import { describe, expect, test } from 'vitest';
import { ProgressFileError, parseProgressFile } from '../../server/spreadsheets/import';
import { MAX_CELLS, MAX_SHARED_STRINGS } from '../../server/spreadsheets/xlsx-archive';
import { buildZip, sharedStrings, workbookParts, worksheet } from './zip-bomb';

async function refusal(bytes: Uint8Array): Promise<ProgressFileError> {
  const outcome = await parseProgressFile(bytes, 'bomb.xlsx', { today: '2025-12-31' }).then(
    () => null,
    (error: unknown) => error,
  );
  if (!(outcome instanceof ProgressFileError)) throw new Error(`not refused as a file: ${String(outcome)}`);
  return outcome;
}

describe('XLSX bombs', () => {
  test('shared strings that unzip to 256 MB are refused from the directory, with a Chinese reason', async () => {
    const bomb = await buildZip([...workbookParts(), sharedStrings(89_000, 1000), worksheet(1, 1)]);
    expect(bomb.length).toBeLessThan(2 * 1024 * 1024);
    const error = await refusal(bomb);
    expect(error.code).toBe('UNZIPPED_TOO_LARGE');
    expect(error.message).toContain('「bomb.xlsx」解压后内容过大');
    // the size the directory declares: known before anything is inflated
    expect(error.message).toContain('xl/sharedStrings.xml 达 256 MB,上限 32 MB');
  });

  test('a part that declares 1 KB and inflates to 64 MB is refused as damaged', async () => {
    const liar = { ...sharedStrings(22_000, 1000), declaredSize: 1024 };
    const error = await refusal(await buildZip([...workbookParts(), liar, worksheet(1, 1)]));
    expect(error.code).toBe('UNREADABLE');
    expect(error.message).toContain('文件已损坏');
  });

  test('a part hidden from the directory (exceljs would still read it) is refused', async () => {
    const hidden = { ...sharedStrings(22_000, 1000), hidden: true };
    const error = await refusal(await buildZip([...workbookParts(), hidden, worksheet(1, 1)]));
    expect(error.code).toBe('UNREADABLE');
  });

  test('a pasted 9 MB picture is not mistaken for a bomb: the file is read (and has no header)', async () => {
    // random bytes as latin1 text: one byte each in the part, and they do not deflate
    const picture = randomBytes(9 * 1024 * 1024).toString('latin1');
    const media = { name: 'xl/media/image1.png', chunks: () => [picture], latin1: true };
    const error = await refusal(
      await buildZip([...workbookParts(), media, sharedStrings(1, 1), worksheet(1, 1)]),
    );
    expect(error.code).toBe('NO_HEADER');
  });

  test(`more than ${MAX_SHARED_STRINGS} short shared strings are refused`, async () => {
    const error = await refusal(
      await buildZip([...workbookParts(), sharedStrings(MAX_SHARED_STRINGS + 1000, 1), worksheet(1, 1)]),
    );
    expect(error.code).toBe('UNZIPPED_TOO_LARGE');
    expect(error.message).toContain(`共享字符串超过 ${MAX_SHARED_STRINGS} 条`);
  });

  test(`more than ${MAX_CELLS} cells are refused, though the rows are few`, async () => {
    const columns = 10_000;
    const error = await refusal(
      await buildZip([...workbookParts(), sharedStrings(1, 1), worksheet(MAX_CELLS / columns + 1, columns)]),
    );
    expect(error.code).toBe('UNZIPPED_TOO_LARGE');
    expect(error.message).toContain(`单元格超过 ${MAX_CELLS} 个`);
  }, 60_000);
});
