/** Who answers for a letter and who suggested it: the facts the ownership rules (services/access.ts) read. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** The agencies answerable for a letter: the one that signed it and the suggestion's handlers. */
export async function agenciesOfLetter(db: Db, letterId: number): Promise<number[]> {
  const letter = await db
    .selectFrom('letters')
    .select(['agency_id', 'suggestion_id'])
    .where('id', '=', letterId)
    .executeTakeFirst();
  if (!letter) return [];
  const handlers = letter.suggestion_id
    ? await db
        .selectFrom('suggestion_agencies')
        .select('agency_id')
        .where('suggestion_id', '=', letter.suggestion_id)
        .execute()
    : [];
  return [
    ...new Set(
      [letter.agency_id, ...handlers.map((h) => h.agency_id)].filter((id): id is number => id !== null),
    ),
  ];
}

/** Whether the deputy is among those who made the suggestion the letter answers. */
export async function deputySuggested(db: Db, letterId: number, deputyId: number): Promise<boolean> {
  const own = await db
    .selectFrom('letters')
    .innerJoin('suggestion_deputies', 'suggestion_deputies.suggestion_id', 'letters.suggestion_id')
    .select('letters.id')
    .where('letters.id', '=', letterId)
    .where('suggestion_deputies.deputy_id', '=', deputyId)
    .executeTakeFirst();
  return own !== undefined;
}
