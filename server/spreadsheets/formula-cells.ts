/**
 * The one rule for text the product writes into a CSV or an XLSX cell: a value that Excel (or WPS,
 * LibreOffice) would run as a formula goes out with a leading apostrophe. Agency names, objects and
 * quotes come from letters and clerks, so `=HYPERLINK(…)`, `+cmd|…`, `@SUM(…)` or `-2+3` in one of
 * them would otherwise run on the office's machine when the report is opened ("CSV injection").
 * In an XLSX a string cell is not evaluated when opened, but it is as soon as a clerk edits it or
 * pastes it elsewhere, so both formats take the same rule. Numbers are never touched.
 * @see https://owasp.org/www-community/attacks/CSV_Injection
 */

/** = + - @ start a formula; a leading tab or carriage return lets one through after trimming. */
const FORMULA_START = /^[=+\-@\t\r]/;

export function neutralizeFormula<T>(value: T): T | string {
  return typeof value === 'string' && FORMULA_START.test(value) ? `'${value}` : value;
}

/** A row of cells, each neutralised. */
export function neutralizeRow<T>(cells: readonly T[]): (T | string)[] {
  return cells.map(neutralizeFormula);
}
