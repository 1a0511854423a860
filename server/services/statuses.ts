/**
 * Attaches the current status, the standing value and the pace to commitment rows, from their
 * targets and progress history (the rules are in server/domain/commitment-status.ts).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { CommitmentStatus } from '../../shared/commitments';
import { commitmentStatus, expectedByPace, milestoneStatus } from '../domain/commitment-status';
import { type CompletionProjection, projectCompletion } from '../domain/completion-projection';
import { type ProgressPoint, standingEntries } from '../domain/progress-summary';
import { listProgress, listTargets } from '../repositories/commitments';

export interface StatusSubject {
  id: number;
  kind: 'quantified' | 'milestone';
  reviewStatus: 'unverified' | 'confirmed' | 'rejected';
  withdrawnAt: string | null;
  min: number | null;
  deadlineYear: number | null;
  letterDate: string | null;
  milestoneState: 'open' | 'done' | 'not_done';
}

export interface TrackedState {
  status: CommitmentStatus;
  /** sum of the standing values over the commitment's targets; null when nothing was recorded */
  value: number | null;
  /** city total of the target minimum (sum of the district targets when broken down) */
  targetTotal: number | null;
  /** what the straight-line pace expects today, null without a deadline */
  expected: number | null;
  /** when the recent pace reaches the target (open quantified commitments with a history only) */
  projection: CompletionProjection | null;
}

export async function withStatuses<T extends StatusSubject>(
  db: Kysely<Database>,
  rows: readonly T[],
  options: { includeDemo: boolean; today: string },
): Promise<(T & TrackedState)[]> {
  const ids = rows.map((r) => r.id);
  const [targets, progress] = await Promise.all([
    listTargets(db, { commitmentIds: ids }),
    listProgress(db, { includeDemo: options.includeDemo, commitmentIds: ids }),
  ]);
  return attachStatuses(rows, targets, progress, options.today);
}

/** The same from targets and progress the caller has loaded already. */
export function attachStatuses<T extends StatusSubject>(
  rows: readonly T[],
  targets: readonly { commitmentId: number; min: number }[],
  progress: readonly ProgressPoint[],
  today: string,
): (T & TrackedState)[] {
  // Grouped once: the scorecards pass every commitment, and a scan per row would be quadratic.
  const standingOf = groupByCommitment([...standingEntries(progress).values()]);
  const historyOf = groupByCommitment(progress);
  const targetsOf = groupByCommitment(targets);
  return rows.map((row) => {
    const own = standingOf.get(row.id) ?? [];
    const value = own.length ? own.reduce((sum, e) => sum + e.value, 0) : null;
    const ownTargets = targetsOf.get(row.id) ?? [];
    const targetTotal = ownTargets.length ? ownTargets.reduce((sum, t) => sum + t.min, 0) : row.min;
    const withdrawn = row.withdrawnAt !== null;
    const status =
      row.kind === 'milestone' || targetTotal === null
        ? milestoneStatus({ ...row, withdrawn, state: row.milestoneState, today })
        : commitmentStatus({ ...row, withdrawn, min: targetTotal, value, today });
    const expected =
      targetTotal === null
        ? null
        : expectedByPace({
            min: targetTotal,
            letterDate: row.letterDate,
            deadlineYear: row.deadlineYear,
            today,
          });
    const projection =
      targetTotal === null || !OPEN_STATUSES.has(status)
        ? null
        : projectCompletion({
            entries: historyOf.get(row.id) ?? [],
            target: targetTotal,
            letterDate: row.letterDate,
            deadlineYear: row.deadlineYear,
            today,
          });
    return { ...row, status, value, targetTotal, expected, projection };
  });
}

/** Statuses of work still to do, where a projected finish means something. */
const OPEN_STATUSES: ReadonlySet<CommitmentStatus> = new Set([
  'not_started',
  'on_track',
  'behind',
  'overdue',
]);

function groupByCommitment<T extends { commitmentId: number }>(items: readonly T[]): Map<number, T[]> {
  const groups = new Map<number, T[]>();
  for (const item of items) {
    const group = groups.get(item.commitmentId);
    if (group) group.push(item);
    else groups.set(item.commitmentId, [item]);
  }
  return groups;
}
