/**
 * Writes an agency's open targets as the progress sheet it fills in and uploads again: XLSX
 * (protected except the fill-in columns, with input checks and a 填报说明 sheet) or CSV for
 * agencies whose tools cannot handle XLSX. Columns come from progress-columns.ts, which the
 * import reads too. Pure: the caller loads the rows.
 */

import { stringify } from 'csv-stringify/sync';
import ExcelJS from 'exceljs';
import { EARLIEST_AS_OF, MAX_PROGRESS_VALUE } from './cells';
import { neutralizeFormula, neutralizeRow } from './formula-cells';
import { instructionLines } from './instructions';
import {
  CITY_LEVEL_LABEL,
  FIRST_DATA_ROW,
  formatTargetKey,
  HEADER_ROW,
  PROGRESS_COLUMNS,
  type ProgressColumn,
  type ProgressColumnId,
} from './progress-columns';
import { MAX_EVIDENCE_CHARS } from './row-rules';

/** One target to report on, with the context a clerk needs to find the figure. */
export interface ExportRow {
  commitmentId: number;
  /** null: the city-level target */
  districtName: string | null;
  agencyName: string;
  /** suggestion number or letter doc number, as the agency files it */
  letterRef: string | null;
  object: string | null;
  /** the sentence of the letter the commitment comes from */
  quote: string;
  unit: string | null;
  targetMin: number | null;
  targetMax: number | null;
  deadlineYear: number | null;
  latestValue: number | null;
  /** YYYY-MM-DD */
  latestAsOf: string | null;
}

export interface ExportMeta {
  /** shown in the title of the instructions; null when the office exports several agencies at once */
  agencyName: string | null;
  /** YYYY-MM-DD the sheet was made */
  generatedOn: string;
}

type ExportCell = string | number | null;

/** The cell values of one row, by column; fill-in columns start empty. */
export function exportCells(row: ExportRow): Record<ProgressColumnId, ExportCell> {
  return {
    target_key: formatTargetKey(row),
    district: row.districtName ?? CITY_LEVEL_LABEL,
    agency: row.agencyName,
    letter_ref: row.letterRef,
    object: row.object,
    quote: row.quote,
    unit: row.unit,
    target_min: row.targetMin,
    target_max: row.targetMax,
    deadline_year: row.deadlineYear,
    latest_value: row.latestValue,
    latest_as_of: row.latestAsOf,
    value: null,
    as_of: null,
    evidence_text: null,
    evidence_url: null,
  };
}

const SHEET_NAME = '进度填报';
const INSTRUCTIONS_SHEET_NAME = '填报说明';

const CONTEXT_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFF2F2F2' } };
const HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFD9D9D9' } };
const FILL_HEADER_FILL: ExcelJS.Fill = { type: 'pattern', pattern: 'solid', fgColor: { argb: 'FFFFE699' } };
const THIN_BORDER: Partial<ExcelJS.Borders> = {
  top: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  bottom: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  left: { style: 'thin', color: { argb: 'FFBFBFBF' } },
  right: { style: 'thin', color: { argb: 'FFBFBFBF' } },
};

function columnStyle(column: ProgressColumn): Partial<ExcelJS.Style> {
  const style: Partial<ExcelJS.Style> = { border: THIN_BORDER, alignment: { vertical: 'top' } };
  if (column.role === 'fill') {
    // the only cells left editable once the sheet is protected
    style.protection = { locked: false };
    if (column.id === 'as_of') style.numFmt = 'yyyy-mm-dd';
    if (column.id === 'evidence_text') style.alignment = { vertical: 'top', wrapText: true };
  } else {
    style.fill = CONTEXT_FILL;
    if (column.id === 'quote') style.alignment = { vertical: 'top', wrapText: true };
    // ids stay text so Excel never shows them as 1.23E+05 or strips the district
    if (column.id === 'target_key') style.numFmt = '@';
  }
  return style;
}

/** Range of one column's data cells, e.g. M2:M5001. */
function dataRange(sheet: ExcelJS.Worksheet, position: number, lastRow: number): string {
  const letter = sheet.getColumn(position).letter;
  return `${letter}${FIRST_DATA_ROW}:${letter}${lastRow}`;
}

/**
 * exceljs types `cell.dataValidation` but not the sheet-wide `dataValidations.add(range, …)` it
 * implements; one range rule (not one per cell) keeps relative formulas like LEFT(P2,7) right.
 */
interface SheetValidations {
  dataValidations: { add(range: string, validation: ExcelJS.DataValidation): void };
}

