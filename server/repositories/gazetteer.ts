/**
 * Districts and streets as they were in a given year (boundaries change, so every row carries
 * the years it was valid).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { GazetteerDistrict } from '../domain/allocate-targets';
import type { GazetteerRow } from '../domain/gazetteer-csv';

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

export async function listGazetteer(
  db: Kysely<Database>,
  filter: { city?: string | undefined; year?: number | undefined },
) {
  let districts = db.selectFrom('districts').selectAll().orderBy('city').orderBy('sort_order');
  let units = db.selectFrom('streets').selectAll().orderBy('kind').orderBy('id');
  if (filter.city) districts = districts.where('city', '=', filter.city);
  if (filter.year !== undefined) {
    const y = filter.year;
    districts = districts
      .where('valid_from', '<=', y)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', y)]));
    units = units
      .where('valid_from', '<=', y)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', y)]));
  }
  const [districtRows, unitRows] = await Promise.all([districts.execute(), units.execute()]);
  return districtRows.map((d) => ({
    id: d.id,
    city: d.city,
    name: d.name,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    source: d.source,
    units: unitRows
      .filter((u) => u.district_id === d.id)
      .map((u) => ({ id: u.id, name: u.name, kind: u.kind, validFrom: u.valid_from, validTo: u.valid_to })),
  }));
}

/** Inserts districts then their streets/towns; reports rows that already exist instead of duplicating. */
export async function importGazetteer(trx: Transaction<Database>, rows: readonly GazetteerRow[]) {
  const conflicts: string[] = [];
  let districts = 0;
  let units = 0;
  const districtId = async (city: string, name: string, year: number) => {
    const found = await trx
      .selectFrom('districts')
      .select('id')
      .where('city', '=', city)
      .where('name', '=', name)
      .where('valid_from', '<=', year)
      .where((eb) => eb.or([eb('valid_to', 'is', null), eb('valid_to', '>=', year)]))
      .executeTakeFirst();
    return found?.id ?? null;
  };
  for (const row of rows.filter((r) => r.kind === 'district')) {
    const exists = await trx
      .selectFrom('districts')
      .select('id')
      .where('city', '=', row.city)
      .where('name', '=', row.name)
      .where('valid_from', '=', row.validFrom)
      .executeTakeFirst();
    if (exists) {
      conflicts.push(`${row.city}${row.name}(${row.validFrom})`);
      continue;
    }
    const order = await trx.selectFrom('districts').select('id').where('city', '=', row.city).execute();
    await trx
      .insertInto('districts')
      .values({
        city: row.city,
        name: row.name,
        sort_order: order.length,
        valid_from: row.validFrom,
        valid_to: row.validTo,
        source: 'CSV 导入',
      })
      .execute();
    districts += 1;
  }
  for (const row of rows.filter((r) => r.kind !== 'district')) {
    const parent = await districtId(row.city, row.district, row.validFrom);
    if (parent === null) {
      conflicts.push(`第 ${row.line} 行的区“${row.district}”在 ${row.validFrom} 年不存在`);
      continue;
    }
    const exists = await trx
      .selectFrom('streets')
      .select('id')
      .where('district_id', '=', parent)
      .where('name', '=', row.name)
      .where('valid_from', '=', row.validFrom)
      .executeTakeFirst();
    if (exists) {
      conflicts.push(`${row.district}${row.name}(${row.validFrom})`);
      continue;
    }
    await trx
      .insertInto('streets')
      .values({
        district_id: parent,
        name: row.name,
        kind: row.kind as 'street' | 'town',
        valid_from: row.validFrom,
        valid_to: row.validTo,
        source: 'CSV 导入',
      })
      .execute();
    units += 1;
  }
  return { districts, units, conflicts };
}
