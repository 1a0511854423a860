/**
 * The overview's figures for a year, an agency and a district, computed on the server from the
 * rows in server/repositories/metrics.ts with the pure rules in server/domain/ — the browser gets
 * only the totals.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { TrackedStatus } from '../../shared/commitments';
import {
  type CommitmentMetrics,
  cutoffFor,
  groupProgress,
  type ItemProgress,
  outcomesAsOf,
  ratio,
  summarizeOutcomes,
} from '../domain/commitment-metrics';
import { type ReplyMetrics, summarizeReplies } from '../domain/reply-metrics';
import { type CountedTarget, districtItems, wholeItems } from '../domain/tracked-items';
import {
  listCountedCommitments,
  listCountedProgress,
  listCountedTargets,
  listLetterFacts,
  listReplyingAgencies,
  listSuggestionFacts,
  listTargetDistricts,
  metricYearSpan,
} from '../repositories/metrics';
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

export const todayIso = () => new Date().toISOString().slice(0, 10);

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
  const [suggestions, letters] = await Promise.all([
    listSuggestionFacts(db, filter),
    listLetterFacts(db, filter),
  ]);
  // ── issue 5: session / deputy filter (services/suggestion-scope.ts) ──
  return summarizeReplies(
    inSuggestionScope(suggestions, filter.scope),
    inLetterScope(letters, (l) => l.id, filter.scope),
  );
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
  const [replies, data] = await Promise.all([
    loadReplyMetrics(db, filter),
    loadCommitmentData(db, filter.agencyId, options.includeDemo),
  ]);
  // ── issue 5: session / deputy filter on the commitment rows (services/suggestion-scope.ts) ──
  const commitments = inLetterScope(data.commitments, (c) => c.letterId, filter.scope);
  const items =
    filter.districtIds === null
      ? wholeItems(commitments, data.targets)
      : districtItems(commitments, data.targets, filter.districtIds);
  // ── issue 5: status filter on the outcomes; the commitments list (services/commitment-list.ts) does the same ──
  const outcomes = withStatus(outcomesAsOf(items, data.progress, filter.year, cutoff), filter.status).map(
    (o) => o.outcome,
  );
  return { year: filter.year, cutoff, replies, commitments: summarizeOutcomes(outcomes) };
}

export interface KeptRateCell {
  districtId: number;
  year: number;
  due: number;
  kept: number;
  keptRate: number | null;
}

/**
 * The heat map: per district and year, the share of the district targets due by that year's end
 * that were reached by then.
 */
export async function buildKeptRateGrid(
  db: Kysely<Database>,
  agencyId: number | null,
  options: MetricsOptions,
  /** issue 5: session / deputy filter */
  scope: SuggestionScope | null = null,
) {
  const [span, districts, data] = await Promise.all([
    metricYearSpan(db),
    listTargetDistricts(db),
    loadCommitmentData(db, agencyId, options.includeDemo),
  ]);
  const thisYear = Number(options.today.slice(0, 4));
  const years: number[] = [];
  if (span) for (let y = span.first; y <= Math.min(span.last, thisYear); y++) years.push(y);
  // ── issue 5: session / deputy filter on the commitment rows ──
  const items = districtItems(
    inLetterScope(data.commitments, (c) => c.letterId, scope),
    data.targets,
  );
  const cells: KeptRateCell[] = [];
  for (const year of years) {
    const tally = new Map<number, { due: number; kept: number }>();
    for (const { item, outcome } of outcomesAsOf(
      items,
      data.progress,
      year,
      cutoffFor(year, options.today),
    )) {
      if (!outcome.due || item.districtId === null) continue;
      const counts = tally.get(item.districtId) ?? { due: 0, kept: 0 };
      counts.due += 1;
      if (outcome.kept) counts.kept += 1;
      tally.set(item.districtId, counts);
    }
    for (const district of districts) {
      const { due, kept } = tally.get(district.id) ?? { due: 0, kept: 0 };
      cells.push({ districtId: district.id, year, due, kept, keptRate: ratio(kept, due) });
    }
  }
  return { years, districts: districts.map((d) => ({ id: d.id, name: d.name })), cells };
}

/** What the overview's filters offer: the years with data, districts with targets, replying agencies. */
export async function listFilterChoices(db: Kysely<Database>, today: string) {
  const [span, districts, agencies] = await Promise.all([
    metricYearSpan(db),
    listTargetDistricts(db),
    listReplyingAgencies(db),
  ]);
  const thisYear = Number(today.slice(0, 4));
  const years: number[] = [];
  if (span) for (let y = Math.min(span.last, thisYear); y >= span.first; y--) years.push(y);
  return {
    years,
    districts: [...new Set(districts.map((d) => d.name))],
    agencies: agencies.map((a) => a.name),
  };
}
