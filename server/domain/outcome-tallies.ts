/**
 * Turns one agency's counted commitments, targets and progress into the rows kept in
 * outcome_tallies: per year, district part (null: the whole commitment) and status, the counts the
 * overview, the heat map and the annual report add up. The rules are those of
 * commitment-metrics.ts, applied year by year; adding the rows of every agency gives the same
 * figures as applying them to all commitments at once (tests/server/outcome-tallies.test.ts).
 */

import {
  cutoffFor,
  groupProgress,
  type ItemOutcome,
  outcomesAsOf,
  type TrackedItem,
  type TrackedStatus,
} from './commitment-metrics';
import { completionOf, type ProgressPoint } from './progress-summary';
import { type CountedCommitment, type CountedTarget, districtItems, wholeItems } from './tracked-items';

export interface OutcomeTally {
  year: number;
  districtId: number | null;
  status: TrackedStatus;
  items: number;
  due: number;
  kept: number;
  keptOnTime: number;
  completion: number;
}

export interface OverdueOutcome {
  year: number;
  commitmentId: number;
  targetMin: number | null;
  value: number | null;
}

export interface TallyInput {
  commitments: readonly CountedCommitment[];
  targets: readonly CountedTarget[];
  progress: readonly ProgressPoint[];
  /** the years to tally, each as of its cut-off (31 Dec, or today for the running year) */
  years: readonly number[];
  /** YYYY-MM-DD */
  today: string;
}

/** How far an item got: its share of the target (capped at 1), or 1/0 for a milestone done or not. */
function itemCompletion(item: TrackedItem, outcome: ItemOutcome): number {
  if (item.kind === 'milestone' || item.min === null) return outcome.kept ? 1 : 0;
  return completionOf(outcome.value ?? undefined, item.min);
}

export function tallyOutcomes(input: TallyInput): { tallies: OutcomeTally[]; overdue: OverdueOutcome[] } {
  const progress = groupProgress(input.progress);
  const whole = wholeItems(input.commitments, input.targets);
  const parts = districtItems(input.commitments, input.targets);
  const tallies = new Map<string, OutcomeTally>();
  const overdue: OverdueOutcome[] = [];

  for (const year of input.years) {
    const cutoff = cutoffFor(year, input.today);
    for (const items of [whole, parts]) {
      for (const { item, outcome } of outcomesAsOf(items, progress, year, cutoff)) {
        const status = outcome.status as TrackedStatus;
        const key = `${item.districtId ?? ''}:${status}`;
        const row = tallies.get(`${year}:${key}`) ?? {
          year,
          districtId: item.districtId,
          status,
          items: 0,
          due: 0,
          kept: 0,
          keptOnTime: 0,
          completion: 0,
        };
        row.items += 1;
        row.completion += itemCompletion(item, outcome);
        if (outcome.due) {
          row.due += 1;
          if (outcome.kept) row.kept += 1;
          if (outcome.keptOnTime) row.keptOnTime += 1;
          if (item.districtId === null && status === 'overdue')
            overdue.push({
              year,
              commitmentId: item.commitmentId,
              targetMin: item.min,
              value: outcome.value,
            });
        }
        tallies.set(`${year}:${key}`, row);
      }
    }
  }
  return { tallies: [...tallies.values()], overdue };
}

/** A tally row as stored for one agency and scope, or its change in the all-agency totals. */
export interface ScopedTally {
  year: number;
  /** 0: whole commitments */
  districtKey: number;
  scope: string;
  status: string;
  items: number;
  due: number;
  kept: number;
  keptOnTime: number;
  completion: number;
}

/**
 * What replacing an agency's rows `before` by `after` adds to the all-agency totals, per key;
 * keys whose counts do not move are left out.
 */
export function tallyChanges(before: readonly ScopedTally[], after: readonly ScopedTally[]): ScopedTally[] {
  const changes = new Map<string, ScopedTally>();
  const add = (row: ScopedTally, sign: 1 | -1) => {
    const key = `${row.year}:${row.districtKey}:${row.scope}:${row.status}`;
    const change = changes.get(key) ?? { ...row, items: 0, due: 0, kept: 0, keptOnTime: 0, completion: 0 };
    change.items += sign * row.items;
    change.due += sign * row.due;
    change.kept += sign * row.kept;
    change.keptOnTime += sign * row.keptOnTime;
    change.completion += sign * row.completion;
    changes.set(key, change);
  };
  for (const row of before) add(row, -1);
  for (const row of after) add(row, 1);
  return [...changes.values()]
    .filter(
      (c) =>
        c.items !== 0 || c.due !== 0 || c.kept !== 0 || c.keptOnTime !== 0 || Math.abs(c.completion) > 1e-9,
    )
    .sort(
      (a, b) =>
        a.year - b.year ||
        a.districtKey - b.districtKey ||
        a.scope.localeCompare(b.scope) ||
        a.status.localeCompare(b.status),
    );
}
