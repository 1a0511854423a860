/**
 * The district views: each district target with the progress standing there and its status
 * there (the status rules applied to the district's own target), the six districts compared,
 * and one district year by year. Aggregated here so the browser receives only the figures.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { CommitmentStatus } from '../../shared/commitments';
import { commitmentStatus } from '../domain/commitment-status';
import {
  completionOf,
  progressKey,
  standingEntries,
  summarizeDistrictYears,
} from '../domain/progress-summary';
import { tallyStatuses } from '../domain/status-tally';
import { listProgress } from '../repositories/commitments';
import { letterYearSpan } from '../repositories/dashboard';
import {
  districtIdsNamed,
  listCurrentDistricts,
  listDistrictTargets,
} from '../repositories/district-targets';

export interface ViewOptions {
  includeDemo: boolean;
  /** YYYY-MM-DD in the configured zone (the context's clock) */
  today: string;
}

const todayOf = (options: ViewOptions) => options.today;

async function trackedDistrictTargets(db: Kysely<Database>, options: ViewOptions, districtIds?: number[]) {
  const targets = await listDistrictTargets(db, districtIds);
  // Every district: read all progress rather than bind tens of thousands of ids into one query.
  const progress = await listProgress(db, {
    includeDemo: options.includeDemo,
    ...(districtIds ? { commitmentIds: [...new Set(targets.map((t) => t.commitmentId))] } : {}),
  });
  const standing = standingEntries(progress);
  const today = todayOf(options);
  const rows = targets.map((t) => {
    const entry = standing.get(progressKey(t.commitmentId, t.districtId));
    const value = entry?.value ?? null;
    const status: CommitmentStatus = commitmentStatus({
      reviewStatus: 'confirmed',
      withdrawn: t.withdrawnAt !== null,
      min: t.min,
      value,
      deadlineYear: t.deadlineYear,
      letterDate: t.letterDate,
      today,
    });
    return {
      ...t,
      value,
      asOf: entry?.asOf ?? null,
      status,
      completion: completionOf(value ?? undefined, t.min),
    };
  });
  return { rows, progress };
}

/** The current districts side by side: how many targets each has and where they stand. */
export async function compareDistricts(db: Kysely<Database>, options: ViewOptions) {
  const [districts, { rows }] = await Promise.all([
    listCurrentDistricts(db),
    trackedDistrictTargets(db, options),
  ]);
  return districts.map((d) => {
    // by name: a target may point at an older row of the same district
    const own = rows.filter((r) => r.districtName === d.name && r.withdrawnAt === null);
    const counts = tallyStatuses(own.map((r) => r.status));
    return {
      name: d.name,
      city: d.city,
      targets: own.length,
      achieved: counts.achieved,
      onTrack: counts.on_track,
      notStarted: counts.not_started,
      behind: counts.behind,
      overdue: counts.overdue,
      completion: own.length ? own.reduce((sum, r) => sum + r.completion, 0) / own.length : null,
    };
  });
}

/** One district: its targets with progress and status there, and its targets year by year. */
export async function districtView(db: Kysely<Database>, name: string, options: ViewOptions) {
  const ids = await districtIdsNamed(db, name);
  if (ids.length === 0) return null;
  const [{ rows, progress }, span] = await Promise.all([
    trackedDistrictTargets(db, options, ids),
    letterYearSpan(db),
  ]);
  const counted = rows.filter((r) => r.withdrawnAt === null);
  const lastProgressYear = progress.reduce((y, p) => Math.max(y, Number(p.asOf.slice(0, 4))), 0);
  const first = span.first ?? Number(todayOf(options).slice(0, 4));
  const last = Math.max(first, lastProgressYear, span.last ?? first);
  const years = Array.from({ length: last - first + 1 }, (_, i) => first + i);
  // One pseudo-district for all rows of the name, so boundary-year rows add up as one district.
  const cells = counted.length
    ? summarizeDistrictYears(
        counted.map((r) => ({ commitmentId: r.commitmentId, districtId: r.districtId, min: r.min })),
        progress,
        years,
      )
    : [];
  const byYear = years.map((year) => {
    const own = cells.filter((c) => c.year === year);
    const targets = own.reduce((s, c) => s + c.targets, 0);
    return {
      year,
      targets,
      achieved: own.reduce((s, c) => s + c.achieved, 0),
      completion: targets ? own.reduce((s, c) => s + c.completion * c.targets, 0) / targets : null,
    };
  });
  return {
    name,
    counts: tallyStatuses(counted.map((r) => r.status)),
    commitments: rows.map((r) => ({
      commitmentId: r.commitmentId,
      letterId: r.letterId,
      object: r.object,
      unit: r.unit,
      quote: r.quote,
      agency: r.agency,
      deadlineYear: r.deadlineYear,
      min: r.min,
      max: r.max,
      value: r.value,
      asOf: r.asOf,
      status: r.status,
    })),
    byYear,
  };
}
