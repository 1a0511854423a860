/**
 * Matches checked rows of an uploaded progress sheet to the targets the database knows, and
 * refuses what the importing user may not or should not record: unknown ids, another agency's
 * commitments, withdrawn or rejected commitments, dates before the letter, and values that
 * contradict the cumulative history. Pure: the caller loads the targets and writes the result.
 */
import type { ReviewStatus } from '../../db/schema';
import { asOfProblem, describeAsOfProblem } from '../domain/progress-dates';
import { type RowError, rowError } from './errors';
import { CITY_LEVEL_LABEL, columnById, formatTargetKey } from './progress-columns';
import type { ProgressRowInput } from './row-rules';

/** What the database knows about one target, as the caller loads it. */
export interface KnownTarget {
  commitmentId: number;
  /** null: the city-level target */
  districtId: number | null;
  /** the district as named in the target key; null for the city-level target */
  districtName: string | null;
  /** the agency that answers for the commitment (the letter's agency) */
  agencyId: number | null;
  kind: 'quantified' | 'milestone';
  reviewStatus: ReviewStatus;
  /** withdrawn (已取消) with a reason */
  withdrawn: boolean;
  /** YYYY-MM-DD of the reply letter; progress cannot predate the promise */
  letterDate: string | null;
  /** the standing progress entry, if any */
  latest: { value: number; asOf: string } | null;
}

export interface MatchedProgressRow extends ProgressRowInput {
  target: KnownTarget;
}

export interface TargetCheck {
  /** rows that can be written, each with its target */
  matched: MatchedProgressRow[];
  errors: RowError[];
}

const KEY = columnById('target_key').header;
const VALUE = columnById('value').header;
const AS_OF = columnById('as_of').header;

function targetProblems(
  row: ProgressRowInput,
  target: KnownTarget,
  importingAgencyId: number | null,
): RowError[] {
  const { row: at } = row;
  if (importingAgencyId !== null && target.agencyId !== importingAgencyId) {
    return [
      rowError(at, KEY, `${row.targetKey} 是其他承办单位的承诺,本单位不能填报;请只填写本单位导出的填报表`),
    ];
  }
  if (target.withdrawn) return [rowError(at, KEY, `${row.targetKey} 对应的承诺已取消,不再接受进度填报`)];
  if (target.reviewStatus === 'rejected') {
    return [rowError(at, KEY, `${row.targetKey} 经核实不是承诺事项,不接受进度填报`)];
  }

  const problems: RowError[] = [];
  if (target.kind === 'milestone' && row.value !== 0 && row.value !== 1) {
    problems.push(rowError(at, VALUE, `为里程碑类承诺(无具体数量),只能填 1(已完成)或 0(未完成)`));
  }
  const dateProblem = asOfProblem(row.asOf, { letterDate: target.letterDate });
  if (dateProblem) problems.push(rowError(at, AS_OF, describeAsOfProblem(row.asOf, dateProblem)));
  const latest = target.latest;
  if (latest !== null) {
    if (row.asOf === latest.asOf) {
      problems.push(
        rowError(
          at,
          AS_OF,
          row.value === latest.value
            ? `${row.asOf} 的进度已经填报过(累计值 ${latest.value}),无需重复填报;如无新进度请清空本行`
            : `${row.asOf} 已填报过累计值 ${latest.value};更正已填报的数据请在系统中提交更正并说明原因`,
        ),
      );
    } else if (row.asOf > latest.asOf && row.value < latest.value) {
      problems.push(
        rowError(
          at,
          VALUE,
          `${row.value} 小于 ${latest.asOf} 已填报的累计值 ${latest.value}:完成值为累计数,不应减少;更正历史数据请在系统中提交更正并说明原因`,
        ),
      );
    } else if (row.asOf < latest.asOf && row.value > latest.value) {
      problems.push(
        rowError(
          at,
          VALUE,
          `${row.value} 大于之后 ${latest.asOf} 已填报的累计值 ${latest.value}:较早日期的累计数不应更大,请检查日期和数值`,
        ),
      );
    }
  }
  return problems;
}

/**
 * `importingAgencyId` is the clerk's agency; null when the supervision office imports, which may
 * report for any agency.
 */
export function validateAgainstTargets(
  rows: readonly ProgressRowInput[],
  knownTargets: readonly KnownTarget[],
  importingAgencyId: number | null,
): TargetCheck {
  const byKey = new Map(knownTargets.map((t) => [formatTargetKey(t), t] as const));
  const byCommitment = new Map<number, KnownTarget[]>();
  for (const t of knownTargets)
    byCommitment.set(t.commitmentId, [...(byCommitment.get(t.commitmentId) ?? []), t]);

  const matched: MatchedProgressRow[] = [];
  const errors: RowError[] = [];
  for (const row of rows) {
    const target = byKey.get(row.targetKey);
    if (target === undefined) {
      const siblings = byCommitment.get(row.commitmentId);
      if (siblings === undefined) {
        errors.push(
          rowError(row.row, KEY, `${row.targetKey} 不存在:请勿修改目标编号,并使用系统最新导出的填报表`),
        );
      } else {
        const places = siblings.map((t) => t.districtName ?? CITY_LEVEL_LABEL).join('、');
        const place = row.districtName ?? CITY_LEVEL_LABEL;
        errors.push(
          rowError(
            row.row,
            KEY,
            `${row.targetKey}:承诺 ${row.commitmentId} 没有「${place}」的目标(其目标为:${places})`,
          ),
        );
      }
      continue;
    }
    const problems = targetProblems(row, target, importingAgencyId);
    if (problems.length > 0) errors.push(...problems);
    else matched.push({ ...row, target });
  }
  return { matched, errors };
}
