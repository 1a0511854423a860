/** Counts for the dashboard's headline figures. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';
import { counted } from './counted';

export async function countOverview(db: Kysely<Database>, { includeDemo }: { includeDemo: boolean }) {
  const count = (table: keyof Database) =>
    db
      .selectFrom(table)
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .executeTakeFirstOrThrow()
      .then((r) => Number(r.n));
  const byKind = await db
    .selectFrom('commitments')
    .select(['kind', 'review_status', sql<number>`cast(count(*) as integer)`.as('n')])
    .where('withdrawn_at', 'is', null)
    .groupBy(['kind', 'review_status'])
    .execute();
  const countOf = (kind: string, status: string) =>
    byKind
      .filter((r) => (kind === '*' || r.kind === kind) && r.review_status === status)
      .reduce((s, r) => s + Number(r.n), 0);
  const demo = await db
    .selectFrom('progress_updates')
    .select(sql<number>`cast(count(*) as integer)`.as('n'))
    .where('is_demo', '=', 1)
    .executeTakeFirstOrThrow();
  const [letters, agencies, allUpdates, targets] = await Promise.all([
    count('letters'),
    count('agencies'),
    count('progress_updates'),
    count('commitment_targets'),
  ]);
  const demoUpdates = Number(demo.n);
  return {
    letters,
    agencies,
    progressUpdates: includeDemo ? allUpdates : allUpdates - demoUpdates,
    targets,
    demoProgressUpdates: includeDemo ? demoUpdates : 0,
    commitments: countOf('quantified', 'confirmed'),
    milestones: countOf('milestone', 'confirmed'),
    awaitingReview: countOf('*', 'unverified'),
  };
}

export async function letterYearSpan(
  db: Kysely<Database>,
): Promise<{ first: number | null; last: number | null }> {
  const row = await db
    .selectFrom('letters')
    .select((eb) => [eb.fn.min('letter_date').as('first'), eb.fn.max('letter_date').as('last')])
    .executeTakeFirst();
  const year = (d: string | null | undefined) => (d ? Number(d.slice(0, 4)) : null);
  return { first: year(row?.first), last: year(row?.last) };
}

/** Commitments broken down into district targets: the ones a per-district chart can show. */
export async function listAllocatedCommitments(db: Kysely<Database>) {
  return db
    .selectFrom('commitments')
    .innerJoin('commitment_targets', 'commitment_targets.commitment_id', 'commitments.id')
    .select([
      'commitments.id',
      'commitments.object',
      'commitments.unit',
      'commitments.per_scope as per',
      sql<number>`cast(count(commitment_targets.id) as integer)`.as('districts'),
    ])
    .where(counted)
    .where('commitment_targets.district_id', 'is not', null)
    .groupBy(['commitments.id', 'commitments.object', 'commitments.unit', 'commitments.per_scope'])
    .orderBy('commitments.id')
    .execute();
}
