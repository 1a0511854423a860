/**
 * Reads a progress sheet an agency filled in (XLSX or CSV, as exported by export.ts or re-saved
 * by Excel) into checked rows and per-row errors. Pure: no database. The caller matches rows to
 * targets with validateAgainstTargets and writes them, or shows the errors.
 *
 * File-level problems (too big, not a spreadsheet, no header) throw ProgressFileError; problems
 * in rows are collected so the agency sees all of them in one upload.
 */
import { cellText, type SheetCell } from './cells';
import {
  MAX_PROGRESS_FILE_BYTES,
  MAX_PROGRESS_ROWS,
  ProgressFileError,
  type RowError,
  rowError,
} from './errors';
import {
  columnById,
  columnForHeader,
  formatTargetKey,
  type ProgressColumnId,
  parseTargetKey,
  REQUIRED_COLUMN_IDS,
} from './progress-columns';
import { type CsvEncoding, decodeCsv, readCsvRows } from './read-csv';
import { readXlsxRows } from './read-xlsx';
import { checkRow, type ProgressRowInput } from './row-rules';
import type { SheetRow } from './sheet-rows';

export type { RowError } from './errors';
export { ProgressFileError } from './errors';
export type { ProgressRowInput } from './row-rules';
export {
  type KnownTarget,
  type MatchedProgressRow,
  type TargetCheck,
  validateAgainstTargets,
} from './validate-targets';

export type ProgressFileFormat = 'xlsx' | 'csv';

export interface ParseOptions {
  /** today in the configured zone (the request's clock), YYYY-MM-DD: dates after it are refused */
  today: string;
}

export interface ParsedSheet {
  format: ProgressFileFormat;
  /** how a CSV was decoded; null for XLSX */
  encoding: CsvEncoding | null;
  /** rows that passed every check, in sheet order */
  rows: ProgressRowInput[];
  /** per-row problems, by row number */
  errors: RowError[];
  /** data rows left as exported, with nothing filled in */
  skippedRows: number;
}

/** The header is looked for this far down: a clerk may add a title or a note above it. */
const HEADER_SEARCH_ROWS = 20;
/** Rows of other sheets (the 填报说明 sheet, notes) tolerated beyond the data-row limit. */
const OTHER_SHEET_ROWS = 1000;
const YIELD_EVERY_ROWS = 500;
/**
 * exceljs 4.4.0's streaming reader now and then fails on a valid file with "Cannot read properties
 * of undefined (reading 'sheets')" (workbook.xml read as empty): 18 of 2,397 reads of varied
 * exports under CPU load, never twice for the same bytes. Reading again succeeds (0 failures in
 * 2,325 reads with retries). A damaged file fails every attempt, so retrying costs little.
 */
const XLSX_READ_ATTEMPTS = 3;

const ZIP_MAGIC = [0x50, 0x4b, 0x03, 0x04];
const OLE2_MAGIC = [0xd0, 0xcf, 0x11, 0xe0];

const startsWith = (bytes: Uint8Array, magic: readonly number[]) => magic.every((b, i) => bytes[i] === b);

function hasUtf16Bom(bytes: Uint8Array): boolean {
  return (bytes[0] === 0xff && bytes[1] === 0xfe) || (bytes[0] === 0xfe && bytes[1] === 0xff);
}

/** Text has no NUL bytes; images, PDFs, Word files have many. */
function looksBinary(bytes: Uint8Array): boolean {
  return bytes.subarray(0, 8192).includes(0);
}

/** By content, not by name: systems often save CSV as .xls and browsers rename downloads. */
export function detectProgressFormat(bytes: Uint8Array, fileName: string): ProgressFileFormat {
  if (bytes.length === 0)
    throw new ProgressFileError('EMPTY', `「${fileName}」是空文件,请选择填写好的进度填报表。`);
  if (bytes.length > MAX_PROGRESS_FILE_BYTES) {
    throw new ProgressFileError(
      'TOO_LARGE',
      `「${fileName}」超过 ${MAX_PROGRESS_FILE_BYTES / 1024 / 1024} MB,请删除无关的工作表或图片,或分成多个文件上传。`,
    );
  }
  if (startsWith(bytes, ZIP_MAGIC)) return 'xlsx';
  if (startsWith(bytes, OLE2_MAGIC)) {
    throw new ProgressFileError(
      'LEGACY_XLS',
      `「${fileName}」是旧版 Excel(.xls)格式,请在 Excel 中“另存为” .xlsx 或 CSV 后再上传。`,
    );
  }
  if (!hasUtf16Bom(bytes) && looksBinary(bytes)) {
    throw new ProgressFileError(
      'UNREADABLE',
      `无法识别「${fileName}」:请上传 .xlsx 或 .csv 格式的进度填报表。`,
    );
  }
  return 'csv';
}

interface HeaderMatch {
  sheet: number;
  row: number;
  /** column id → 0-based cell position (the first of duplicated headers wins) */
  positions: Map<ProgressColumnId, number>;
}

function matchHeader(row: SheetRow): HeaderMatch {
  const positions = new Map<ProgressColumnId, number>();
  row.cells.forEach((cell, position) => {
    const id = typeof cell === 'string' ? columnForHeader(cell) : null;
    if (id !== null && !positions.has(id)) positions.set(id, position);
  });
  return { sheet: row.sheet, row: row.number, positions };
}

