/**
 * Completion of targets per district and year, from append-only progress history.
 * A progress value is cumulative as of its date; the value that counts at the end of a year is
 * the latest entry dated in or before that year that no later entry supersedes.
 */

export interface TargetPoint {
  commitmentId: number;
  districtId: number | null;
  min: number;
}

export interface ProgressPoint {
  id: number;
  commitmentId: number;
  districtId: number | null;
  value: number;
  /** YYYY-MM-DD */
  asOf: string;
  supersedesId: number | null;
}

/** A progress entry as the wire carries it: the point the figures count, with its evidence and author. */
export interface ProgressEntry extends ProgressPoint {
  evidenceText: string | null;
  evidenceUrl: string | null;
  attachmentId: number | null;
  reporterUserId: number | null;
  reporterName: string;
  correctionReason: string | null;
  /** made up for the demo (1), not reported */
  isDemo: boolean;
  createdAt: string;
}

export interface DistrictYearCell {
  districtId: number | null;
  year: number;
  targets: number;
  /** targets whose recorded value reached the minimum */
  achieved: number;
  /** mean of min(1, value / target) over the district's targets, 0..1 */
  completion: number;
}

export const progressKey = (commitmentId: number, districtId: number | null) =>
  `${commitmentId}:${districtId ?? 'city'}`;

/**
 * The entry that stands for each (commitment, district) as of `cutoff` (YYYY-MM-DD, inclusive;
 * no cutoff = today's standing): the latest by date, then by id, among entries not superseded.
 */
export function standingEntries(
  updates: readonly ProgressPoint[],
  cutoff?: string,
): Map<string, ProgressPoint> {
  const superseded = new Set(updates.flatMap((u) => (u.supersedesId === null ? [] : [u.supersedesId])));
  const latest = new Map<string, ProgressPoint>();
  for (const u of updates) {
    if (superseded.has(u.id) || (cutoff !== undefined && u.asOf > cutoff)) continue;
    const k = progressKey(u.commitmentId, u.districtId);
    const current = latest.get(k);
    if (!current || u.asOf > current.asOf || (u.asOf === current.asOf && u.id > current.id)) latest.set(k, u);
  }
  return latest;
}

export function completionOf(value: number | undefined, min: number): number {
  if (value === undefined) return 0;
  if (min <= 0) return value > 0 ? 1 : 0;
  return Math.max(0, Math.min(1, value / min));
}

export function summarizeDistrictYears(
  targets: readonly TargetPoint[],
  updates: readonly ProgressPoint[],
  years: readonly number[],
): DistrictYearCell[] {
  const cells: DistrictYearCell[] = [];
  const districtIds = [...new Set(targets.map((t) => t.districtId))];
  for (const year of years) {
    const standing = standingEntries(updates, `${year}-12-31`);
    for (const districtId of districtIds) {
      const own = targets.filter((t) => t.districtId === districtId);
      const completions = own.map((t) =>
        completionOf(standing.get(progressKey(t.commitmentId, t.districtId))?.value, t.min),
      );
      cells.push({
        districtId,
        year,
        targets: own.length,
        achieved: completions.filter((c) => c >= 1).length,
        completion: completions.reduce((a, b) => a + b, 0) / own.length,
      });
    }
  }
  return cells;
}
