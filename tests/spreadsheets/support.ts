/**
 * Builds filled-in progress sheets the way an agency would: export, open, type into the fill-in
 * columns, save. Shared by the spreadsheet tests.
 */
import { parse } from 'csv-parse/sync';
import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import type { ExportRow } from '../../server/spreadsheets/export';
import { PROGRESS_COLUMNS, type ProgressColumnId } from '../../server/spreadsheets/progress-columns';

export const DISTRICTS = ['思明区', '湖里区', '集美区', '海沧区', '同安区', '翔安区'];

/** Targets of commitments 1, 2, …: each commitment has a city-level target and six district targets. */
export function sampleRows(count: number): ExportRow[] {
  return Array.from({ length: count }, (_, i): ExportRow => {
    const commitmentId = Math.floor(i / 7) + 1;
    const place = i % 7;
    return {
      commitmentId,
      districtName: place === 0 ? null : (DISTRICTS[place - 1] ?? null),
      agencyName: '厦门市民政局',
      letterRef: `第${260 + commitmentId}号`,
      object: '农村幸福院',
      quote: '争取2025年底前完成30个农村幸福院建设',
      unit: '个',
      targetMin: 30,
      targetMax: place === 0 ? 35 : null,
      deadlineYear: 2025,
      latestValue: i % 3 === 0 ? null : 2,
      latestAsOf: i % 3 === 0 ? null : '2024-12-31',
    };
  });
}

export type Fill = Partial<
  Record<'value' | 'as_of' | 'evidence_text' | 'evidence_url' | 'target_key', ExcelJS.CellValue>
>;

const headerOf = (id: ProgressColumnId) => PROGRESS_COLUMNS.find((c) => c.id === id)?.header ?? id;

/** exceljs types `load` with its own Buffer (an ArrayBuffer), so hand it a copy of the bytes. */
export async function loadWorkbook(bytes: Uint8Array): Promise<ExcelJS.Workbook> {
  const workbook = new ExcelJS.Workbook();
  await workbook.xlsx.load(new Uint8Array(bytes).buffer);
  return workbook;
}

/** Opens an exported workbook, types the fills into rows (by sheet row number) and saves it. */
export async function fillXlsx(exported: Buffer, fills: ReadonlyMap<number, Fill>): Promise<Uint8Array> {
  const workbook = await loadWorkbook(exported);
  const sheet = workbook.worksheets[0];
  if (!sheet) throw new Error('no sheet');
  const positions = new Map<string, number>();
  sheet.getRow(1).eachCell((cell, col) => positions.set(String(cell.value), col));
  for (const [row, fill] of fills) {
    for (const [id, value] of Object.entries(fill)) {
      const col = positions.get(headerOf(id as ProgressColumnId));
      if (col === undefined) throw new Error(`no column ${id}`);
      sheet.getRow(row).getCell(col).value = value;
    }
  }
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}

/** The same for an exported CSV; values are typed as text, as a clerk would. */
export function fillCsv(
  exported: string,
  fills: ReadonlyMap<number, Partial<Record<keyof Fill, string>>>,
): string {
  const records: string[][] = parse(exported, { bom: true, relax_column_count: true });
  const header = records[0] ?? [];
  for (const [row, fill] of fills) {
    const record = records[row - 1];
    if (!record) throw new Error(`no row ${row}`);
    for (const [id, value] of Object.entries(fill))
      record[header.indexOf(headerOf(id as ProgressColumnId))] = value;
  }
  return `\uFEFF${stringify(records, { record_delimiter: 'windows' })}`;
}

export const utf8 = (text: string) => new TextEncoder().encode(text);

/** A sheet typed by hand from rows of cells, for layouts the exporter never writes. */
export async function handMadeXlsx(rows: ExcelJS.CellValue[][]): Promise<Uint8Array> {
  const workbook = new ExcelJS.Workbook();
  const sheet = workbook.addWorksheet('Sheet1');
  for (const row of rows) sheet.addRow(row);
  return new Uint8Array(await workbook.xlsx.writeBuffer());
}
