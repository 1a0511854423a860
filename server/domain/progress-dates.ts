/**
 * The one rule for the date a progress entry is "as of" (截至日期), shared by progress.record (and
 * its corrections) and the spreadsheet import, which once disagreed: the form took 1990-01-01 for
 * a 2015 letter that the sheet refused. A cumulative value cannot be counted before the reply
 * letter promised it, nor on a day that has not come; 1990 bounds letters without a date.
 */

/** Progress older than this predates every reply letter the platform tracks. */
export const EARLIEST_AS_OF = '1990-01-01';

export type AsOfProblem =
  | { kind: 'before-earliest'; earliest: string }
  | { kind: 'before-letter'; letterDate: string }
  | { kind: 'after-today'; today: string };

/**
 * What is wrong with `asOf` (YYYY-MM-DD), or null. A bound left out is one the caller does not
 * know yet: the sheet checks each row against today before it loads the letters, then against
 * each target's letter; the same rule either way.
 */
export function asOfProblem(
  asOf: string,
  bounds: { letterDate?: string | null; today?: string },
): AsOfProblem | null {
  if (asOf < EARLIEST_AS_OF) return { kind: 'before-earliest', earliest: EARLIEST_AS_OF };
  if (bounds.letterDate && asOf < bounds.letterDate)
    return { kind: 'before-letter', letterDate: bounds.letterDate };
  if (bounds.today !== undefined && asOf > bounds.today) return { kind: 'after-today', today: bounds.today };
  return null;
}

/** The problem in words, after the date itself: “2015-03-01 早于答复函日期 2015-05-20,请检查日期”. */
export function describeAsOfProblem(asOf: string, problem: AsOfProblem): string {
  switch (problem.kind) {
    case 'before-earliest':
      return `${asOf} 早于 ${problem.earliest},请检查年份`;
    case 'before-letter':
      return `${asOf} 早于答复函日期 ${problem.letterDate},请检查日期`;
    case 'after-today':
      return `${asOf} 晚于今天(${problem.today}),请填写已统计到的日期`;
  }
}
