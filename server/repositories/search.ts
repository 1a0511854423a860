/**
 * Finds letters and commitments containing a term, as a substring, case-insensitively.
 *
 * SQLite: terms of three or more characters go through the FTS5 trigram tables of migration
 * 0002; shorter ones cannot form a trigram, so they are a LIKE scan. PostgreSQL: ILIKE, which the
 * pg_trgm GIN indexes serve for three or more characters. Either way the answer is the set of
 * rows whose text contains the term, so both databases return the same results.
 */
import { type Kysely, sql } from 'kysely';
import type { Dialect } from '../../db/connect';
import type { Database } from '../../db/schema';

/** Beyond this many hits of one kind the reader should narrow the term, not scroll. */
export const SEARCH_LIMIT = 50;

const MIN_TRIGRAM = 3;

/** `%`, `_` and the escape character itself match literally. */
export function likePattern(term: string): string {
  return `%${term.replace(/[\\%_]/g, (c) => `\\${c}`)}%`;
}

/** An FTS5 phrase: the whole term, quotes doubled, so no character is read as query syntax. */
export function ftsPhrase(term: string): string {
  return `"${term.replaceAll('"', '""')}"`;
}

const viaTrigramIndex = (dialect: Dialect, term: string) =>
  dialect === 'sqlite' && [...term].length >= MIN_TRIGRAM;

/** The condition "this row's text contains the term", for the table's searchable columns. */
function matches(
  dialect: Dialect,
  table: 'letters' | 'commitments',
  columns: readonly string[],
  term: string,
) {
  if (viaTrigramIndex(dialect, term)) {
    const fts = sql.table(`${table}_fts`);
    return sql<boolean>`${sql.ref(`${table}.id`)} in (select rowid from ${fts} where ${fts} match ${ftsPhrase(term)})`;
  }
  const operator = dialect === 'postgres' ? sql`ilike` : sql`like`;
  const pattern = likePattern(term);
  const each = columns.map((c) => sql`${sql.ref(`${table}.${c}`)} ${operator} ${pattern} escape '\\'`);
  return sql<boolean>`(${sql.join(each, sql` or `)})`;
}

export async function findLetters(db: Kysely<Database>, dialect: Dialect, term: string) {
  return db
    .selectFrom('letters')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([
      'letters.id',
      'letters.title',
      'letters.text',
      'letters.letter_date as letterDate',
      'letters.deputy_names as deputy',
      'agencies.name as agency',
    ])
    .where(matches(dialect, 'letters', ['title', 'text'], term))
    .orderBy('letters.id', 'desc')
    .limit(SEARCH_LIMIT + 1)
    .execute();
}

/** Rejected extractions are not commitments (docs/commitment-status.md), so they are not found. */
export async function findCommitments(db: Kysely<Database>, dialect: Dialect, term: string) {
  return db
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([
      'commitments.id',
      'commitments.letter_id as letterId',
      'commitments.kind',
      'commitments.quote',
      'commitments.object',
      'commitments.unit',
      'commitments.target_min as min',
      'commitments.target_max as max',
      'commitments.deadline_year as deadlineYear',
      'commitments.review_status as reviewStatus',
      'commitments.withdrawn_at as withdrawnAt',
      'commitments.milestone_state as milestoneState',
      'letters.letter_date as letterDate',
      'letters.title as letterTitle',
      'agencies.name as agency',
    ])
    .where('commitments.review_status', '!=', 'rejected')
    .where(matches(dialect, 'commitments', ['quote', 'object'], term))
    .orderBy('commitments.id', 'desc')
    .limit(SEARCH_LIMIT + 1)
    .execute();
}
