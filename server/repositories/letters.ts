/** Reading letters: one page of the list with its count, and one letter with its commitments. */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from '../../db/connect';
import type { Database, NewLetter } from '../../db/schema';
import type { LetterGradeFilter, LetterRatingFilter } from '../../shared/schemas/letters';
import type { ExistingLetter } from '../domain/duplicate-letter';

/** What narrows the letters list, as ids the services resolved from the URL's names. */
export interface LetterListWhere {
  /** the year of the suggestion answered, or the letter's own date when it answers none (or one without a year) */
  year: number | null;
  agencyId: number | null;
  /** the session's or deputy's suggestions; null: no such filter */
  suggestionIds: ReadonlySet<number> | null;
  grade: LetterGradeFilter | undefined;
  rating: LetterRatingFilter | undefined;
}

/**
 * The ids given as one JSON parameter read back as rows: a session can hold more suggestions
 * than SQLite binds parameters in one statement, and one parameter has no such bound.
 */
function idsOf(dialect: Dialect, ids: ReadonlySet<number>) {
  const json = JSON.stringify([...ids]);
  return dialect === 'postgres'
    ? sql<number>`(select (jsonb_array_elements_text(${json}::jsonb))::integer)`
    : sql<number>`(select value from json_each(${json}))`;
}

/** The ids of the letters the filters keep (letters only: the page and the count both read it). */
function matchingLetterIds(db: Kysely<Database>, dialect: Dialect, where: LetterListWhere) {
  const { year, agencyId, suggestionIds, grade, rating } = where;
  const suggestionsOfYear = (y: number | null) =>
    db
      .selectFrom('suggestions')
      .select('suggestions.id')
      .where('suggestions.year', y === null ? 'is' : '=', y);
  return db
    .selectFrom('letters')
    .select('letters.id')
    .$if(year !== null, (q) =>
      q.where((eb) =>
        eb.or([
          eb('letters.suggestion_id', 'in', suggestionsOfYear(year)),
          eb.and([
            eb('letters.letter_date', 'like', `${year}-%`),
            eb.or([
              eb('letters.suggestion_id', 'is', null),
              eb('letters.suggestion_id', 'in', suggestionsOfYear(null)),
            ]),
          ]),
        ]),
      ),
    )
    .$if(agencyId !== null, (q) => q.where('letters.agency_id', '=', agencyId as number))
    .$if(suggestionIds !== null, (q) =>
      q.where('letters.suggestion_id', 'in', idsOf(dialect, suggestionIds ?? new Set())),
    )
    .$if(grade !== undefined, (q) =>
      grade === 'graded'
        ? q.where('letters.result_grade', 'is not', null)
        : q.where('letters.result_grade', '=', grade as Exclude<LetterGradeFilter, 'graded'>),
    )
    .$if(rating !== undefined, (q) =>
      q.where((eb) => {
        // the rating that stands is the latest (history is kept, the last word counts)
        const latest = eb
          .selectFrom('satisfaction_ratings')
          .select('satisfaction_ratings.level')
          .whereRef('satisfaction_ratings.letter_id', '=', 'letters.id')
          .orderBy('satisfaction_ratings.id', 'desc')
          .limit(1);
        if (rating === 'rated') return eb(latest, 'is not', null);
        if (rating === 'favourable') return eb(latest, 'in', ['satisfied', 'basically']);
        return eb(latest, '=', rating as Exclude<LetterRatingFilter, 'rated' | 'favourable'>);
      }),
    );
}

/** How many letters the filters keep: the list's total, counted by the database. */
export async function countLetters(db: Kysely<Database>, dialect: Dialect, where: LetterListWhere) {
  const row = await db
    .selectFrom(matchingLetterIds(db, dialect, where).as('m'))
    .select((eb) => eb.fn.countAll<number>().as('count'))
    .executeTakeFirst();
  // PostgreSQL counts as bigint, which the driver hands over as text.
  return Number(row?.count ?? 0);
}

