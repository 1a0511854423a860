/**
 * Turns counted commitments and their targets into the items the kept rate is computed over: one
 * per commitment for city-wide and per-agency figures, one per district target for per-district
 * figures (a city-level target belongs to no district, so it appears only in the city-wide view).
 */
import type { TrackedItem } from './commitment-metrics';

export interface CountedCommitment {
  id: number;
  kind: 'quantified' | 'milestone';
  min: number | null;
  deadlineYear: number | null;
  letterDate: string | null;
  milestoneState: 'open' | 'done' | 'not_done';
  milestoneDoneOn: string | null;
}

export interface CountedTarget {
  commitmentId: number;
  districtId: number | null;
  min: number;
}

/** The whole commitment: its target is the sum of its district targets when broken down. */
export function wholeItems(
  commitments: readonly CountedCommitment[],
  targets: readonly CountedTarget[],
): TrackedItem[] {
  const totals = new Map<number, number>();
  for (const t of targets) totals.set(t.commitmentId, (totals.get(t.commitmentId) ?? 0) + t.min);
  return commitments.map((c) => ({
    commitmentId: c.id,
    districtId: null,
    kind: c.kind,
    min: totals.get(c.id) ?? c.min,
    deadlineYear: c.deadlineYear,
    letterDate: c.letterDate,
    milestoneState: c.milestoneState,
    milestoneDoneOn: c.milestoneDoneOn,
  }));
}

/** One item per district target, limited to `districtIds` when given. */
export function districtItems(
  commitments: readonly CountedCommitment[],
  targets: readonly CountedTarget[],
  districtIds?: readonly number[],
): TrackedItem[] {
  const byId = new Map(commitments.map((c) => [c.id, c]));
  const items: TrackedItem[] = [];
  for (const t of targets) {
    const c = byId.get(t.commitmentId);
    if (!c || t.districtId === null) continue;
    if (districtIds && !districtIds.includes(t.districtId)) continue;
    items.push({
      commitmentId: c.id,
      districtId: t.districtId,
      kind: 'quantified',
      min: t.min,
      deadlineYear: c.deadlineYear,
      letterDate: c.letterDate,
      milestoneState: c.milestoneState,
      milestoneDoneOn: c.milestoneDoneOn,
    });
  }
  return items;
}
