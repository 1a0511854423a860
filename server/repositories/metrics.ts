/**
 * The rows the overview and the annual report are computed from: suggestions and letters of a year
 * with each letter's latest satisfaction rating, and the counted commitments (confirmed, not
 * withdrawn) with their targets. Only the columns the figures need cross to the server's memory;
 * nothing here goes to the browser.
 */
import type { ExpressionBuilder, Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { counted } from './counted';

export interface ScopeFilter {
  year: number | null;
  agencyId: number | null;
}

export async function findAgencyId(db: Kysely<Database>, name: string): Promise<number | null> {
  const row = await db.selectFrom('agencies').select('id').where('name', '=', name).executeTakeFirst();
  return row?.id ?? null;
}

/** Every district row of that name (a boundary change keeps the name under a new row). */
export async function findDistrictIds(db: Kysely<Database>, name: string): Promise<number[]> {
  const rows = await db.selectFrom('districts').select('id').where('name', '=', name).execute();
  return rows.map((r) => r.id);
}

/** The suggestion was assigned to the agency, or the agency answered it. */
function handledBy(eb: ExpressionBuilder<Database, 'suggestions'>, agencyId: number) {
  return eb.or([
    eb.exists(
      eb
        .selectFrom('suggestion_agencies')
        .select('suggestion_agencies.agency_id')
        .whereRef('suggestion_agencies.suggestion_id', '=', 'suggestions.id')
        .where('suggestion_agencies.agency_id', '=', agencyId),
    ),
    eb.exists(
      eb
        .selectFrom('letters')
        .select('letters.id')
        .whereRef('letters.suggestion_id', '=', 'suggestions.id')
        .where('letters.agency_id', '=', agencyId),
    ),
  ]);
}

/**
 * Suggestions of the year (the year they were made in), each with whether any reply came: for
 * figures over a set of suggestions held in memory (a session, a deputy).
 */
export async function listSuggestionFacts(db: Kysely<Database>, { year, agencyId }: ScopeFilter) {
  let query = db
    .selectFrom('suggestions')
    .select((eb) => [
      'suggestions.id',
      eb
        .exists(
          eb
            .selectFrom('letters')
            .select('letters.id')
            .whereRef('letters.suggestion_id', '=', 'suggestions.id'),
        )
        .as('answered'),
    ]);
  if (year !== null) query = query.where('suggestions.year', '=', year);
  if (agencyId !== null) query = query.where((eb) => handledBy(eb, agencyId));
  const rows = await query.execute();
  // SQLite answers exists() with 0/1, PostgreSQL with a boolean.
  return rows.map((r) => ({ id: r.id, answered: Boolean(r.answered) }));
}

/**
 * Reply letters of the year — the year of the suggestion they answer, or their own date when they
 * answer none — with their result grade and the latest satisfaction rating.
 */
export async function listLetterFacts(db: Kysely<Database>, { year, agencyId }: ScopeFilter) {
  let query = db
    .selectFrom('letters')
    .leftJoin('suggestions', 'suggestions.id', 'letters.suggestion_id')
    .select((eb) => [
      'letters.id',
      'letters.result_grade as grade',
      eb
        .selectFrom('satisfaction_ratings')
        .select('satisfaction_ratings.level')
        .whereRef('satisfaction_ratings.letter_id', '=', 'letters.id')
        .orderBy('satisfaction_ratings.id', 'desc')
        .limit(1)
        .as('rating'),
    ]);
  if (year !== null) {
    query = query.where((eb) =>
      eb.or([
        eb('suggestions.year', '=', year),
        eb.and([eb('suggestions.year', 'is', null), eb('letters.letter_date', 'like', `${year}-%`)]),
      ]),
    );
  }
  if (agencyId !== null) query = query.where('letters.agency_id', '=', agencyId);
  return query.orderBy('letters.id').execute();
}

/**
 * Suggestions of the year (the year they were made in), counted, and how many had any reply —
 * counted by the database: a province's year has tens of thousands.
 */
export async function countSuggestionReplies(db: Kysely<Database>, { year, agencyId }: ScopeFilter) {
  let query = db.selectFrom('suggestions').select((eb) => [
    eb.fn.countAll<number>().as('suggestions'),
    eb.fn
      .sum<number>(
        eb
          .case()
          .when(
            eb.exists(
              eb
                .selectFrom('letters')
                .select('letters.id')
                .whereRef('letters.suggestion_id', '=', 'suggestions.id'),
            ),
          )
          .then(1)
          .else(0)
          .end(),
      )
      .as('answered'),
  ]);
  if (year !== null) query = query.where('suggestions.year', '=', year);
  if (agencyId !== null) query = query.where((eb) => handledBy(eb, agencyId));
  const row = await query.executeTakeFirst();
  // PostgreSQL counts as bigint, which the driver hands over as text.
  return { suggestions: Number(row?.suggestions ?? 0), answered: Number(row?.answered ?? 0) };
}

/**
 * Reply letters of the year — the year of the suggestion they answer, or their own date when they
 * answer none — counted per result grade and latest satisfaction rating.
 */
export async function countLetterFacts(db: Kysely<Database>, { year, agencyId }: ScopeFilter) {
  const lettersWithRating = () =>
    db
      .selectFrom('letters')
      .select((eb) => [
        'letters.result_grade as grade',
        eb
          .selectFrom('satisfaction_ratings')
          .select('satisfaction_ratings.level')
          .whereRef('satisfaction_ratings.letter_id', '=', 'letters.id')
          .orderBy('satisfaction_ratings.id', 'desc')
          .limit(1)
          .as('rating'),
      ])
      .$if(agencyId !== null, (q) => q.where('letters.agency_id', '=', agencyId as number));
  // Two disjoint parts, each read through its own index (an OR of the two reads every letter on
  // PostgreSQL): letters answering the year's suggestions, and letters of that date answering none
  // (or one without a year).
  const letters =
    year === null
      ? lettersWithRating()
      : lettersWithRating()
          .where(
            'letters.suggestion_id',
            'in',
            db.selectFrom('suggestions').select('suggestions.id').where('suggestions.year', '=', year),
          )
          .unionAll(
            lettersWithRating()
              .where('letters.letter_date', '>=', `${year}-01-01`)
              .where('letters.letter_date', '<=', `${year}-12-31`)
              .where((eb) =>
                eb.or([
                  eb('letters.suggestion_id', 'is', null),
                  eb(
                    'letters.suggestion_id',
                    'in',
                    eb
                      .selectFrom('suggestions')
                      .select('suggestions.id')
                      .where('suggestions.year', 'is', null),
                  ),
                ]),
              ),
          );
  const rows = await db
    .selectFrom(letters.as('l'))
    .select((eb) => ['l.grade', 'l.rating', eb.fn.countAll<number>().as('count')])
    .groupBy(['l.grade', 'l.rating'])
    .execute();
  return rows.map((r) => ({ grade: r.grade, rating: r.rating, count: Number(r.count) }));
}

/** Confirmed, not withdrawn commitments with what the figures and the overdue list show. */
export async function listCountedCommitments(
  db: Kysely<Database>,
  { agencyId }: Pick<ScopeFilter, 'agencyId'>,
) {
  let query = db
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([
      'commitments.id',
      'commitments.kind',
      'commitments.target_min as min',
      'commitments.target_max as max',
      'commitments.unit',
      'commitments.object',
      'commitments.deadline_year as deadlineYear',
      'commitments.milestone_state as milestoneState',
      'commitments.milestone_done_on as milestoneDoneOn',
      'commitments.reason_code as reasonCode',
      'commitments.quote',
      'letters.id as letterId',
      'letters.letter_date as letterDate',
      'letters.doc_number as docNumber',
      'letters.agency_id as agencyId',
      'agencies.name as agency',
    ])
    .where(counted);
  if (agencyId !== null) query = query.where('letters.agency_id', '=', agencyId);
  const rows = await query.orderBy('commitments.id').execute();
  return rows.map((r) => ({
    ...r,
    min: r.min === null ? null : Number(r.min),
    max: r.max === null ? null : Number(r.max),
  }));
}

/** Districts that have at least one counted target, in the gazetteer's order. */
export async function listTargetDistricts(db: Kysely<Database>) {
  return db
    .selectFrom('districts')
    .select(['districts.id', 'districts.name'])
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('commitment_targets')
          .innerJoin('commitments', 'commitments.id', 'commitment_targets.commitment_id')
          .select('commitment_targets.id')
          .whereRef('commitment_targets.district_id', '=', 'districts.id')
          .where(counted),
      ),
    )
    .orderBy('districts.sort_order')
    .orderBy('districts.id')
    .execute();
}

