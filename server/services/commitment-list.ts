/**
 * The commitments list (/commitments, commitments.list): the items the overview counts, narrowed
 * by the same filters and judged by the same rules as of the same cut-off — loadCommitmentData,
 * wholeItems / districtItems, outcomesAsOf and cutoffFor, narrowed by services/suggestion-scope.ts
 * as buildSummary is — so a number clicked on the overview is the length of the list it opens
 * (tests/server/commitment-list.test.ts checks exactly that).
 *
 * A row is a tracked item: a whole commitment, or with a district filter the part of one
 * allocated to that district (its district target and the value recorded there).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { OutcomeFilter, TrackedStatus } from '../../shared/commitments';
import { cutoffFor, type ItemOutcome, outcomesAsOf, type TrackedItem } from '../domain/commitment-metrics';
import { districtItems, wholeItems } from '../domain/tracked-items';
import { listLetterLabels, listTargets } from '../repositories/commitments';
import { listTargetDistricts } from '../repositories/metrics';
import {
  type CountedCommitmentRow,
  loadCommitmentData,
  type MetricsFilter,
  type MetricsOptions,
} from './metrics';
import { inLetterScope, withStatus } from './suggestion-scope';

export interface CommitmentListQuery {
  outcome: OutcomeFilter | null;
  q: string | null;
  letterId: number | null;
  /** quantified commitments or milestones only; null: both */
  kind: 'quantified' | 'milestone' | null;
  page: number;
  pageSize: number;
}

export function matchesOutcome(outcome: ItemOutcome, wanted: OutcomeFilter | null): boolean {
  if (wanted === null) return true;
  if (wanted === 'due') return outcome.due;
  if (wanted === 'kept') return outcome.due && outcome.kept;
  return outcome.due && outcome.keptOnTime;
}

function matchesText(c: CountedCommitmentRow, q: string | null): boolean {
  if (!q) return true;
  const needle = q.toLocaleLowerCase();
  return [c.object, c.quote, c.agency, c.docNumber].some((field) =>
    field?.toLocaleLowerCase().includes(needle),
  );
}

export interface CommitmentListRow {
  commitmentId: number;
  letterId: number;
  kind: 'quantified' | 'milestone';
  object: string | null;
  quote: string;
  unit: string | null;
  agency: string | null;
  docNumber: string | null;
  letterTitle: string | null;
  suggestionRef: string | null;
  deputyNames: string | null;
  /** null: the whole commitment */
  districtId: number | null;
  districtName: string | null;
  targetMin: number | null;
  targetMax: number | null;
  /** standing value on the cut-off day; null when nothing was recorded (or a milestone) */
  value: number | null;
  deadlineYear: number | null;
  status: TrackedStatus;
  due: boolean;
  kept: boolean;
  keptOnTime: boolean;
}

export async function listTrackedCommitments(
  db: Kysely<Database>,
  filter: MetricsFilter,
  query: CommitmentListQuery,
  options: MetricsOptions,
) {
  const cutoff = cutoffFor(filter.year, options.today);
  const [data, districts] = await Promise.all([
    loadCommitmentData(db, filter.agencyId, options.includeDemo),
    listTargetDistricts(db),
  ]);
  const commitments = inLetterScope(data.commitments, (c) => c.letterId, filter.scope).filter(
    (c) =>
      (query.letterId === null || c.letterId === query.letterId) &&
      (query.kind === null || c.kind === query.kind) &&
      matchesText(c, query.q),
  );
  const items =
    filter.districtIds === null
      ? wholeItems(commitments, data.targets)
      : districtItems(commitments, data.targets, filter.districtIds);
  const districtOrder = new Map(districts.map((d, i) => [d.id, { name: d.name, order: i }]));
  const matching = withStatus(outcomesAsOf(items, data.progress, filter.year, cutoff), filter.status)
    .filter(({ outcome }) => matchesOutcome(outcome, query.outcome))
    .sort(
      (a, b) =>
        (a.item.deadlineYear ?? 9999) - (b.item.deadlineYear ?? 9999) ||
        a.item.commitmentId - b.item.commitmentId ||
        (districtOrder.get(a.item.districtId ?? -1)?.order ?? -1) -
          (districtOrder.get(b.item.districtId ?? -1)?.order ?? -1),
    );

  const total = matching.length;
  const pageCount = Math.max(1, Math.ceil(total / query.pageSize));
  const slice = matching.slice((query.page - 1) * query.pageSize, query.page * query.pageSize);
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const pageIds = [...new Set(slice.map((s) => s.item.commitmentId))];
  const [labels, targets] = await Promise.all([
    listLetterLabels(db, [...new Set(slice.map((s) => byId.get(s.item.commitmentId)?.letterId ?? 0))]),
    filter.districtIds === null ? Promise.resolve([]) : listTargets(db, { commitmentIds: pageIds }),
  ]);
  const labelOf = new Map(labels.map((l) => [l.id, l]));
  const districtMax = new Map(targets.map((t) => [`${t.commitmentId}:${t.districtId}`, t.max]));

  const rows: CommitmentListRow[] = slice.flatMap(({ item, outcome }) => {
    const c = byId.get(item.commitmentId);
    if (!c) return [];
    const label = labelOf.get(c.letterId);
    return [
      {
        commitmentId: c.id,
        letterId: c.letterId,
        kind: c.kind,
        object: c.object,
        quote: c.quote,
        unit: c.unit,
        agency: c.agency,
        docNumber: c.docNumber,
        letterTitle: label?.title ?? null,
        suggestionRef: label?.suggestionRef ?? null,
        deputyNames: label?.deputyNames ?? null,
        districtId: item.districtId,
        districtName: item.districtId === null ? null : (districtOrder.get(item.districtId)?.name ?? null),
        targetMin: item.min,
        targetMax: targetMaxOf(item, c, districtMax),
        value: outcome.value,
        deadlineYear: item.deadlineYear,
        status: outcome.status as TrackedStatus,
        due: outcome.due,
        kept: outcome.kept,
        keptOnTime: outcome.keptOnTime,
      },
    ];
  });
  return { year: filter.year, cutoff, total, page: query.page, pageSize: query.pageSize, pageCount, rows };
}

/** A district part keeps its own range; a whole commitment its letter's range unless broken down. */
function targetMaxOf(
  item: TrackedItem,
  c: CountedCommitmentRow,
  districtMax: ReadonlyMap<string, number | null>,
): number | null {
  if (item.districtId !== null) {
    const max = districtMax.get(`${item.commitmentId}:${item.districtId}`);
    return max === undefined || max === null ? null : Number(max);
  }
  return item.min === c.min ? c.max : null;
}
