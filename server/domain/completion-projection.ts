/**
 * When a quantified commitment will really be done, judged from its own progress history.
 *
 * The method (also in docs/commitment-status.md):
 *  1. The history becomes a series of (date, city total): at each entry date, the sum over the
 *     commitment's districts of the latest standing value on or before that date. Corrections
 *     replace what they supersede, so a corrected figure never bends the line.
 *  2. The recent part of the series is kept: the points in the year before the latest entry. With a
 *     single point, the letter date with nothing done is the other end (the pace since the promise).
 *  3. A least-squares straight line through those points gives the pace per day; where it reaches
 *     the target is the projected date (never before today: the line cannot finish work that has
 *     not been reported).
 *  4. No projection when the target is reached, when fewer than two points exist, or when the pace
 *     is not positive (stalled: shown as such, not as a date centuries away).
 *  5. A history whose latest entry is more than a year before today says nothing about the pace now:
 *     it is shown as unreported since then, never as a finish date already in the past.
 */
import type { CompletionProjection } from '../../shared/completion-projection';
import type { ProgressPoint } from './progress-summary';

export type { CompletionProjection };

export interface ProjectionInput {
  /** the commitment's progress entries (any districts, superseded ones included) */
  entries: readonly ProgressPoint[];
  /** city total of the target minimum */
  target: number;
  /** YYYY-MM-DD; the start of the pace when only one entry exists */
  letterDate: string | null;
  deadlineYear: number | null;
  /** YYYY-MM-DD in the configured zone */
  today: string;
}

const DAY_MS = 86_400_000;
const RECENT_DAYS = 365;
/** Beyond this the line says nothing useful; shown as stalled rather than as a far-off year. */
const HORIZON_DAYS = 50 * 365;

const dayOf = (iso: string) => Math.floor(Date.parse(`${iso.slice(0, 10)}T00:00:00Z`) / DAY_MS);
const isoOf = (day: number) => new Date(day * DAY_MS).toISOString().slice(0, 10);

/** (day, city total) after each entry date, oldest first. */
export function cumulativeSeries(entries: readonly ProgressPoint[]): { day: number; total: number }[] {
  const superseded = new Set(entries.flatMap((e) => (e.supersedesId === null ? [] : [e.supersedesId])));
  const standing = entries
    .filter((e) => !superseded.has(e.id))
    .sort((a, b) => (a.asOf === b.asOf ? a.id - b.id : a.asOf < b.asOf ? -1 : 1));
  const latestByDistrict = new Map<number | null, number>();
  const series: { day: number; total: number }[] = [];
  for (const entry of standing) {
    latestByDistrict.set(entry.districtId, entry.value);
    let total = 0;
    for (const value of latestByDistrict.values()) total += value;
    const day = dayOf(entry.asOf);
    const last = series.at(-1);
    if (last && last.day === day) last.total = total;
    else series.push({ day, total });
  }
  return series;
}

function fitLine(points: readonly { day: number; total: number }[]) {
  const n = points.length;
  const meanX = points.reduce((s, p) => s + p.day, 0) / n;
  const meanY = points.reduce((s, p) => s + p.total, 0) / n;
  let sxy = 0;
  let sxx = 0;
  for (const p of points) {
    sxy += (p.day - meanX) * (p.total - meanY);
    sxx += (p.day - meanX) ** 2;
  }
  const slope = sxx === 0 ? 0 : sxy / sxx;
  return { slope, intercept: meanY - slope * meanX };
}

/** Months from the end of the deadline year to `date`'s month, 0 when not after it. */
function monthsAfterDeadline(date: string, deadlineYear: number): number {
  const [year, month] = date.split('-').map(Number) as [number, number];
  // The month in which the work is finished counts whole: March 2027 is 15 months after 2025.
  return year <= deadlineYear ? 0 : (year - deadlineYear - 1) * 12 + month;
}

export function projectCompletion(input: ProjectionInput): CompletionProjection | null {
  const series = cumulativeSeries(input.entries);
  const latest = series.at(-1);
  if (!latest || latest.total >= input.target || input.target <= 0) return null;
  let points = series.filter((p) => p.day >= latest.day - RECENT_DAYS);
  if (points.length < 2 && input.letterDate !== null && dayOf(input.letterDate) < latest.day) {
    points = [{ day: dayOf(input.letterDate), total: 0 }, ...points];
  }
  if (points.length < 2) return null;
  const today = dayOf(input.today);
  if (latest.day < today - RECENT_DAYS) return { kind: 'unreported', lastAsOf: isoOf(latest.day) };
  const { slope, intercept } = fitLine(points);
  if (!(slope > 0)) return { kind: 'stalled', basis: points.length };
  const reachDay = Math.max(today, Math.ceil((input.target - intercept) / slope));
  if (reachDay - latest.day > HORIZON_DAYS) return { kind: 'stalled', basis: points.length };
  const date = isoOf(reachDay);
  return {
    kind: 'projected',
    date,
    monthsLate: input.deadlineYear === null ? null : monthsAfterDeadline(date, input.deadlineYear),
    basis: points.length,
  };
}