/** First and last year anything was promised or due: the span the year picker and heat map show. */
export async function metricYearSpan(db: Kysely<Database>) {
  const row = await db
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .select((eb) => [
      eb.fn.min('letters.letter_date').as('firstLetter'),
      eb.fn.max('letters.letter_date').as('lastLetter'),
      eb.fn.max('commitments.deadline_year').as('lastDeadline'),
    ])
    .where('commitments.review_status', '=', 'confirmed')
    .executeTakeFirst();
  const suggestions = await db
    .selectFrom('suggestions')
    .select((eb) => [eb.fn.min('year').as('first'), eb.fn.max('year').as('last')])
    .executeTakeFirst();
  const years = [
    row?.firstLetter ? Number(String(row.firstLetter).slice(0, 4)) : null,
    row?.lastLetter ? Number(String(row.lastLetter).slice(0, 4)) : null,
    row?.lastDeadline == null ? null : Number(row.lastDeadline),
    suggestions?.first == null ? null : Number(suggestions.first),
    suggestions?.last == null ? null : Number(suggestions.last),
  ].filter((y): y is number => y !== null && Number.isFinite(y));
  return years.length ? { first: Math.min(...years), last: Math.max(...years) } : null;
}

/** Years suggestions were made in (first and last), for the year picker. */
export async function suggestionYearSpan(db: Kysely<Database>): Promise<number[]> {
  const row = await db
    .selectFrom('suggestions')
    .select((eb) => [eb.fn.min('year').as('first'), eb.fn.max('year').as('last')])
    .executeTakeFirst();
  return [row?.first, row?.last].filter((y) => y != null).map(Number);
}

