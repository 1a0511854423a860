/** A commitment's projected finish, as the server computes it and the pages show it. */
export type CompletionProjection =
  | {
      kind: 'projected';
      /** YYYY-MM-DD on which the recent pace reaches the target */
      date: string;
      /** months after the end of the deadline year (0 when on time, null without a deadline) */
      monthsLate: number | null;
      /** how many points of the history the line rests on */
      basis: number;
    }
  | { kind: 'stalled'; basis: number }
  /** nothing reported in the year before today: the pace now is unknown */
  | { kind: 'unreported'; lastAsOf: string };

/** Projected to miss its deadline: a date after it, or no pace at all while the deadline is ahead. */
export function projectedLate(
  projection: CompletionProjection | null,
  status: string,
  deadlineYear: number | null,
): boolean {
  if (projection === null || status === 'overdue' || deadlineYear === null) return false;
  return projection.kind !== 'projected' || (projection.monthsLate ?? 0) > 0;
}