const isComplete = (h: HeaderMatch) => REQUIRED_COLUMN_IDS.every((id) => h.positions.has(id));
/** A row that names at least two of our columns is someone's attempt at the header. */
const looksLikeHeader = (h: HeaderMatch) => h.positions.size >= 2;

function headerProblem(fileName: string, partial: HeaderMatch | null): ProgressFileError {
  const required = REQUIRED_COLUMN_IDS.map((id) => `「${columnById(id).header}」`).join('');
  if (partial === null) {
    return new ProgressFileError(
      'NO_HEADER',
      `未在「${fileName}」中找到进度填报表的表头:表头须包含${required}列。请使用系统导出的填报表填写。`,
    );
  }
  const missing = REQUIRED_COLUMN_IDS.filter((id) => !partial.positions.has(id))
    .map((id) => `「${columnById(id).header}」`)
    .join('');
  return new ProgressFileError(
    'MISSING_COLUMNS',
    `第 ${partial.row} 行的表头缺少${missing}列。可以调整列的顺序,但不要删除或改名这些列;请使用系统导出的填报表填写。`,
  );
}

function tooManyRows(): ProgressFileError {
  return new ProgressFileError(
    'TOO_MANY_ROWS',
    `表格超过 ${MAX_PROGRESS_ROWS} 行数据,请分成多个文件上传(可以只保留已填写的行)。`,
  );
}

const yieldToEventLoop = () => new Promise<void>((resolve) => setImmediate(resolve));

function duplicateErrors(keyRows: ReadonlyMap<string, number[]>): { errors: RowError[]; rows: Set<number> } {
  const errors: RowError[] = [];
  const rows = new Set<number>();
  const column = columnById('target_key').header;
  for (const [key, at] of keyRows) {
    if (at.length < 2) continue;
    for (const row of at) {
      rows.add(row);
      errors.push(
        rowError(
          row,
          column,
          `${key} 在第 ${at.join('、')} 行重复出现:同一目标在一个文件中只能填报一次,请删除多余的行`,
        ),
      );
    }
  }
  return { errors, rows };
}

async function checkRows(rows: AsyncIterable<SheetRow>, fileName: string, today: string) {
  let header: HeaderMatch | null = null;
  let partial: HeaderMatch | null = null;
  let seen = 0;
  let dataRows = 0;
  let skippedRows = 0;
  const inputs: ProgressRowInput[] = [];
  const errors: RowError[] = [];
  const keyRows = new Map<string, number[]>();

  for await (const row of rows) {
    seen++;
    if (seen > MAX_PROGRESS_ROWS + OTHER_SHEET_ROWS) throw tooManyRows();
    if (seen % YIELD_EVERY_ROWS === 0) await yieldToEventLoop();

    if (header === null) {
      if (row.number > HEADER_SEARCH_ROWS) continue;
      const match = matchHeader(row);
      if (isComplete(match)) header = match;
      else if (
        looksLikeHeader(match) &&
        (partial === null || match.positions.size > partial.positions.size)
      ) {
        partial = match;
      }
      continue;
    }
    if (row.sheet !== header.sheet || row.number <= header.row) continue;

    dataRows++;
    if (dataRows > MAX_PROGRESS_ROWS) throw tooManyRows();
    const cells = new Map<ProgressColumnId, SheetCell>();
    for (const [id, position] of header.positions) cells.set(id, row.cells[position] ?? null);
    // a second copy of the header (two exports pasted together) is not data
    if (columnForHeader(cellText(cells.get('target_key'))) === 'target_key') continue;

    const outcome = checkRow(row.number, cells, today);
    if (outcome.kind === 'blank') {
      skippedRows++;
      continue;
    }
    const ref = parseTargetKey(cellText(cells.get('target_key')));
    if (ref !== null) {
      const key = formatTargetKey(ref);
      keyRows.set(key, [...(keyRows.get(key) ?? []), row.number]);
    }
    if (outcome.kind === 'row') inputs.push(outcome.input);
    else errors.push(...outcome.errors);
  }
  if (header === null) throw headerProblem(fileName, partial);

  const duplicates = duplicateErrors(keyRows);
  errors.push(...duplicates.errors);
  // stable: a row's own errors keep column order, duplicate notices follow them
  errors.sort((a, b) => a.row - b.row);
  return { rows: inputs.filter((r) => !duplicates.rows.has(r.row)), errors, skippedRows };
}

export async function parseProgressFile(
  bytes: Uint8Array,
  fileName: string,
  options: ParseOptions,
): Promise<ParsedSheet> {
  const { today } = options;
  const format = detectProgressFormat(bytes, fileName);
  if (format === 'csv') {
    const { text, encoding } = decodeCsv(bytes);
    return { format, encoding, ...(await checkRows(readCsvRows(text), fileName, today)) };
  }
  let failure: unknown;
  for (let attempt = 0; attempt < XLSX_READ_ATTEMPTS; attempt++) {
    try {
      return { format, encoding: null, ...(await checkRows(readXlsxRows(bytes, fileName), fileName, today)) };
    } catch (error) {
      if (error instanceof ProgressFileError) throw error;
      failure = error;
    }
  }
  throw new ProgressFileError(
    'UNREADABLE',
    `无法读取「${fileName}」:文件已损坏或不是 Excel 工作簿。请在 Excel 中“另存为” .xlsx 后重试。`,
    { cause: failure },
  );
}
