import { readFileSync } from 'node:fs';
import { describe, expect, test } from 'vitest';
import { buildProgressCsv, buildProgressWorkbook } from '../../server/spreadsheets/export';
import { parseProgressFile } from '../../server/spreadsheets/import';
import { PROGRESS_COLUMNS } from '../../server/spreadsheets/progress-columns';
import { type Fill, fillCsv, fillXlsx, handMadeXlsx, loadWorkbook, sampleRows, utf8 } from './support';

const TODAY = '2025-06-30';
const meta = { agencyName: '厦门市民政局', generatedOn: '2025-06-01' };

describe('export → fill in → import', () => {
  test('XLSX: filled rows come back with ids, values, dates and evidence; untouched rows are skipped', async () => {
    const exported = await buildProgressWorkbook(sampleRows(14), meta);
    const fills = new Map<number, Fill>([
      [
        2,
        {
          value: 12,
          as_of: new Date(Date.UTC(2025, 2, 1)),
          evidence_text: '已建成12个',
          evidence_url: 'https://mzj.xm.gov.cn/a',
        },
      ],
      [3, { value: 2.5, as_of: '2025/3/1' }],
      [9, { value: '1,234', as_of: '2025年6月30日' }],
    ]);
    const parsed = await parseProgressFile(await fillXlsx(exported, fills), '进度.xlsx', { today: TODAY });
    expect(parsed.errors).toEqual([]);
    expect(parsed.format).toBe('xlsx');
    expect(parsed.skippedRows).toBe(11);
    expect(parsed.rows).toEqual([
      {
        row: 2,
        targetKey: '1',
        commitmentId: 1,
        districtName: null,
        value: 12,
        asOf: '2025-03-01',
        evidenceText: '已建成12个',
        evidenceUrl: 'https://mzj.xm.gov.cn/a',
      },
      {
        row: 3,
        targetKey: '1@思明区',
        commitmentId: 1,
        districtName: '思明区',
        value: 2.5,
        asOf: '2025-03-01',
        evidenceText: null,
        evidenceUrl: null,
      },
      {
        row: 9,
        targetKey: '2',
        commitmentId: 2,
        districtName: null,
        value: 1234,
        asOf: '2025-06-30',
        evidenceText: null,
        evidenceUrl: null,
      },
    ]);
  });

  test('CSV: UTF-8 with BOM, the same columns, read back the same', async () => {
    const csv = buildProgressCsv(sampleRows(7));
    expect(csv.startsWith('\uFEFF目标编号,')).toBe(true);
    expect(csv.split('\r\n')[0]).toBe(`\uFEFF${PROGRESS_COLUMNS.map((c) => c.header).join(',')}`);
    const filled = fillCsv(
      csv,
      new Map([
        [2, { value: '30', as_of: '2025-06-01', evidence_text: '全市累计建成30个,见附件' }],
        [8, { value: '5', as_of: '2025/6/1', evidence_url: 'http://example.org/x?y=1' }],
      ]),
    );
    const parsed = await parseProgressFile(utf8(filled), 'progress.csv', { today: TODAY });
    expect(parsed.errors).toEqual([]);
    expect(parsed.encoding).toBe('utf-8-bom');
    expect(
      parsed.rows.map((r) => [r.row, r.targetKey, r.value, r.asOf, r.evidenceText, r.evidenceUrl]),
    ).toEqual([
      [2, '1', 30, '2025-06-01', '全市累计建成30个,见附件', null],
      [8, '1@翔安区', 5, '2025-06-01', null, 'http://example.org/x?y=1'],
    ]);
  });

  test('CSV export neutralises text Excel would run as a formula', () => {
    const [row] = sampleRows(1);
    const csv = buildProgressCsv([{ ...row!, quote: '=HYPERLINK("http://evil")' }]);
    expect(csv).toContain(`"'=HYPERLINK(""http://evil"")"`);
  });

  test('XLSX and CSV of the same rows hold the same cells', async () => {
    const rows = sampleRows(7);
    const workbook = await loadWorkbook(await buildProgressWorkbook(rows, meta));
    const sheet = workbook.getWorksheet('进度填报')!;
    const csvLines = buildProgressCsv(rows).slice(1).trimEnd().split('\r\n');
    sheet.eachRow((row, number) => {
      const cells = PROGRESS_COLUMNS.map((_, i) => {
        const v = row.getCell(i + 1).value;
        return v === null || v === undefined ? '' : String(v);
      });
      expect(cells.join(',')).toBe(csvLines[number - 1]?.replace(/"/g, ''));
    });
  });
});

describe('the exported workbook', () => {
  test('freezes the header, protects everything but the fill-in columns, checks input, explains itself', async () => {
    const workbook = await loadWorkbook(await buildProgressWorkbook(sampleRows(3), meta));
    expect(workbook.worksheets.map((s) => s.name)).toEqual(['进度填报', '填报说明']);
    const sheet = workbook.getWorksheet('进度填报')!;
    expect(sheet.views[0]).toMatchObject({ state: 'frozen', ySplit: 1, xSplit: 1 });
    expect(sheet.getCell('A1').note).toBeDefined();
    const protection = (sheet as unknown as { sheetProtection: Record<string, unknown> }).sheetProtection;
    // exceljs: true = the action stays allowed under protection
    expect(protection).toMatchObject({ sheet: true, autoFilter: true, formatColumns: true });
    PROGRESS_COLUMNS.forEach((column, i) => {
      const cell = sheet.getRow(2).getCell(i + 1);
      expect(cell.protection?.locked ?? true).toBe(column.role !== 'fill');
      expect(sheet.getColumn(i + 1).width).toBe(column.width);
    });
    // exceljs expands the range rules it wrote back into one entry per cell when it loads
    for (const row of [2, 3, 4]) {
      expect(sheet.getCell(`M${row}`).dataValidation).toMatchObject({ type: 'decimal', formulae: [0, 1e12] });
      expect(sheet.getCell(`N${row}`).dataValidation?.formulae[0]).toBe(
        'AND(ISNUMBER(N2),N2>=DATE(1990,1,1),N2<=TODAY())',
      );
      expect(sheet.getCell(`P${row}`).dataValidation?.type).toBe('custom');
    }
    const instructions = workbook.getWorksheet('填报说明')!;
    const text: string[] = [];
    instructions.eachRow((row) => {
      text.push(String(row.getCell(1).value ?? ''));
    });
    expect(text[0]).toContain('厦门市民政局');
    for (const column of PROGRESS_COLUMNS) expect(text).toContain(column.header);
  });

  test('an export without rows is still a valid template', async () => {
    const parsed = await parseProgressFile(await buildProgressWorkbook([], meta), 'empty.xlsx', {
      today: TODAY,
    });
    expect(parsed).toMatchObject({ rows: [], errors: [], skippedRows: 0 });
  });
});

describe('sheets edited by hand', () => {
  test('reordered columns, extra columns and a title above the header are tolerated', async () => {
    const bytes = await handMadeXlsx([
      ['2025年第二季度承诺进度(民政局)'],
      [],
      ['备注', '截至日期(YYYY-MM-DD)', '佐证链接', '本期累计完成值*', '区域', 'target_key', '佐证说明'],
      ['已核实', '2025-05-31', null, 7, '思明区', '4@思明区', '说明'],
      [null, null, null, null, '湖里区', '4@湖里区', null],
      ['', new Date(Date.UTC(2025, 4, 1)), 'https://a.b/c', 0, '全市', 5, null],
    ]);
    const parsed = await parseProgressFile(bytes, 'hand.xlsx', { today: TODAY });
    expect(parsed.errors).toEqual([]);
    expect(parsed.skippedRows).toBe(1);
    expect(
      parsed.rows.map((r) => [r.row, r.targetKey, r.value, r.asOf, r.evidenceText, r.evidenceUrl]),
    ).toEqual([
      [4, '4@思明区', 7, '2025-05-31', '说明', null],
      [6, '5', 0, '2025-05-01', null, 'https://a.b/c'],
    ]);
  });

  test('a percentage typed into a value cell is the number shown (85% → 85), as rate targets use unit %', async () => {
    const bytes = await handMadeXlsx([
      ['目标编号', '本期累计完成值', '截至日期'],
      [3, 0.85, '2025-03-01'],
      [4, 0.125, '2025-03-01'],
    ]);
    const workbook = await loadWorkbook(bytes);
    workbook.worksheets[0]!.getCell('B2').numFmt = '0%';
    workbook.worksheets[0]!.getCell('B3').numFmt = '0.0%';
    const withPercent = new Uint8Array(await workbook.xlsx.writeBuffer());
    const parsed = await parseProgressFile(withPercent, 'rate.xlsx', { today: TODAY });
    expect(parsed.rows.map((r) => r.value)).toEqual([85, 12.5]);
  });

  test('a reordered CSV with English keys as headers and a repeated header row', async () => {
    const csv = [
      'as_of,value,target_key,note',
      '2025-01-02,3,7@集美区,x',
      'as_of,value,target_key,note',
      '2025-01-03,4,7@海沧区,',
    ].join('\n');
    const parsed = await parseProgressFile(utf8(csv), 'keys.csv', { today: TODAY });
    expect(parsed.errors).toEqual([]);
    expect(parsed.encoding).toBe('utf-8');
    expect(parsed.rows.map((r) => [r.row, r.targetKey, r.value, r.asOf])).toEqual([
      [2, '7@集美区', 3, '2025-01-02'],
      [4, '7@海沧区', 4, '2025-01-03'],
    ]);
  });

  test('GBK CSV as Excel on Chinese Windows saves it (fixture encoded once with Python gbk codec)', async () => {
    const bytes = new Uint8Array(readFileSync(new URL('../fixtures/progress-gbk.csv', import.meta.url)));
    expect(() => new TextDecoder('utf-8', { fatal: true }).decode(bytes)).toThrow();
    const parsed = await parseProgressFile(bytes, '进度.csv', { today: TODAY });
    expect(parsed.encoding).toBe('gb18030');
    expect(parsed.errors).toEqual([]);
    expect(parsed.rows.map((r) => [r.row, r.targetKey, r.value, r.asOf, r.evidenceText])).toEqual([
      [2, '12', 30, '2025-03-01', '已建成农村幸福院30个'],
      [3, '12@思明区', 5, '2025-03-01', '思明区完成5个'],
    ]);
  });

  test('tab-separated UTF-16 ("Unicode text" from Excel)', async () => {
    const text = '目标编号\t本期累计完成值\t截至日期\r\n9@同安区\t11\t2025/2/3\r\n';
    const body = new Uint8Array(text.length * 2);
    for (let i = 0; i < text.length; i++) {
      body[i * 2] = text.charCodeAt(i) & 0xff;
      body[i * 2 + 1] = text.charCodeAt(i) >> 8;
    }
    const parsed = await parseProgressFile(new Uint8Array([0xff, 0xfe, ...body]), 'unicode.txt', {
      today: TODAY,
    });
    expect(parsed.rows.map((r) => [r.targetKey, r.value, r.asOf])).toEqual([['9@同安区', 11, '2025-02-03']]);
  });
});
