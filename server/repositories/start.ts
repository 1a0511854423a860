/**
 * What the start pages read that no other repository reads: one agency's commitments and open
 * 督办, the office's corrections of its reports, the review queue by certainty, follow-ups coming
 * due, agencies without a report this month, and letters whose standing rating is 不满意.
 * Read-only: nothing here writes.
 */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

/** The status inputs of every commitment in one agency's letters (rejected extractions left out). */
export async function commitmentsOfAgency(db: Kysely<Database>, agencyId: number) {
  return db
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .select([
      'commitments.id',
      'commitments.letter_id as letterId',
      'commitments.kind',
      'commitments.quote',
      'commitments.object',
      'commitments.unit',
      'commitments.target_min as min',
      'commitments.deadline_year as deadlineYear',
      'commitments.review_status as reviewStatus',
      'commitments.withdrawn_at as withdrawnAt',
      'commitments.milestone_state as milestoneState',
      'letters.letter_date as letterDate',
      'letters.title as letterTitle',
    ])
    .where('letters.agency_id', '=', agencyId)
    .where('commitments.review_status', '!=', 'rejected')
    .orderBy('commitments.deadline_year')
    .orderBy('commitments.id')
    .execute();
}

/** The latest progress date (as_of) per commitment; demo entries only when they are shown. */
export async function lastReportDates(
  db: Kysely<Database>,
  commitmentIds: readonly number[],
  includeDemo: boolean,
): Promise<Map<number, string>> {
  if (commitmentIds.length === 0) return new Map();
  let query = db
    .selectFrom('progress_updates')
    .select(['commitment_id as commitmentId', sql<string>`max(as_of)`.as('lastAsOf')])
    .where('commitment_id', 'in', commitmentIds)
    .groupBy('commitment_id');
  if (!includeDemo) query = query.where('is_demo', '=', 0);
  const rows = await query.execute();
  return new Map(rows.map((r) => [r.commitmentId, r.lastAsOf]));
}

const followUpColumns = [
  'follow_ups.id',
  'follow_ups.commitment_id as commitmentId',
  'follow_ups.request',
  'follow_ups.due_date as dueDate',
  'follow_ups.created_at as createdAt',
  'commitments.quote',
  'commitments.object',
  'agencies.name as agency',
] as const;

/**
 * Unanswered 督办, by due date (earliest, so overdue, first; those without a date last). With an
 * agency: only its own; with `dueBy`: only those due on or before that day.
 */
export async function openFollowUps(db: Kysely<Database>, filter: { agencyId?: number; dueBy?: string }) {
  let query = db
    .selectFrom('follow_ups')
    .innerJoin('commitments', 'commitments.id', 'follow_ups.commitment_id')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select(followUpColumns)
    .where('follow_ups.response', 'is', null);
  if (filter.agencyId !== undefined) query = query.where('letters.agency_id', '=', filter.agencyId);
  if (filter.dueBy !== undefined) query = query.where('follow_ups.due_date', '<=', filter.dueBy);
  return query
    .orderBy(sql`case when follow_ups.due_date is null then 1 else 0 end`)
    .orderBy('follow_ups.due_date')
    .orderBy('follow_ups.id')
    .execute();
}

/**
 * Progress entries of one agency's commitments that an office user corrected: the report came
 * back from the office with another value and a reason, which the clerk should read.
 */
export async function officeCorrections(db: Kysely<Database>, agencyId: number, limit: number) {
  return db
    .selectFrom('progress_updates as corrected')
    .innerJoin('progress_updates as original', 'original.id', 'corrected.supersedes_id')
    .innerJoin('users', 'users.id', 'corrected.reporter_user_id')
    .innerJoin('commitments', 'commitments.id', 'corrected.commitment_id')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('districts', 'districts.id', 'corrected.district_id')
    .select([
      'corrected.id',
      'corrected.commitment_id as commitmentId',
      'commitments.object',
      'commitments.quote',
      'commitments.unit',
      'districts.name as districtName',
      'original.value as reportedValue',
      'corrected.value as correctedValue',
      'corrected.correction_reason as reason',
      'corrected.created_at as correctedAt',
      'users.display_name as correctedBy',
    ])
    .where('letters.agency_id', '=', agencyId)
    .where('users.role', '=', 'office')
    .orderBy('corrected.created_at', 'desc')
    .orderBy('corrected.id', 'desc')
    .limit(limit)
    .execute();
}

