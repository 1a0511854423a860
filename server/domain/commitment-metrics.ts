/**
 * Whether commitments were kept, and kept on time, as the officials count it (承诺兑现率, 按期兑现率).
 *
 * A tracked item is a confirmed, not withdrawn commitment — or, in a per-district view, the part of
 * one allocated to a district (its district target and that district's progress). For a year Y:
 *  - due: the deadline year is Y or earlier;
 *  - kept: its status as of the cut-off date is 已完成 (achieved);
 *  - kept on time: the standing value as of 31 Dec of the deadline year reached the minimum
 *    (a milestone: marked done on or before that day).
 * The cut-off is 31 Dec of Y, or today while Y is not over: a year's figures must not move when
 * progress for later years is recorded, so the published annual report stays reproducible.
 */
import { type CommitmentStatus, TRACKED_STATUSES, type TrackedStatus } from '../../shared/commitments';
import { commitmentStatus, milestoneStatus } from './commitment-status';
import { type ProgressPoint, progressKey, standingEntries } from './progress-summary';

export interface TrackedItem {
  commitmentId: number;
  /** null: the whole commitment (all its progress); a district: only that district's part */
  districtId: number | null;
  kind: 'quantified' | 'milestone';
  /** the minimum to reach: a district target, or the city total; null for milestones */
  min: number | null;
  deadlineYear: number | null;
  letterDate: string | null;
  milestoneState: 'open' | 'done' | 'not_done';
  milestoneDoneOn: string | null;
}

export interface ItemOutcome {
  status: CommitmentStatus;
  /** standing value as of the cut-off, null when nothing was recorded (or a milestone) */
  value: number | null;
  due: boolean;
  kept: boolean;
  keptOnTime: boolean;
}

/** The statuses a counted item can have (never rejected, unverified or withdrawn); shared with the client. */
export { TRACKED_STATUSES, type TrackedStatus } from '../../shared/commitments';

export interface CommitmentMetrics {
  /** items counted (letter written by the cut-off) */
  tracked: number;
  due: number;
  kept: number;
  keptOnTime: number;
  /** kept ÷ due, null when nothing is due */
  keptRate: number | null;
  /** kept on time ÷ due, null when nothing is due */
  onTimeRate: number | null;
  statusCounts: Record<TrackedStatus, number>;
}

/** n ÷ d, or null when there is nothing to divide by (shown as “—”, never as 0%). */
export function ratio(n: number, d: number): number | null {
  return d > 0 ? n / d : null;
}

/** 31 Dec of the year, or today while that year is not over; today when no year is chosen. */
export function cutoffFor(year: number | null, today: string): string {
  if (year === null) return today;
  const yearEnd = `${year}-12-31`;
  return yearEnd < today ? yearEnd : today;
}

/**
 * The item's standing value: for a whole commitment every standing entry of it (city-level and per
 * district, as on the commitment page), for a district part only that district's; null when none.
 */
export function valueAsOf(
  standing: ReadonlyMap<string, ProgressPoint>,
  item: Pick<TrackedItem, 'commitmentId' | 'districtId'>,
): number | null {
  let total: number | null = null;
  for (const entry of standing.values()) {
    if (entry.commitmentId !== item.commitmentId) continue;
    if (item.districtId !== null && entry.districtId !== item.districtId) continue;
    total = (total ?? 0) + entry.value;
  }
  return total;
}

/**
 * The day statuses are judged on. Progress counts up to the end of the cut-off day; a year-end
 * cut-off means the year is over, so a promise due that year and not reached is 逾期 — the status
 * rule calls a deadline over only from the day after 31 Dec.
 */
export function statusDay(cutoff: string): string {
  return cutoff.endsWith('-12-31') ? `${Number(cutoff.slice(0, 4)) + 1}-01-01` : cutoff;
}

function milestoneOutcome(item: TrackedItem, year: number | null, cutoff: string): ItemOutcome {
  // A milestone marked done after the cut-off was still open on that day.
  const doneBy = (day: string) =>
    item.milestoneState === 'done' && (item.milestoneDoneOn === null || item.milestoneDoneOn <= day);
  const state = doneBy(cutoff) ? 'done' : item.milestoneState === 'not_done' ? 'not_done' : 'open';
  const status = milestoneStatus({
    reviewStatus: 'confirmed',
    withdrawn: false,
    state,
    deadlineYear: item.deadlineYear,
    today: statusDay(cutoff),
  });
  const due = isDue(item, year, cutoff);
  const kept = status === 'achieved';
  const keptOnTime =
    kept && item.deadlineYear !== null && item.milestoneDoneOn !== null
      ? item.milestoneDoneOn <= `${item.deadlineYear}-12-31`
      : false;
  return { status, value: null, due, kept, keptOnTime };
}