/** Agencies that replied to at least one letter, by name: the overview's agency filter. */
export async function listReplyingAgencies(db: Kysely<Database>) {
  return db
    .selectFrom('agencies')
    .select(['agencies.id', 'agencies.name'])
    .where(({ exists, selectFrom }) =>
      exists(selectFrom('letters').select('letters.id').whereRef('letters.agency_id', '=', 'agencies.id')),
    )
    .orderBy('agencies.name')
    .execute();
}

/**
 * Targets of counted commitments, only the columns the figures need: with 10,000 commitments the
 * general listTargets (district names, ordering) costs more than the whole computation.
 */
export async function listCountedTargets(db: Kysely<Database>, { agencyId }: Pick<ScopeFilter, 'agencyId'>) {
  let query = db
    .selectFrom('commitment_targets')
    .innerJoin('commitments', 'commitments.id', 'commitment_targets.commitment_id')
    .select([
      'commitment_targets.commitment_id as commitmentId',
      'commitment_targets.district_id as districtId',
      'commitment_targets.target_min as min',
    ])
    .where(counted);
  if (agencyId !== null) {
    query = query
      .innerJoin('letters', 'letters.id', 'commitments.letter_id')
      .where('letters.agency_id', '=', agencyId);
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, min: Number(r.min) }));
}

/** Progress entries of counted commitments, lean for the same reason. */
export async function listCountedProgress(
  db: Kysely<Database>,
  { agencyId, includeDemo }: Pick<ScopeFilter, 'agencyId'> & { includeDemo: boolean },
) {
  let query = db
    .selectFrom('progress_updates')
    .innerJoin('commitments', 'commitments.id', 'progress_updates.commitment_id')
    .select([
      'progress_updates.id',
      'progress_updates.commitment_id as commitmentId',
      'progress_updates.district_id as districtId',
      'progress_updates.value',
      'progress_updates.as_of as asOf',
      'progress_updates.supersedes_id as supersedesId',
    ])
    .where(counted);
  if (!includeDemo) query = query.where('progress_updates.is_demo', '=', 0);
  if (agencyId !== null) {
    query = query
      .innerJoin('letters', 'letters.id', 'commitments.letter_id')
      .where('letters.agency_id', '=', agencyId);
  }
  const rows = await query.execute();
  return rows.map((r) => ({ ...r, value: Number(r.value) }));
}
