/** Reading letters: the list and one letter with its commitments. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, NewLetter } from '../../db/schema';
import type { ExistingLetter } from '../domain/duplicate-letter';

export async function listLetters(db: Kysely<Database>) {
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
