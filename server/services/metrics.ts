/**
 * The overview's figures for a year, an agency and a district, summed on the server from the
 * outcome tallies (server/services/outcome-tallies.ts) — the browser gets only the totals.
 * loadCommitmentData is the same rules applied to the raw rows, for views over a few commitments
 * and as the reference the tallies are tested against.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { TrackedStatus } from '../../shared/commitments';
import {
  type CommitmentMetrics,
  commitmentMetrics,
  cutoffFor,
  emptyStatusCounts,
  groupProgress,
  type ItemProgress,
  outcomesAsOf,
  ratio,
  summarizeOutcomes,
} from '../domain/commitment-metrics';
import { Invalid } from '../domain/errors';
import { type ReplyMetrics, summarizeReplies, summarizeReplyCounts } from '../domain/reply-metrics';
import { type CountedTarget, districtItems, wholeItems } from '../domain/tracked-items';
import {
  countLetterFacts,
  countSuggestionReplies,
  listCountedCommitments,
  listCountedProgress,
  listCountedTargets,
  listLetterFacts,
  listReplyingAgencies,
  listSuggestionFacts,
  listTargetDistricts,
  suggestionYearSpan,
} from '../repositories/metrics';
import {
  sumTalliesByStatus,
  sumTalliesByYearAndDistrict,
  type TallySums,
  talliedYearSpan,
} from '../repositories/outcome-tallies';
import { tallyScopes } from './outcome-tallies';
import { inLetterScope, inSuggestionScope, type SuggestionScope, withStatus } from './suggestion-scope';

export interface MetricsFilter {
  year: number | null;
  agencyId: number | null;
  /** the district's rows (one name may have several after a boundary change); null: the whole city */
  districtIds: readonly number[] | null;
  /** session / deputy filter (services/suggestion-scope.ts); absent or null: every suggestion */
  scope?: SuggestionScope | null;
  /** only commitments in this status on the cut-off day; absent or null: every status */
  status?: TrackedStatus | null;
}

export interface MetricsOptions {
  includeDemo: boolean;
  /** YYYY-MM-DD */
  today: string;
}

export type CountedCommitmentRow = Awaited<ReturnType<typeof listCountedCommitments>>[number];

export interface CommitmentData {
  commitments: CountedCommitmentRow[];
  targets: CountedTarget[];
  progress: ItemProgress;
}

/** Counted commitments of the agency (all agencies when null) with their targets and progress. */
export async function loadCommitmentData(
  db: Kysely<Database>,
  agencyId: number | null,
  includeDemo: boolean,
): Promise<CommitmentData> {
  const [commitments, targets, progress] = await Promise.all([
    listCountedCommitments(db, { agencyId }),
    listCountedTargets(db, { agencyId }),
    listCountedProgress(db, { agencyId, includeDemo }),
  ]);
  return { commitments, targets, progress: groupProgress(progress) };
}

export async function loadReplyMetrics(
  db: Kysely<Database>,
  filter: Pick<MetricsFilter, 'year' | 'agencyId' | 'scope'>,
): Promise<ReplyMetrics> {
  if (filter.scope) {
    // A session's or deputy's suggestions are a set in memory: their facts are filtered here.
    const [suggestions, letters] = await Promise.all([
      listSuggestionFacts(db, filter),
      listLetterFacts(db, filter),
    ]);
    return summarizeReplies(
      inSuggestionScope(suggestions, filter.scope),
      inLetterScope(letters, (l) => l.id, filter.scope),
    );
  }
  const [suggestions, letters] = await Promise.all([
    countSuggestionReplies(db, filter),
    countLetterFacts(db, filter),
  ]);
  return summarizeReplyCounts({ ...suggestions, letters });
}

export interface Summary {
  year: number | null;
  /** the day the figures are as of */
  cutoff: string;
  replies: ReplyMetrics;
  commitments: CommitmentMetrics;
}

