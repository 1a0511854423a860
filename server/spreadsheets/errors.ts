/**
 * How the progress import reports problems. A RowError points at one cell the agency can fix
 * (row numbers as Excel shows them); a ProgressFileError means the file as a whole cannot be
 * read, and nothing in it is imported. Messages are Chinese and shown to users as they are.
 */

import { Invalid } from '../domain/errors';

export interface RowError {
  /** spreadsheet row number as the user sees it (1-based, header rows included) */
  row: number;
  /** the Chinese header of the offending column, when one column is at fault */
  column?: string;
  message: string;
}

/** Largest accepted upload. */
export const MAX_PROGRESS_FILE_BYTES = 10 * 1024 * 1024;
/** Most data rows in one sheet: a city's whole year of targets fits many times over. */
export const MAX_PROGRESS_ROWS = 20_000;

export type ProgressFileErrorCode =
  | 'EMPTY'
  | 'TOO_LARGE'
  | 'UNZIPPED_TOO_LARGE'
  | 'TOO_MANY_ROWS'
  | 'LEGACY_XLS'
  | 'UNREADABLE'
  | 'NO_HEADER'
  | 'MISSING_COLUMNS';

/** A file the agency has to fix (or replace) as a whole: Invalid, whatever is wrong with it. */
export class ProgressFileError extends Invalid {
  readonly code: ProgressFileErrorCode;

  /** `cause`: the reader's own error, for the server log; users see only `message` */
  constructor(code: ProgressFileErrorCode, message: string, options?: { cause?: unknown }) {
    super(`progressFile.${code}`, message, options);
    this.code = code;
  }
}

/** `第 7 行「截至日期」…`: the one phrasing every row message starts with. */
export function rowError(row: number, column: string | undefined, problem: string): RowError {
  const where = column === undefined ? `第 ${row} 行` : `第 ${row} 行「${column}」`;
  return column === undefined
    ? { row, message: `${where}${problem}` }
    : { row, column, message: `${where}${problem}` };
}
