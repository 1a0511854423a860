/**
 * The suggestions of a session or of a deputy, and the letters answering them: what the overview's
 * session and deputy filters narrow the figures to.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

/** Every suggestion with its reference and year (the session is read from the reference). */
export async function listSuggestionRefs(db: Kysely<Database>) {
  return db.selectFrom('suggestions').select(['id', 'ref', 'year']).orderBy('id').execute();
}

/** The suggestions the deputy made or co-signed; null when no deputy has that name. */
export async function suggestionIdsOfDeputy(db: Kysely<Database>, name: string): Promise<number[] | null> {
  const deputy = await db.selectFrom('deputies').select('id').where('name', '=', name).executeTakeFirst();
  if (!deputy) return null;
  const rows = await db
    .selectFrom('suggestion_deputies')
    .select('suggestion_id')
    .where('deputy_id', '=', deputy.id)
    .execute();
  return rows.map((r) => r.suggestion_id);
}

/**
 * Letters answering any of the suggestions. Read whole and matched here: a session can hold more
 * suggestions than SQLite binds parameters in one statement, and the table is small.
 */
export async function letterIdsAnswering(
  db: Kysely<Database>,
  suggestionIds: ReadonlySet<number>,
): Promise<number[]> {
  if (suggestionIds.size === 0) return [];
  const rows = await db
    .selectFrom('letters')
    .select(['id', 'suggestion_id as suggestionId'])
    .where('suggestion_id', 'is not', null)
    .execute();
  return rows.filter((r) => r.suggestionId !== null && suggestionIds.has(r.suggestionId)).map((r) => r.id);
}

/** Deputies who made at least one suggestion, by name: the overview's deputy filter. */
export async function listSuggestingDeputies(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('deputies')
    .select('deputies.name')
    .where(({ exists, selectFrom }) =>
      exists(
        selectFrom('suggestion_deputies')
          .select('suggestion_deputies.suggestion_id')
          .whereRef('suggestion_deputies.deputy_id', '=', 'deputies.id'),
      ),
    )
    .orderBy('deputies.name')
    .execute();
  return rows.map((r) => r.name);
}
