/**
 * The shape both readers (XLSX, CSV) hand to the import: rows of plain cells with the row number
 * Excel shows, one sheet after another. Keeping readers to this shape lets one import routine
 * find the header and check rows the same way whatever the file type.
 */
import type { SheetCell } from './cells';

export interface SheetRow {
  /** 0-based position of the sheet in the workbook (always 0 for CSV) */
  sheet: number;
  /** 1-based row number as Excel shows it */
  number: number;
  /** cells by 0-based column position (column A is 0) */
  cells: readonly SheetCell[];
}