function isDue(item: TrackedItem, year: number | null, cutoff: string): boolean {
  if (item.deadlineYear === null) return false;
  return item.deadlineYear <= (year ?? Number(cutoff.slice(0, 4)));
}

/**
 * One item's outcome as of the cut-off. `progress` should hold only the item's commitment's
 * entries (others are ignored, but scanned).
 */
export function itemOutcome(
  item: TrackedItem,
  progress: readonly ProgressPoint[],
  year: number | null,
  cutoff: string,
): ItemOutcome {
  if (item.kind === 'milestone' || item.min === null) return milestoneOutcome(item, year, cutoff);
  const value = valueAsOf(standingEntries(progress, cutoff), item);
  const status = commitmentStatus({
    reviewStatus: 'confirmed',
    withdrawn: false,
    min: item.min,
    value,
    deadlineYear: item.deadlineYear,
    letterDate: item.letterDate,
    today: statusDay(cutoff),
  });
  const due = isDue(item, year, cutoff);
  const kept = status === 'achieved';
  let keptOnTime = false;
  if (kept && item.deadlineYear !== null) {
    const deadlineEnd = `${item.deadlineYear}-12-31`;
    const byDeadline = valueAsOf(
      standingEntries(progress, deadlineEnd < cutoff ? deadlineEnd : cutoff),
      item,
    );
    keptOnTime = (byDeadline ?? 0) >= item.min;
  }
  return { status, value, due, kept, keptOnTime };
}

export function emptyStatusCounts(): Record<TrackedStatus, number> {
  return { not_started: 0, on_track: 0, behind: 0, achieved: 0, overdue: 0 };
}

function isTrackedStatus(status: CommitmentStatus): status is TrackedStatus {
  return (TRACKED_STATUSES as readonly string[]).includes(status);
}

/** Adds up outcomes into the headline figures. */
export function summarizeOutcomes(outcomes: readonly ItemOutcome[]): CommitmentMetrics {
  const statusCounts = emptyStatusCounts();
  let due = 0;
  let kept = 0;
  let keptOnTime = 0;
  for (const o of outcomes) {
    if (isTrackedStatus(o.status)) statusCounts[o.status] += 1;
    if (!o.due) continue;
    due += 1;
    if (o.kept) kept += 1;
    if (o.keptOnTime) keptOnTime += 1;
  }
  return commitmentMetrics({ tracked: outcomes.length, due, kept, keptOnTime, statusCounts });
}

/** The headline figures from their counts: the rates follow. */
export function commitmentMetrics(
  counts: Omit<CommitmentMetrics, 'keptRate' | 'onTimeRate'>,
): CommitmentMetrics {
  return {
    ...counts,
    keptRate: ratio(counts.kept, counts.due),
    onTimeRate: ratio(counts.keptOnTime, counts.due),
  };
}

/**
 * Progress grouped so each item scans only its own entries: by commitment for whole commitments,
 * by commitment and district for district parts (a correction stays in its entry's district).
 */
export interface ItemProgress {
  byCommitment: ReadonlyMap<number, readonly ProgressPoint[]>;
  byTarget: ReadonlyMap<string, readonly ProgressPoint[]>;
}

export function groupProgress(progress: readonly ProgressPoint[]): ItemProgress {
  const byCommitment = new Map<number, ProgressPoint[]>();
  const byTarget = new Map<string, ProgressPoint[]>();
  const push = <K>(map: Map<K, ProgressPoint[]>, key: K, p: ProgressPoint) => {
    const list = map.get(key);
    if (list) list.push(p);
    else map.set(key, [p]);
  };
  for (const p of progress) {
    push(byCommitment, p.commitmentId, p);
    push(byTarget, progressKey(p.commitmentId, p.districtId), p);
  }
  return { byCommitment, byTarget };
}

function progressOf(item: TrackedItem, progress: ItemProgress): readonly ProgressPoint[] {
  return (
    (item.districtId === null
      ? progress.byCommitment.get(item.commitmentId)
      : progress.byTarget.get(progressKey(item.commitmentId, item.districtId))) ?? []
  );
}

/**
 * Outcomes of the items whose letter was written by the cut-off (a promise not yet made is not
 * counted in that year), in the order given.
 */
export function outcomesAsOf(
  items: readonly TrackedItem[],
  progress: ItemProgress,
  year: number | null,
  cutoff: string,
): { item: TrackedItem; outcome: ItemOutcome }[] {
  return items
    .filter((item) => item.letterDate === null || item.letterDate <= cutoff)
    .map((item) => ({ item, outcome: itemOutcome(item, progressOf(item, progress), year, cutoff) }));
}
