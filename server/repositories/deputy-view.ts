/** What the deputy view reads: deputies, their suggestions, the replies and the latest ratings. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

export async function listDeputies(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('deputies')
    .leftJoin('suggestion_deputies', 'suggestion_deputies.deputy_id', 'deputies.id')
    .select([
      'deputies.name',
      sql<number>`cast(count(suggestion_deputies.suggestion_id) as integer)`.as('suggestions'),
    ])
    .groupBy(['deputies.id', 'deputies.name'])
    .orderBy('deputies.name')
    .execute();
  return rows.map((r) => ({ name: r.name, suggestions: Number(r.suggestions) }));
}

export async function findDeputy(db: Kysely<Database>, name: string) {
  return db.selectFrom('deputies').select(['id', 'name']).where('name', '=', name).executeTakeFirst();
}

export async function suggestionsOfDeputy(db: Kysely<Database>, deputyId: number) {
  return db
    .selectFrom('suggestion_deputies')
    .innerJoin('suggestions', 'suggestions.id', 'suggestion_deputies.suggestion_id')
    .select([
      'suggestions.id',
      'suggestions.ref',
      'suggestions.title',
      'suggestions.year',
      'suggestion_deputies.is_lead as isLead',
    ])
    .where('suggestion_deputies.deputy_id', '=', deputyId)
    .orderBy('suggestions.year', 'desc')
    .orderBy('suggestions.id', 'desc')
    .execute();
}

export async function repliesTo(db: Kysely<Database>, suggestionIds: readonly number[]) {
  if (suggestionIds.length === 0) return [];
  return db
    .selectFrom('letters')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([
      'letters.id',
      'letters.suggestion_id as suggestionId',
      'letters.title',
      'letters.doc_number as docNumber',
      'letters.letter_date as letterDate',
      'letters.result_grade as resultGrade',
      'agencies.name as agency',
    ])
    .where('letters.suggestion_id', 'in', suggestionIds)
    .orderBy('letters.letter_date')
    .orderBy('letters.id')
    .execute();
}

/** The rating that counts for each letter: the latest (history is kept, the last word stands). */
export async function latestRatings(db: Kysely<Database>, letterIds: readonly number[]) {
  if (letterIds.length === 0) return new Map<number, 'satisfied' | 'basically' | 'unsatisfied'>();
  const rows = await db
    .selectFrom('satisfaction_ratings')
    .select(['letter_id', 'level'])
    .where('letter_id', 'in', letterIds)
    .orderBy('id', 'desc')
    .execute();
  const latest = new Map<number, 'satisfied' | 'basically' | 'unsatisfied'>();
  for (const row of rows) if (!latest.has(row.letter_id)) latest.set(row.letter_id, row.level);
  return latest;
}
