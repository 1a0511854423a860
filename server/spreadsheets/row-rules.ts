/**
 * The checks one filled-in row must pass on its own, before anything is known about the
 * database: a readable target id, a value that can be a cumulative count, a plausible date and
 * usable evidence. Every problem of a row is reported at once, so a clerk fixes the row in one go.
 */
import { asOfProblem, describeAsOfProblem } from '../domain/progress-dates';
import { cellText, isBlankCell, parseAsOfDate, parseProgressValue, type SheetCell } from './cells';
import { type RowError, rowError } from './errors';
import {
  columnById,
  FILL_COLUMN_IDS,
  formatTargetKey,
  type ProgressColumnId,
  parseTargetKey,
} from './progress-columns';

/** One row the agency filled in, checked on its own. */
export interface ProgressRowInput {
  /** spreadsheet row number as the user sees it */
  row: number;
  /** the target key as normalized: `123` or `123@思明区` */
  targetKey: string;
  commitmentId: number;
  /** null: the city-level target */
  districtName: string | null;
  /** cumulative value as of `asOf` */
  value: number;
  /** YYYY-MM-DD */
  asOf: string;
  evidenceText: string | null;
  evidenceUrl: string | null;
}

export type RowOutcome =
  | { kind: 'blank' }
  | { kind: 'row'; input: ProgressRowInput }
  | { kind: 'invalid'; errors: RowError[] };

/** Longest evidence text or link kept; longer text belongs in an attachment. */
export const MAX_EVIDENCE_CHARS = 2000;

export type RowCells = ReadonlyMap<ProgressColumnId, SheetCell>;

const header = (id: ProgressColumnId) => columnById(id).header;

function checkEvidenceUrl(text: string): string | null {
  if (text.length > MAX_EVIDENCE_CHARS) return `超过 ${MAX_EVIDENCE_CHARS} 个字符`;
  try {
    const url = new URL(text);
    if (url.protocol === 'http:' || url.protocol === 'https:') return null;
  } catch {
    // falls through to the same message as a non-web scheme
  }
  return `“${text}”不是有效网址(应以 http:// 或 https:// 开头)`;
}

export function checkRow(row: number, cells: RowCells, today: string): RowOutcome {
  const cell = (id: ProgressColumnId) => cells.get(id) ?? null;
  // rows the agency has nothing to report on are left as exported
  if (FILL_COLUMN_IDS.every((id) => isBlankCell(cell(id)))) return { kind: 'blank' };

  const errors: RowError[] = [];
  const keyText = cellText(cell('target_key'));
  const ref = keyText === '' ? null : parseTargetKey(keyText);
  if (keyText === '') {
    errors.push(rowError(row, header('target_key'), '为空:已填报的行必须保留导出时的目标编号'));
  } else if (ref === null) {
    errors.push(
      rowError(
        row,
        header('target_key'),
        `“${keyText}”格式不正确(应为导出表中的编号,如 123 或 123@思明区),请勿修改该列`,
      ),
    );
  }

  let value: number | null = null;
  if (isBlankCell(cell('value'))) {
    errors.push(rowError(row, header('value'), '未填写:本行填写了其他填报内容,请填写截至日期的累计完成值'));
  } else {
    const parsed = parseProgressValue(cell('value'));
    if (parsed.ok) value = parsed.value;
    else errors.push(rowError(row, header('value'), parsed.problem));
  }

  let asOf: string | null = null;
  if (isBlankCell(cell('as_of'))) {
    errors.push(rowError(row, header('as_of'), '未填写:填报了完成值的行必须填写截至日期(YYYY-MM-DD)'));
  } else {
    const parsed = parseAsOfDate(cell('as_of'));
    // the letter's date is checked with the targets (validate-targets), under the same rule
    const problem = parsed.ok ? asOfProblem(parsed.value, { today }) : null;
    if (!parsed.ok) errors.push(rowError(row, header('as_of'), parsed.problem));
    else if (problem) errors.push(rowError(row, header('as_of'), describeAsOfProblem(parsed.value, problem)));
    else asOf = parsed.value;
  }

  const evidenceText = cellText(cell('evidence_text'));
  if (evidenceText.length > MAX_EVIDENCE_CHARS) {
    errors.push(
      rowError(row, header('evidence_text'), `超过 ${MAX_EVIDENCE_CHARS} 字,请精简,或把材料放在佐证链接中`),
    );
  }
  const evidenceUrl = cellText(cell('evidence_url'));
  const urlProblem = evidenceUrl === '' ? null : checkEvidenceUrl(evidenceUrl);
  if (urlProblem !== null) errors.push(rowError(row, header('evidence_url'), urlProblem));

  if (errors.length > 0 || ref === null || value === null || asOf === null) {
    return { kind: 'invalid', errors };
  }
  return {
    kind: 'row',
    input: {
      row,
      targetKey: formatTargetKey(ref),
      commitmentId: ref.commitmentId,
      districtName: ref.districtName,
      value,
      asOf,
      evidenceText: evidenceText === '' ? null : evidenceText,
      evidenceUrl: evidenceUrl === '' ? null : evidenceUrl,
    },
  };
}
