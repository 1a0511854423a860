/**
 * Ownership: an agency clerk acts only on commitments of replies its agency signed or co-handles;
 * a deputy rates only replies to their own suggestions. The office may do both everywhere.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import { Forbidden } from '../domain/errors';
import { agenciesOfLetter, deputySuggested } from '../repositories/ownership';

type Db = Kysely<Database> | Transaction<Database>;

export async function assertMayReportFor(db: Db, user: SessionUser, letterId: number): Promise<void> {
  if (user.role === 'office') return;
  const agencies = await agenciesOfLetter(db, letterId);
  if (user.role !== 'agency' || user.agencyId === null || !agencies.includes(user.agencyId)) {
    throw new Forbidden('access.notOwnAgency', '只能为本单位承办的承诺事项填报或答复。');
  }
}

export async function assertMayRate(db: Db, user: SessionUser, letterId: number): Promise<void> {
  if (user.role === 'office') return;
  const own = user.deputyId !== null && (await deputySuggested(db, letterId, user.deputyId));
  if (user.role !== 'deputy' || !own) {
    throw new Forbidden('access.notOwnSuggestion', '只有提出该建议的代表或督查室可以评价这封答复。');
  }
}
