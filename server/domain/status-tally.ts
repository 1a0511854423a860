/** Counting commitments by status, and the kept rate the scorecards show. */
import { COMMITMENT_STATUSES, type CommitmentStatus } from '../../shared/commitments';

export type StatusCounts = Record<CommitmentStatus, number>;

export function tallyStatuses(statuses: Iterable<CommitmentStatus>): StatusCounts {
  const counts = Object.fromEntries(COMMITMENT_STATUSES.map((s) => [s, 0])) as StatusCounts;
  for (const status of statuses) counts[status] += 1;
  return counts;
}

/**
 * Commitments that count: confirmed in review and not withdrawn. Unverified items are not yet
 * commitments and withdrawn ones are no longer promised (docs/commitment-status.md).
 */
export function countedTotal(counts: StatusCounts): number {
  return counts.not_started + counts.on_track + counts.behind + counts.achieved + counts.overdue;
}

/** achieved ÷ counted; null when nothing counts, so an empty agency is not shown as 0 %. */
export function keptRate(counts: StatusCounts): number | null {
  const total = countedTotal(counts);
  return total === 0 ? null : counts.achieved / total;
}
