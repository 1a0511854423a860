/**
 * 年度办理情况报告: one function builds the report for a year, and both the page (reports.annual)
 * and the XLSX/CSV downloads are made from its result, so their numbers cannot differ.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { ReasonCode } from '../../shared/commitments';
import {
  type CommitmentMetrics,
  cutoffFor,
  type ItemOutcome,
  outcomesAsOf,
  ratio,
  summarizeOutcomes,
  type TrackedItem,
} from '../domain/commitment-metrics';
import type { ReplyMetrics } from '../domain/reply-metrics';
import { districtItems, wholeItems } from '../domain/tracked-items';
import { listTargetDistricts } from '../repositories/metrics';
import { loadCommitmentData, loadReplyMetrics, type MetricsOptions } from './metrics';

/** Commitments due by the year's end and their outcome, for one district or one agency. */
export interface OutcomeRow {
  name: string | null;
  due: number;
  kept: number;
  keptOnTime: number;
  overdue: number;
  keptRate: number | null;
  onTimeRate: number | null;
}

export interface OverdueItem {
  commitmentId: number;
  letterId: number;
  agency: string | null;
  docNumber: string | null;
  object: string | null;
  quote: string;
  targetMin: number | null;
  targetMax: number | null;
  unit: string | null;
  value: number | null;
  deadlineYear: number | null;
  reasonCode: ReasonCode | null;
}

export interface AnnualReport {
  year: number;
  /** the day the figures are as of: 31 Dec of the year, or today while it is not over */
  cutoff: string;
  replies: ReplyMetrics;
  commitments: CommitmentMetrics;
  /** per district target (a commitment over six districts counts once in each) */
  byDistrict: OutcomeRow[];
  /** per responding agency; adds up to `commitments` */
  byAgency: OutcomeRow[];
  overdue: OverdueItem[];
}

function outcomeRow(name: string | null, outcomes: readonly ItemOutcome[]): OutcomeRow {
  const due = outcomes.filter((o) => o.due);
  const kept = due.filter((o) => o.kept).length;
  const keptOnTime = due.filter((o) => o.keptOnTime).length;
  return {
    name,
    due: due.length,
    kept,
    keptOnTime,
    overdue: due.filter((o) => o.status === 'overdue').length,
    keptRate: ratio(kept, due.length),
    onTimeRate: ratio(keptOnTime, due.length),
  };
}

function groupOutcomes<K>(
  outcomes: readonly { item: TrackedItem; outcome: ItemOutcome }[],
  keyOf: (item: TrackedItem) => K,
): Map<K, ItemOutcome[]> {
  const groups = new Map<K, ItemOutcome[]>();
  for (const { item, outcome } of outcomes) {
    const key = keyOf(item);
    const list = groups.get(key);
    if (list) list.push(outcome);
    else groups.set(key, [outcome]);
  }
  return groups;
}

export async function buildAnnualReport(
  db: Kysely<Database>,
  year: number,
  options: MetricsOptions,
): Promise<AnnualReport> {
  const cutoff = cutoffFor(year, options.today);
  const [replies, data, districts] = await Promise.all([
    loadReplyMetrics(db, { year, agencyId: null }),
    loadCommitmentData(db, null, options.includeDemo),
    listTargetDistricts(db),
  ]);
  const commitmentsById = new Map(data.commitments.map((c) => [c.id, c]));
  const whole = outcomesAsOf(wholeItems(data.commitments, data.targets), data.progress, year, cutoff);
  const parts = outcomesAsOf(districtItems(data.commitments, data.targets), data.progress, year, cutoff);

  const perDistrict = groupOutcomes(parts, (item) => item.districtId);
  const byDistrict = districts
    .map((d) => outcomeRow(d.name, perDistrict.get(d.id) ?? []))
    .filter((row) => row.due > 0);

  const perAgency = groupOutcomes(whole, (item) => commitmentsById.get(item.commitmentId)?.agency ?? null);
  const byAgency = [...perAgency]
    .map(([agency, outcomes]) => outcomeRow(agency, outcomes))
    .filter((row) => row.due > 0)
    .sort((a, b) => b.due - a.due || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'));

  const overdue = whole
    .filter(({ outcome }) => outcome.due && outcome.status === 'overdue')
    .flatMap(({ item, outcome }) => {
      const c = commitmentsById.get(item.commitmentId);
      if (!c) return [];
      return [
        {
          commitmentId: c.id,
          letterId: c.letterId,
          agency: c.agency,
          docNumber: c.docNumber,
          object: c.object,
          quote: c.quote,
          targetMin: item.min,
          // a broken-down target is the sum of district minimums; the letter's own range no longer applies
          targetMax: item.min === c.min ? c.max : null,
          unit: c.unit,
          value: outcome.value,
          deadlineYear: c.deadlineYear,
          reasonCode: c.reasonCode,
        },
      ];
    });

  return {
    year,
    cutoff,
    replies,
    commitments: summarizeOutcomes(whole.map((o) => o.outcome)),
    byDistrict,
    byAgency,
    overdue,
  };
}
