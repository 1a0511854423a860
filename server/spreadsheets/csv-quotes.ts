/**
 * A quote left open in a CSV cell. The reader is lenient with stray quotes inside a cell (hand-made
 * files have them), but an opening quote that is never properly closed makes the parser read every
 * following line into that one cell: the rows after it vanished silently and the import answered
 * 200. A quoted cell may legitimately span lines (Excel writes line breaks in 佐证说明 so), so only
 * a record that spans lines is checked, against the strict rule for quoted cells.
 */
import { ProgressFileError } from './errors';

const QUOTE = '"';

/** True when a record spanning lines does so because one of its quoted cells is malformed. */
export function hasBrokenQuotedCell(raw: string, delimiter: string): boolean {
  if (!/[\r\n]/.test(raw)) return false;
  let i = 0;
  while (i <= raw.length) {
    if (raw[i] === QUOTE) {
      // a quoted cell: doubled quotes are literal, the closing quote must end the cell or record
      i++;
      for (;;) {
        const close = raw.indexOf(QUOTE, i);
        if (close === -1) return true;
        if (raw[close + 1] === QUOTE) {
          i = close + 2;
          continue;
        }
        const next = raw[close + 1];
        if (next !== undefined && next !== delimiter && next !== '\r' && next !== '\n') return true;
        i = close + 1;
        break;
      }
    } else {
      while (i < raw.length && raw[i] !== delimiter && raw[i] !== '\r' && raw[i] !== '\n') i++;
    }
    if (i >= raw.length || raw[i] !== delimiter) return false;
    i++; // past the delimiter: the next cell
  }
  return false;
}

/** The file-level refusal, naming the row (as Excel numbers it) whose cell opened the quote. */
export function unclosedQuoteError(row: number, cause?: unknown): ProgressFileError {
  return new ProgressFileError(
    'UNREADABLE',
    `CSV 第 ${row} 行有未闭合的引号("):其后的行会被读进同一格,未导入任何数据。请补全或删除该引号后重新保存,再上传。`,
    { cause },
  );
}