/** dashboard.summary: replies are city-wide (a reply has no district), commitments follow the district. */
export async function buildSummary(
  db: Kysely<Database>,
  filter: MetricsFilter,
  options: MetricsOptions,
): Promise<Summary> {
  const cutoff = cutoffFor(filter.year, options.today);
  if (filter.scope) return buildScopedSummary(db, filter, options);
  const [replies, byStatus] = await Promise.all([
    loadReplyMetrics(db, filter),
    sumTalliesByStatus(db, {
      scopes: tallyScopes(options.includeDemo),
      // with no year chosen the figures are as of today, which is the running year's tally
      year: filter.year ?? Number(options.today.slice(0, 4)),
      agencyKey: filter.agencyId,
      districtIds: filter.districtIds,
      status: filter.status ?? undefined,
    }),
  ]);
  return { year: filter.year, cutoff, replies, commitments: metricsFromTallies(byStatus) };
}

/**
 * The same figures for a session's or a deputy's suggestions, which the tallies do not break down:
 * computed from those commitments' rows with the same rules.
 */
async function buildScopedSummary(
  db: Kysely<Database>,
  filter: MetricsFilter,
  options: MetricsOptions,
): Promise<Summary> {
  const cutoff = cutoffFor(filter.year, options.today);
  const [replies, data] = await Promise.all([
    loadReplyMetrics(db, filter),
    loadCommitmentData(db, filter.agencyId, options.includeDemo),
  ]);
  const commitments = inLetterScope(data.commitments, (c) => c.letterId, filter.scope);
  const items =
    filter.districtIds === null
      ? wholeItems(commitments, data.targets)
      : districtItems(commitments, data.targets, filter.districtIds);
  const outcomes = withStatus(outcomesAsOf(items, data.progress, filter.year, cutoff), filter.status).map(
    (o) => o.outcome,
  );
  return { year: filter.year, cutoff, replies, commitments: summarizeOutcomes(outcomes) };
}

/** The headline commitment figures from tallies summed per status. */
export function metricsFromTallies(
  rows: readonly ({ status: string } & Pick<TallySums, 'items' | 'due' | 'kept' | 'keptOnTime'>)[],
): CommitmentMetrics {
  const statusCounts = emptyStatusCounts();
  let tracked = 0;
  let due = 0;
  let kept = 0;
  let keptOnTime = 0;
  for (const row of rows) {
    if (row.status in statusCounts) statusCounts[row.status as TrackedStatus] += row.items;
    tracked += row.items;
    due += row.due;
    kept += row.kept;
    keptOnTime += row.keptOnTime;
  }
  return commitmentMetrics({ tracked, due, kept, keptOnTime, statusCounts });
}

export interface KeptRateCell {
  districtId: number;
  year: number;
  due: number;
  kept: number;
  keptRate: number | null;
}

/**
 * Consecutive years from the first year with data to the last year anything names, none after
 * this year (the tallies run on to this year; a chart's axis stops where the data does).
 */
function yearRange(
  span: { first: number; last: number } | null,
  thisYear: number,
  alsoKnown: readonly number[] = [],
): number[] {
  const known = [...(span ? [span.first, span.last] : []), ...alsoKnown];
  if (known.length === 0) return [];
  const range: number[] = [];
  for (let y = Math.min(...known); y <= Math.min(thisYear, Math.max(...known)); y++) range.push(y);
  return range;
}

/**
 * The heat map: per district and year, the share of the district targets due by that year's end
 * that were reached by then.
 */
