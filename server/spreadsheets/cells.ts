/**
 * Reading one cell of the filled-in sheet as a number, a date or text. The same cell arrives as a
 * typed value from XLSX (number, Excel date) and as text from CSV, in whatever way Excel or a
 * clerk wrote it (2025/3/1, 2025年3月1日, 1,234, full-width digits); both paths meet here.
 */
import { DEFAULT_TIME_ZONE, isoDateIn } from '../../shared/clock';

export interface CellErrorValue {
  /** Excel's error text, e.g. #VALUE! */
  error: string;
}

/** A cell after reader-specific wrappers (rich text, formulas, hyperlinks) are removed. */
export type SheetCell = string | number | boolean | Date | CellErrorValue | null;

export type Parsed<T> = { ok: true; value: T } | { ok: false; problem: string };

/** Largest plausible cumulative value; anything above is a typing slip (extra digits, pasted id). */
export const MAX_PROGRESS_VALUE = 1e12;

// the bound belongs to the one as-of rule; re-exported for the sheet's export and instructions
export { EARLIEST_AS_OF } from '../domain/progress-dates';

export function isCellError(cell: SheetCell): cell is CellErrorValue {
  return typeof cell === 'object' && cell !== null && !(cell instanceof Date);
}

export function isBlankCell(cell: SheetCell | undefined): boolean {
  return cell === undefined || cell === null || (typeof cell === 'string' && cell.trim() === '');
}

const pad2 = (n: number) => String(n).padStart(2, '0');

function isoDate(year: number, month: number, day: number): string {
  return `${String(year).padStart(4, '0')}-${pad2(month)}-${pad2(day)}`;
}

/** Text as a user would read it in the cell. */
export function cellText(cell: SheetCell | undefined): string {
  if (cell === undefined || cell === null) return '';
  if (typeof cell === 'string') return cell.trim();
  if (typeof cell === 'number') return String(cell);
  if (typeof cell === 'boolean') return cell ? 'TRUE' : 'FALSE';
  if (cell instanceof Date) return Number.isNaN(cell.getTime()) ? '' : cell.toISOString().slice(0, 10);
  return cell.error;
}

const NUMBER_TEXT = /^[+-]?(?:\d+(?:\.\d*)?|\.\d+)(?:e[+-]?\d+)?$/i;

/**
 * Thousands separators and spaces are how Excel and clerks format big numbers, not part of them.
 * A trailing % is the unit of rate targets (覆盖率达到90%): 85% is the number 85.
 */
function numberFromText(text: string): number | null {
  const compact = text.normalize('NFKC').replace(/[,\s]/g, '').replace(/%$/, '');
  return NUMBER_TEXT.test(compact) ? Number(compact) : null;
}

export function parseProgressValue(cell: SheetCell): Parsed<number> {
  if (isCellError(cell)) return { ok: false, problem: `是 Excel 错误值 ${cell.error},请填写数字` };
  const value = typeof cell === 'number' ? cell : typeof cell === 'string' ? numberFromText(cell) : null;
  if (value === null || !Number.isFinite(value)) {
    return { ok: false, problem: `“${cellText(cell)}”不是数字(只填数字,不带单位,如 12 或 12.5)` };
  }
  if (value < 0) return { ok: false, problem: `不能为负数(${value}),应填写截至日期的累计完成数` };
  if (value > MAX_PROGRESS_VALUE) {
    return { ok: false, problem: `数值 ${cellText(cell)} 过大(超过 1 万亿),请检查是否多填了位数` };
  }
  return { ok: true, value };
}

function validCalendarDate(year: number, month: number, day: number): string | null {
  if (month < 1 || month > 12 || day < 1 || day > 31) return null;
  const date = new Date(Date.UTC(year, month - 1, day));
  if (date.getUTCFullYear() !== year || date.getUTCMonth() !== month - 1 || date.getUTCDate() !== day) {
    return null;
  }
  return isoDate(year, month, day);
}

/** Excel's day zero: serial 1 is 1900-01-01 counting the 1900 leap-year bug, so day 0 is 1899-12-30. */
const EXCEL_EPOCH_MS = Date.UTC(1899, 11, 30);
const MS_PER_DAY = 86_400_000;
/** Serials of 1990-01-01 and 9999-12-31: numbers outside are not dates a clerk meant. */
const SERIAL_MIN = 32_874;
const SERIAL_MAX = 2_958_465;

function dateFromSerial(serial: number): string | null {
  if (serial < SERIAL_MIN || serial > SERIAL_MAX) return null;
  const d = new Date(EXCEL_EPOCH_MS + Math.floor(serial) * MS_PER_DAY);
  return isoDate(d.getUTCFullYear(), d.getUTCMonth() + 1, d.getUTCDate());
}

// 2025-03-01, 2025/3/1, 2025.3.1, 2025年3月1日, each optionally followed by a time Excel appends
const YMD_TEXT =
  /^(\d{4})\s*[-/.年]\s*(\d{1,2})\s*[-/.月]\s*(\d{1,2})\s*日?(?:[\sT]+\d{1,2}:\d{2}(?::\d{2}(?:\.\d+)?)?)?$/;
const COMPACT_TEXT = /^(\d{4})(\d{2})(\d{2})$/;

function dateFromText(text: string): string | null {
  const t = text.normalize('NFKC').trim();
  const match = YMD_TEXT.exec(t) ?? COMPACT_TEXT.exec(t);
  if (match) return validCalendarDate(Number(match[1]), Number(match[2]), Number(match[3]));
  // a date cell saved to CSV by a tool that writes the serial number
  if (/^\d{5}(?:\.\d+)?$/.test(t)) return dateFromSerial(Number(t));
  return null;
}

/** Returns YYYY-MM-DD; range checks (before 1990, future) belong to the row rules. */
export function parseAsOfDate(cell: SheetCell): Parsed<string> {
  const invalid: Parsed<string> = {
    ok: false,
    problem: `“${cellText(cell)}”不是有效日期(应为 YYYY-MM-DD,如 2025-03-01)`,
  };
  if (cell instanceof Date) {
    if (Number.isNaN(cell.getTime())) return invalid;
    // exceljs builds dates from the serial in UTC, so the UTC fields are the day Excel shows
    return { ok: true, value: isoDate(cell.getUTCFullYear(), cell.getUTCMonth() + 1, cell.getUTCDate()) };
  }
  let value: string | null = null;
  if (typeof cell === 'number') {
    value = Number.isInteger(cell) && cell >= 19_000_101 ? dateFromText(String(cell)) : dateFromSerial(cell);
  } else if (typeof cell === 'string') {
    value = dateFromText(cell);
  }
  return value === null ? invalid : { ok: true, value };
}

/** Today's date where the agencies are (China Standard Time), as YYYY-MM-DD: the one clock's. */
export function todayInChina(now: Date = new Date()): string {
  return isoDateIn(DEFAULT_TIME_ZONE, now);
}