function addInputChecks(sheet: ExcelJS.Worksheet, lastRow: number): void {
  if (lastRow < FIRST_DATA_ROW) return;
  const validations = (sheet as unknown as SheetValidations).dataValidations;
  const position = (id: ProgressColumnId) => PROGRESS_COLUMNS.findIndex((c) => c.id === id) + 1;
  const topLeft = (id: ProgressColumnId) => `${sheet.getColumn(position(id)).letter}${FIRST_DATA_ROW}`;
  const [y, m, d] = EARLIEST_AS_OF.split('-').map(Number);

  validations.add(dataRange(sheet, position('value'), lastRow), {
    type: 'decimal',
    operator: 'between',
    formulae: [0, MAX_PROGRESS_VALUE],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '本期累计完成值',
    prompt: '填写截至日期的累计完成数(不是本期新增数),只填数字,不带单位。',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '完成值格式不对',
    error: '请填写 0 或正数,只填数字,不带单位。',
  });
  const asOf = topLeft('as_of');
  validations.add(dataRange(sheet, position('as_of'), lastRow), {
    type: 'custom',
    formulae: [`AND(ISNUMBER(${asOf}),${asOf}>=DATE(${y},${m},${d}),${asOf}<=TODAY())`],
    allowBlank: true,
    showInputMessage: true,
    promptTitle: '截至日期',
    prompt: '完成值统计到哪一天,格式 YYYY-MM-DD,如 2025-03-01。',
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '日期格式不对',
    error: `请填写 ${EARLIEST_AS_OF} 至今天之间的日期,格式 YYYY-MM-DD。`,
  });
  const url = topLeft('evidence_url');
  validations.add(dataRange(sheet, position('evidence_url'), lastRow), {
    type: 'custom',
    formulae: [`OR(LEFT(${url},7)="http://",LEFT(${url},8)="https://")`],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '佐证链接格式不对',
    error: '请填写以 http:// 或 https:// 开头的网址。',
  });
  validations.add(dataRange(sheet, position('evidence_text'), lastRow), {
    type: 'textLength',
    operator: 'lessThanOrEqual',
    formulae: [MAX_EVIDENCE_CHARS],
    allowBlank: true,
    showErrorMessage: true,
    errorStyle: 'stop',
    errorTitle: '佐证说明过长',
    error: `佐证说明不超过 ${MAX_EVIDENCE_CHARS} 字;更多材料请放在佐证链接中。`,
  });
}

function addDataSheet(workbook: ExcelJS.Workbook, rows: readonly ExportRow[]): ExcelJS.Worksheet {
  const sheet = workbook.addWorksheet(SHEET_NAME, {
    views: [{ state: 'frozen', xSplit: 1, ySplit: HEADER_ROW }],
  });
  sheet.columns = PROGRESS_COLUMNS.map((c) => ({ key: c.id, width: c.width, style: columnStyle(c) }));

  const header = sheet.getRow(HEADER_ROW);
  PROGRESS_COLUMNS.forEach((column, i) => {
    const cell = header.getCell(i + 1);
    cell.value = column.header;
    cell.note = `${column.id}${column.role === 'fill' ? '(填写)' : '(只读)'}`;
    cell.font = { bold: true };
    cell.fill = column.role === 'fill' ? FILL_HEADER_FILL : HEADER_FILL;
    cell.alignment = { vertical: 'middle', horizontal: 'center', wrapText: true };
    cell.border = THIN_BORDER;
    cell.protection = { locked: true };
  });
  header.height = 30;

  for (const row of rows) {
    const cells = exportCells(row);
    sheet.addRow(Object.fromEntries(PROGRESS_COLUMNS.map((c) => [c.id, neutralizeFormula(cells[c.id])])));
  }
  const lastRow = HEADER_ROW + rows.length;
  sheet.autoFilter = {
    from: { row: HEADER_ROW, column: 1 },
    to: { row: HEADER_ROW, column: PROGRESS_COLUMNS.length },
  };
  addInputChecks(sheet, lastRow);
  return sheet;
}

function addInstructionsSheet(workbook: ExcelJS.Workbook, meta: ExportMeta): void {
  const sheet = workbook.addWorksheet(INSTRUCTIONS_SHEET_NAME);
  sheet.getColumn(1).width = 20;
  sheet.getColumn(2).width = 18;
  sheet.getColumn(3).width = 12;
  sheet.getColumn(4).width = 70;
  for (const line of instructionLines(meta)) {
    // the title carries the agency's name
    const row = sheet.addRow(neutralizeRow(line.cells));
    if (line.kind === 'title') row.font = { bold: true, size: 14 };
    if (line.kind === 'heading') row.font = { bold: true };
    if (line.kind === 'table') row.alignment = { vertical: 'top', wrapText: true };
  }
}

export async function buildProgressWorkbook(rows: readonly ExportRow[], meta: ExportMeta): Promise<Buffer> {
  const workbook = new ExcelJS.Workbook();
  workbook.creator = '承诺跟踪督办平台';
  workbook.title = meta.agencyName === null ? '承诺事项进度填报表' : `${meta.agencyName} 承诺事项进度填报表`;
  const sheet = addDataSheet(workbook, rows);
  addInstructionsSheet(workbook, meta);
  // a guard against accidental edits of ids and context, not security: no password, and the
  // import checks every row anyway
  await sheet.protect('', {
    selectLockedCells: true,
    selectUnlockedCells: true,
    formatColumns: true,
    formatRows: true,
    autoFilter: true,
    sort: false,
  });
  return Buffer.from(await workbook.xlsx.writeBuffer());
}

const UTF8_BOM = '\uFEFF';

/** UTF-8 with BOM and CRLF line ends: what Excel needs to open Chinese text correctly. */
export function buildProgressCsv(rows: readonly ExportRow[]): string {
  const records: ExportCell[][] = [
    PROGRESS_COLUMNS.map((c) => c.header),
    ...rows.map((row) => {
      const cells = exportCells(row);
      return PROGRESS_COLUMNS.map((c) => neutralizeFormula(cells[c.id]));
    }),
  ];
  return UTF8_BOM + stringify(records, { record_delimiter: 'windows' });
}
