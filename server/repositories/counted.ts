/**
 * The shared query vocabulary of the figures. "A counted commitment is confirmed and not withdrawn"
 * is written here once; every repository that sums, lists or tallies counted items filters with
 * it, so the rule cannot drift between the overview, the tallies and the lists.
 */
import type { ExpressionBuilder } from 'kysely';
import type { Database } from '../../db/schema';

/** `.where(counted)`: confirmed by the office and not withdrawn since. */
export function counted(eb: ExpressionBuilder<Database, 'commitments'>) {
  return eb.and([
    eb('commitments.review_status', '=', 'confirmed'),
    eb('commitments.withdrawn_at', 'is', null),
  ]);
}
