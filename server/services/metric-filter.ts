/** Turns the names in the overview's URL into ids, refusing names the database does not know. */
import { TRPCError } from '@trpc/server';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { findAgencyId, findDistrictIds } from '../repositories/metrics';

export async function resolveAgency(db: Kysely<Database>, name: string | undefined): Promise<number | null> {
  if (name === undefined) return null;
  const id = await findAgencyId(db, name);
  if (id === null) throw new TRPCError({ code: 'NOT_FOUND', message: `找不到承办单位“${name}”。` });
  return id;
}

export async function resolveDistrict(
  db: Kysely<Database>,
  name: string | undefined,
): Promise<number[] | null> {
  if (name === undefined) return null;
  const ids = await findDistrictIds(db, name);
  if (ids.length === 0) throw new TRPCError({ code: 'NOT_FOUND', message: `找不到行政区“${name}”。` });
  return ids;
}