export async function buildKeptRateGrid(
  db: Kysely<Database>,
  agencyId: number | null,
  options: MetricsOptions,
  /** session / deputy filter */
  scope: SuggestionScope | null = null,
) {
  const scopes = tallyScopes(options.includeDemo);
  const [span, districts] = await Promise.all([talliedYearSpan(db), listTargetDistricts(db)]);
  const years = yearRange(span, Number(options.today.slice(0, 4)));
  const sums = scope
    ? await scopedYearDistrictCounts(db, agencyId, scope, years, options)
    : await sumTalliesByYearAndDistrict(db, { scopes, agencyKey: agencyId });
  const byCell = new Map(sums.map((s) => [`${s.year}:${s.districtId}`, s]));
  const cells: KeptRateCell[] = [];
  for (const year of years)
    for (const district of districts) {
      const { due, kept } = byCell.get(`${year}:${district.id}`) ?? { due: 0, kept: 0 };
      cells.push({ districtId: district.id, year, due, kept, keptRate: ratio(kept, due) });
    }
  return { years, districts: districts.map((d) => ({ id: d.id, name: d.name })), cells };
}

/** Due and kept district targets per year for a session's or deputy's commitments, from their rows. */
async function scopedYearDistrictCounts(
  db: Kysely<Database>,
  agencyId: number | null,
  scope: SuggestionScope,
  years: readonly number[],
  options: MetricsOptions,
) {
  const data = await loadCommitmentData(db, agencyId, options.includeDemo);
  const items = districtItems(
    inLetterScope(data.commitments, (c) => c.letterId, scope),
    data.targets,
  );
  const counts: { year: number; districtId: number; due: number; kept: number }[] = [];
  for (const year of years) {
    const tally = new Map<number, { due: number; kept: number }>();
    for (const { item, outcome } of outcomesAsOf(
      items,
      data.progress,
      year,
      cutoffFor(year, options.today),
    )) {
      if (!outcome.due || item.districtId === null) continue;
      const cell = tally.get(item.districtId) ?? { due: 0, kept: 0 };
      cell.due += 1;
      if (outcome.kept) cell.kept += 1;
      tally.set(item.districtId, cell);
    }
    for (const [districtId, cell] of tally) counts.push({ year, districtId, ...cell });
  }
  return counts;
}

/**
 * The district × year chart: per district and year, the targets counted by then, how many were
 * reached, and the mean completion (each target's value ÷ minimum, capped at 1).
 */
export async function buildDistrictYears(
  db: Kysely<Database>,
  range: { fromYear?: number | undefined; toYear?: number | undefined },
  options: MetricsOptions,
) {
  const scopes = tallyScopes(options.includeDemo);
  const [span, districts, sums] = await Promise.all([
    talliedYearSpan(db),
    listTargetDistricts(db),
    sumTalliesByYearAndDistrict(db, { scopes }),
  ]);
  const shown = yearRange(span, Number(options.today.slice(0, 4)));
  const from = range.fromYear ?? shown[0] ?? Number(options.today.slice(0, 4));
  const to = range.toYear ?? Math.max(from, shown.at(-1) ?? from);
  if (to < from) throw new Invalid('figures.yearRange', `起始年份 ${from} 晚于结束年份 ${to}。`);
  const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
  const byCell = new Map(sums.map((s) => [`${s.year}:${s.districtId}`, s]));
  const cells = years.flatMap((year) =>
    districts.map((district) => {
      const sum = byCell.get(`${year}:${district.id}`);
      const targets = sum?.items ?? 0;
      return {
        districtId: district.id,
        districtName: district.name,
        year,
        targets,
        achieved: sum?.achieved ?? 0,
        completion: targets > 0 && sum ? sum.completion / targets : 0,
      };
    }),
  );
  return {
    years,
    districts: districts.map((d) => ({ id: d.id, name: d.name })),
    cells: districts.length ? cells : [],
  };
}

/** What the overview's filters offer: the years with data, districts with targets, replying agencies. */
export async function listFilterChoices(db: Kysely<Database>, options: MetricsOptions) {
  const [span, suggestionYears, districts, agencies] = await Promise.all([
    talliedYearSpan(db),
    suggestionYearSpan(db),
    listTargetDistricts(db),
    listReplyingAgencies(db),
  ]);
  const years = yearRange(span, Number(options.today.slice(0, 4)), suggestionYears);
  return {
    years: years.reverse(),
    districts: [...new Set(districts.map((d) => d.name))],
    agencies: agencies.map((a) => a.name),
  };
}
