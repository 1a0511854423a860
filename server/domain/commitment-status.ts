/**
 * A commitment's status, from its review, its target, the progress recorded and the calendar.
 * The rules (also in docs/commitment-status.md):
 *  1. rejected by review → rejected; not yet reviewed → unverified (待核实).
 *  2. withdrawn with a reason → withdrawn (已取消).
 *  3. value reaches the minimum of the target → achieved (已完成); ranges and at-least targets count from min.
 *  4. deadline year over and value below min → overdue (逾期未完成).
 *  5. nothing recorded yet (or 0) → not_started (未启动), unless more than half the time to the deadline
 *     has passed: then behind (滞后), since not starting by mid-term is already late.
 *  6. with a deadline, value below the straight-line pace from the letter date to the end of the
 *     deadline year → behind (滞后); otherwise on_track (推进中). Without a deadline there is no pace.
 */
import type { CommitmentStatus } from '../../shared/commitments';

export interface StatusInput {
  reviewStatus: 'unverified' | 'confirmed' | 'rejected';
  withdrawn: boolean;
  min: number;
  /** the standing cumulative value, null when nothing was recorded */
  value: number | null;
  deadlineYear: number | null;
  /** YYYY-MM-DD; the pace starts here */
  letterDate: string | null;
  /** YYYY-MM-DD */
  today: string;
}

const DAY_MS = 86_400_000;
const dayNumber = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);

/**
 * Share of the time from the letter to the end of the deadline year that has passed on `today`,
 * clamped to 0..1; null without a deadline or a start date.
 */
export function elapsedShare(
  letterDate: string | null,
  deadlineYear: number | null,
  today: string,
): number | null {
  if (deadlineYear === null || letterDate === null) return null;
  const start = dayNumber(letterDate);
  const end = dayNumber(`${deadlineYear}-12-31`);
  if (!Number.isFinite(start) || end <= start) return null;
  return Math.max(0, Math.min(1, (dayNumber(today) - start) / (end - start)));
}

/** The value the straight-line pace expects today, or null when there is no pace. */
export function expectedByPace(input: Pick<StatusInput, 'min' | 'letterDate' | 'deadlineYear' | 'today'>) {
  const share = elapsedShare(input.letterDate, input.deadlineYear, input.today);
  return share === null ? null : input.min * share;
}

export function commitmentStatus(input: StatusInput): CommitmentStatus {
  if (input.reviewStatus === 'rejected') return 'rejected';
  if (input.reviewStatus === 'unverified') return 'unverified';
  if (input.withdrawn) return 'withdrawn';
  const value = input.value ?? 0;
  if (value >= input.min) return 'achieved';
  if (input.deadlineYear !== null && input.today > `${input.deadlineYear}-12-31`) return 'overdue';
  const share = elapsedShare(input.letterDate, input.deadlineYear, input.today);
  if (value <= 0) return share !== null && share > 0.5 ? 'behind' : 'not_started';
  if (share === null) return 'on_track';
  return value < input.min * share ? 'behind' : 'on_track';
}

export interface MilestoneStatusInput {
  reviewStatus: 'unverified' | 'confirmed' | 'rejected';
  withdrawn: boolean;
  state: 'open' | 'done' | 'not_done';
  deadlineYear: number | null;
  today: string;
}

/** Milestones have no number: done is achieved, judged not done or past the deadline is overdue. */
export function milestoneStatus(input: MilestoneStatusInput): CommitmentStatus {
  if (input.reviewStatus === 'rejected') return 'rejected';
  if (input.reviewStatus === 'unverified') return 'unverified';
  if (input.withdrawn) return 'withdrawn';
  if (input.state === 'done') return 'achieved';
  if (input.state === 'not_done') return 'overdue';
  if (input.deadlineYear !== null && input.today > `${input.deadlineYear}-12-31`) return 'overdue';
  return 'not_started';
}