/**
 * Items waiting for review, least certain first (items without a score, added by hand or stored
 * before scores were kept, after the scored ones), and how many wait in all.
 */
export async function reviewQueueByCertainty(db: Kysely<Database>, limit: number) {
  const [items, total] = await Promise.all([
    db
      .selectFrom('commitments')
      .innerJoin('letters', 'letters.id', 'commitments.letter_id')
      .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
      .select([
        'commitments.id',
        'commitments.letter_id as letterId',
        'commitments.kind',
        'commitments.quote',
        'commitments.object',
        'commitments.confidence',
        'agencies.name as agency',
      ])
      .where('commitments.review_status', '=', 'unverified')
      .orderBy(sql`case when commitments.confidence is null then 1 else 0 end`)
      .orderBy('commitments.confidence')
      .orderBy('commitments.id')
      .limit(limit)
      .execute(),
    db
      .selectFrom('commitments')
      .select(sql<number>`cast(count(*) as integer)`.as('n'))
      .where('review_status', '=', 'unverified')
      .executeTakeFirstOrThrow(),
  ]);
  return { items, total: Number(total.n) };
}

/**
 * Agencies with commitments still to deliver (confirmed, not withdrawn, deadline not before
 * `sinceYear`) and no progress dated on or after `since`; with the date of their latest report.
 */
export async function agenciesWithoutReport(
  db: Kysely<Database>,
  options: { since: string; sinceYear: number; includeDemo: boolean },
) {
  const rows = await db
    .selectFrom('agencies')
    .innerJoin('letters', 'letters.agency_id', 'agencies.id')
    .innerJoin('commitments', 'commitments.letter_id', 'letters.id')
    .leftJoin('progress_updates', (join) => {
      const own = join.onRef('progress_updates.commitment_id', '=', 'commitments.id');
      return options.includeDemo ? own : own.on('progress_updates.is_demo', '=', 0);
    })
    .select([
      'agencies.id',
      'agencies.name',
      sql<number>`cast(count(distinct commitments.id) as integer)`.as('open'),
      sql<string | null>`max(progress_updates.as_of)`.as('lastAsOf'),
    ])
    .where('commitments.review_status', '=', 'confirmed')
    .where('commitments.withdrawn_at', 'is', null)
    .where((eb) =>
      eb.or([
        eb('commitments.deadline_year', 'is', null),
        eb('commitments.deadline_year', '>=', options.sinceYear),
      ]),
    )
    .groupBy(['agencies.id', 'agencies.name'])
    .having((eb) =>
      eb.or([
        eb(sql`max(progress_updates.as_of)`, 'is', null),
        eb(sql`max(progress_updates.as_of)`, '<', options.since),
      ]),
    )
    .orderBy('agencies.name')
    .execute();
  return rows.map((r) => ({ ...r, open: Number(r.open) }));
}

/** Letters whose latest rating (the one that stands) is 不满意, newest rating first. */
export async function unsatisfiedLetters(db: Kysely<Database>) {
  return db
    .selectFrom('satisfaction_ratings')
    .innerJoin('letters', 'letters.id', 'satisfaction_ratings.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .leftJoin('suggestions', 'suggestions.id', 'letters.suggestion_id')
    .select([
      'letters.id as letterId',
      'letters.title',
      'letters.deputy_names as deputyNames',
      'suggestions.ref as suggestionRef',
      'agencies.name as agency',
      'satisfaction_ratings.comment',
      'satisfaction_ratings.created_at as ratedAt',
    ])
    .where('satisfaction_ratings.level', '=', 'unsatisfied')
    .where(({ eb, selectFrom }) =>
      eb(
        'satisfaction_ratings.id',
        '=',
        selectFrom('satisfaction_ratings as later')
          .select(sql<number>`max(later.id)`.as('latest'))
          .whereRef('later.letter_id', '=', 'satisfaction_ratings.letter_id'),
      ),
    )
    .orderBy('satisfaction_ratings.created_at', 'desc')
    .execute();
}

/** The deputy's name, for the deputy view that is looked up by name. */
export async function deputyName(db: Kysely<Database>, deputyId: number) {
  const row = await db.selectFrom('deputies').select('name').where('id', '=', deputyId).executeTakeFirst();
  return row?.name ?? null;
}
