/**
 * Districts and streets as they were in a given year (boundaries change, so every row carries
 * the years it was valid).
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { GazetteerDistrict } from '../domain/allocate-targets';

export async function listCities(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('districts').select('city').distinct().orderBy('city').execute();
  return rows.map((r) => r.city);
}

export async function districtsInYear(
  db: Kysely<Database>,
  city: string,
  year: number,
): Promise<GazetteerDistrict[]> {
  const districts = await db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where('city', '=', city)
    .where('valid_from', '<=', year)
    .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', year)]))
    .orderBy('sort_order')
    .execute();
  const streets = await db
    .selectFrom('streets')
    .innerJoin('districts', 'districts.id', 'streets.district_id')
    .select(['streets.district_id', 'streets.kind'])
    .where('districts.city', '=', city)
    .where('streets.valid_from', '<=', year)
    .where((eb) => eb.or([eb('streets.valid_to', 'is', null), eb('streets.valid_to', '>=', year)]))
    .execute();
  return districts.map((d) => ({
    id: d.id,
    name: d.name,
    streets: streets.filter((s) => s.district_id === d.id && s.kind === 'street').length,
    towns: streets.filter((s) => s.district_id === d.id && s.kind === 'town').length,
  }));
}

export async function listDistricts(db: Kysely<Database>) {
  return db
    .selectFrom('districts')
    .select(['id', 'name', 'city'])
    .orderBy('city')
    .orderBy('sort_order')
    .execute();
}
