/**
 * 年度办理情况报告: one function builds the report for a year, and both the page (reports.annual)
 * and the XLSX/CSV downloads are made from its result, so their numbers cannot differ.
 */
import type { Kysely } from 'kysely';
import type { Database, TallyScope } from '../../db/schema';
import type { ReasonCode } from '../../shared/commitments';
import { type CommitmentMetrics, cutoffFor, ratio } from '../domain/commitment-metrics';
import type { ReplyMetrics } from '../domain/reply-metrics';
import { listTargetDistricts } from '../repositories/metrics';
import {
  agencyNames,
  listOverdueOutcomes,
  sumTalliesByAgency,
  sumTalliesByStatus,
  sumTalliesByYearAndDistrict,
  type TallySums,
} from '../repositories/outcome-tallies';
import { loadReplyMetrics, type MetricsOptions, metricsFromTallies } from './metrics';
import { tallyScopes } from './outcome-tallies';

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
  /** the overdue commitments, all of them or the first `overdueLimit` by id */
  overdue: OverdueItem[];
  /** how many commitments are overdue in all */
  overdueTotal: number;
}

function outcomeRow(name: string | null, sums: TallySums): OutcomeRow {
  return {
    name,
    due: sums.due,
    kept: sums.kept,
    keptOnTime: sums.keptOnTime,
    overdue: sums.overdueDue,
    keptRate: ratio(sums.kept, sums.due),
    onTimeRate: ratio(sums.keptOnTime, sums.due),
  };
}

/** Per responding agency, the commitments due by the year's end and their outcome, most due first. */
async function agencyOutcomeRows(db: Kysely<Database>, year: number, scopes: readonly TallyScope[]) {
  const perAgency = await sumTalliesByAgency(db, { scopes, year });
  const names = await agencyNames(
    db,
    perAgency.map((a) => a.agencyKey),
  );
  return perAgency
    .map((a) => outcomeRow(names.get(a.agencyKey) ?? null, a))
    .filter((row) => row.due > 0)
    .sort((a, b) => b.due - a.due || (a.name ?? '').localeCompare(b.name ?? '', 'zh-CN'));
}

/** The report's per-agency rows alone (the agency ranking). */
export async function buildAgencyOutcomes(
  db: Kysely<Database>,
  year: number,
  options: MetricsOptions,
): Promise<OutcomeRow[]> {
  return agencyOutcomeRows(db, year, tallyScopes(options.includeDemo));
}

export async function buildAnnualReport(
  db: Kysely<Database>,
  year: number,
  options: MetricsOptions,
  /** the page lists the first few hundred; the downloads every one */
  { overdueLimit }: { overdueLimit?: number } = {},
): Promise<AnnualReport> {
  const cutoff = cutoffFor(year, options.today);
  const scopes = tallyScopes(options.includeDemo);
  const [replies, totals, districts, perDistrict, byAgency, overdue] = await Promise.all([
    loadReplyMetrics(db, { year, agencyId: null }),
    sumTalliesByStatus(db, { scopes, year, districtIds: null }),
    listTargetDistricts(db),
    sumTalliesByYearAndDistrict(db, { scopes, year }),
    agencyOutcomeRows(db, year, scopes),
    listOverdueOutcomes(db, year, scopes, overdueLimit),
  ]);
  // the overdue list is the whole commitments due and overdue: the totals count them already
  const overdueTotal = totals.reduce((sum, row) => sum + row.overdueDue, 0);

  const districtSums = new Map(perDistrict.map((s) => [s.districtId, s]));
  const byDistrict = districts
    .flatMap((d) => {
      const sums = districtSums.get(d.id);
      return sums ? [outcomeRow(d.name, sums)] : [];
    })
    .filter((row) => row.due > 0);

  return {
    year,
    cutoff,
    replies,
    commitments: metricsFromTallies(totals),
    byDistrict,
    byAgency,
    overdue: overdue.map(({ letterMin, letterMax, ...item }) => ({
      ...item,
      // a broken-down target is the sum of district minimums; the letter's own range no longer applies
      targetMax: item.targetMin === letterMin ? letterMax : null,
    })),
    overdueTotal,
  };
}
