/** Turns the names in the overview's URL into ids, refusing names the database does not know. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { TrackedStatus } from '../../shared/commitments';
import { NotFound } from '../domain/errors';
import { findAgencyId, findDistrictIds } from '../repositories/metrics';
import type { MetricsFilter } from './metrics';
import { resolveScope } from './suggestion-scope';

export async function resolveAgency(db: Kysely<Database>, name: string | undefined): Promise<number | null> {
  if (name === undefined) return null;
  const id = await findAgencyId(db, name);
  if (id === null) throw new NotFound('notFound.agencyName', `找不到承办单位“${name}”。`);
  return id;
}

export async function resolveDistrict(
  db: Kysely<Database>,
  name: string | undefined,
): Promise<number[] | null> {
  if (name === undefined) return null;
  const ids = await findDistrictIds(db, name);
  if (ids.length === 0) throw new NotFound('notFound.districtName', `找不到行政区“${name}”。`);
  return ids;
}

/** The overview's filters as names and values (the URL's) → the ids and sets the figures are computed with. */
export async function resolveMetricsFilter(
  db: Kysely<Database>,
  input:
    | {
        year?: number | undefined;
        district?: string | undefined;
        agency?: string | undefined;
        session?: string | undefined;
        deputy?: string | undefined;
        status?: TrackedStatus | undefined;
      }
    | undefined,
): Promise<MetricsFilter> {
  const [agencyId, districtIds, scope] = await Promise.all([
    resolveAgency(db, input?.agency),
    resolveDistrict(db, input?.district),
    resolveScope(db, { session: input?.session, deputy: input?.deputy }),
  ]);
  return { year: input?.year ?? null, agencyId, districtIds, scope, status: input?.status ?? null };
}
