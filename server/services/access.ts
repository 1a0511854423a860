/**
 * Ownership: an agency clerk acts only on commitments of replies its agency signed or co-handles;
 * a deputy rates only replies to their own suggestions. The office may do both everywhere.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import { Forbidden } from '../domain/errors';

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

export async function assertMayReportFor(db: Db, user: SessionUser, letterId: number): Promise<void> {
  if (user.role === 'office') return;
  const agencies = await agenciesOfLetter(db, letterId);
  if (user.role !== 'agency' || user.agencyId === null || !agencies.includes(user.agencyId)) {
    throw new Forbidden('access.notOwnAgency', '只能为本单位承办的承诺事项填报或答复。');
  }
}

export async function assertMayRate(db: Db, user: SessionUser, letterId: number): Promise<void> {
  if (user.role === 'office') return;
  const own = await db
    .selectFrom('letters')
    .innerJoin('suggestion_deputies', 'suggestion_deputies.suggestion_id', 'letters.suggestion_id')
    .select('letters.id')
    .where('letters.id', '=', letterId)
    .where('suggestion_deputies.deputy_id', '=', user.deputyId ?? -1)
    .executeTakeFirst();
  if (user.role !== 'deputy' || !own) {
    throw new Forbidden('access.notOwnSuggestion', '只有提出该建议的代表或督查室可以评价这封答复。');
  }
}