/** One page of the letters the filters keep, the newest first, with their commitment counts. */
export async function listLetterPage(
  db: Kysely<Database>,
  dialect: Dialect,
  where: LetterListWhere,
  { page, pageSize }: { page: number; pageSize: number },
) {
  const rows = await db
    .selectFrom('letters')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .leftJoin('suggestions', 'suggestions.id', 'letters.suggestion_id')
    .leftJoin('commitments', 'commitments.letter_id', 'letters.id')
    .select((eb) => [
      'letters.id',
      'letters.title',
      'letters.letter_date as letterDate',
      'letters.result_grade as resultGrade',
      'letters.doc_number as docNumber',
      'letters.deputy_names as deputy',
      'letters.source_name as sourceName',
      'letters.created_at as createdAt',
      'agencies.name as agency',
      'suggestions.ref as suggestionRef',
      eb.fn
        .sum<number>(eb.case().when('commitments.kind', '=', 'quantified').then(1).else(0).end())
        .as('commitments'),
      eb.fn
        .sum<number>(eb.case().when('commitments.kind', '=', 'milestone').then(1).else(0).end())
        .as('milestones'),
    ])
    .where('letters.id', 'in', matchingLetterIds(db, dialect, where))
    .groupBy([
      'letters.id',
      'letters.title',
      'letters.letter_date',
      'letters.result_grade',
      'letters.doc_number',
      'letters.deputy_names',
      'letters.source_name',
      'letters.created_at',
      'agencies.name',
      'suggestions.ref',
    ])
    .orderBy('letters.id', 'desc')
    .limit(pageSize)
    .offset((page - 1) * pageSize)
    .execute();
  return rows.map((r) => ({
    ...r,
    commitments: Number(r.commitments ?? 0),
    milestones: Number(r.milestones ?? 0),
  }));
}

export async function findLetter(db: Kysely<Database>, id: number) {
  return db
    .selectFrom('letters')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .leftJoin('suggestions', 'suggestions.id', 'letters.suggestion_id')
    .select([
      'letters.id',
      'letters.title',
      'letters.text',
      'letters.letter_date as letterDate',
      'letters.result_grade as resultGrade',
      'letters.doc_number as docNumber',
      'letters.deputy_names as deputy',
      'letters.contact_person as contactPerson',
      'letters.contact_phone as contactPhone',
      'letters.cc',
      'letters.source_name as sourceName',
      'letters.source_encoding as sourceEncoding',
      'letters.created_at as createdAt',
      'agencies.name as agency',
      'suggestions.ref as suggestionRef',
      'letters.suggestion_id as suggestionId',
    ])
    .where('letters.id', '=', id)
    .executeTakeFirst();
}

/** The text a commitment's quote is taken from. */
export async function findLetterText(db: Kysely<Database> | Transaction<Database>, id: number) {
  return db.selectFrom('letters').select('text').where('id', '=', id).executeTakeFirst();
}

/** The agency a letter answers for, 0 when it names none (the figures' grouping key). */
export async function letterAgencyKey(db: Kysely<Database> | Transaction<Database>, id: number) {
  const row = await db.selectFrom('letters').select('agency_id').where('id', '=', id).executeTakeFirst();
  return row?.agency_id ?? 0;
}

/** The stored letter with this text (by its content hash), if any. */
export async function findByContentHash(
  db: Kysely<Database> | Transaction<Database>,
  hash: string,
): Promise<ExistingLetter | null> {
  const row = await db
    .selectFrom('letters')
    .select(['id', 'doc_number as docNumber', 'title'])
    .where('content_hash', '=', hash)
    .executeTakeFirst();
  return row ?? null;
}

export async function insertLetter(db: Kysely<Database> | Transaction<Database>, letter: NewLetter) {
  const { id } = await db.insertInto('letters').values(letter).returning('id').executeTakeFirstOrThrow();
  return id;
}
