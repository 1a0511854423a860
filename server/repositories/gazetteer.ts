/**
 * Districts and streets as they were on a given day or in a given year (boundaries change, so
 * every row carries the first and last day it was valid, and those days' years).
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { GazetteerDistrict } from '../domain/allocate-targets';
import type { GazetteerRow } from '../domain/gazetteer-csv';
import { type GazetteerVersion, versionsOf } from '../domain/gazetteer-versions';

export async function listCities(db: Kysely<Database>): Promise<string[]> {
  const rows = await db.selectFrom('districts').select('city').distinct().orderBy('city').execute();
  return rows.map((r) => r.city);
}

/** The districts of a city with their streets and towns in force on a day (ISO date). */
export async function districtsOnDate(
  db: Kysely<Database>,
  city: string,
  date: string,
): Promise<GazetteerDistrict[]> {
  const districts = await db
    .selectFrom('districts')
    .select(['id', 'name'])
    .where('city', '=', city)
    .where('from_date', '<=', date)
    .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', date)]))
    .orderBy('sort_order')
    .execute();
  const streets = await db
    .selectFrom('streets')
    .innerJoin('districts', 'districts.id', 'streets.district_id')
    .select(['streets.district_id', 'streets.kind'])
    .where('districts.city', '=', city)
    .where('streets.from_date', '<=', date)
    .where((eb) => eb.or([eb('streets.to_date', 'is', null), eb('streets.to_date', '>=', date)]))
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
  filter: { city?: string | undefined; year?: number | undefined; date?: string | undefined },
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
  if (filter.date !== undefined) {
    const day = filter.date;
    districts = districts
      .where('from_date', '<=', day)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', day)]));
    units = units
      .where('from_date', '<=', day)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', day)]));
  }
  const [districtRows, unitRows] = await Promise.all([districts.execute(), units.execute()]);
  return districtRows.map((d) => ({
    id: d.id,
    city: d.city,
    name: d.name,
    validFrom: d.valid_from,
    validTo: d.valid_to,
    fromDate: d.from_date,
    toDate: d.to_date,
    source: d.source,
    units: unitRows
      .filter((u) => u.district_id === d.id)
      .map((u) => ({
        id: u.id,
        name: u.name,
        kind: u.kind,
        validFrom: u.valid_from,
        validTo: u.valid_to,
        fromDate: u.from_date,
        toDate: u.to_date,
        source: u.source,
      })),
  }));
}

/** Rows of a CSV without a 来源 column still say how they came in. */
const UNSOURCED = 'CSV 导入,未注明来源';

/** Inserts districts then their streets/towns; reports rows that already exist instead of duplicating. */
export async function importGazetteer(trx: Transaction<Database>, rows: readonly GazetteerRow[]) {
  const conflicts: string[] = [];
  let districts = 0;
  let units = 0;
  // A street's district must be in force on the street's first day.
  const districtId = async (city: string, name: string, day: string) => {
    const found = await trx
      .selectFrom('districts')
      .select('id')
      .where('city', '=', city)
      .where('name', '=', name)
      .where('from_date', '<=', day)
      .where((eb) => eb.or([eb('to_date', 'is', null), eb('to_date', '>=', day)]))
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
        from_date: row.fromDate,
        to_date: row.toDate,
        source: row.source ?? UNSOURCED,
      })
      .execute();
    districts += 1;
  }
  for (const row of rows.filter((r) => r.kind !== 'district')) {
    const parent = await districtId(row.city, row.district, row.fromDate);
    if (parent === null) {
      conflicts.push(`第 ${row.line} 行的区“${row.district}”在 ${row.fromDate} 不存在`);
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
        from_date: row.fromDate,
        to_date: row.toDate,
        source: row.source ?? UNSOURCED,
      })
      .execute();
    units += 1;
  }
  return { districts, units, conflicts };
}

/** Each city's versions: the days its streets and towns changed, what changed and on what source. */
export async function gazetteerVersions(
  db: Kysely<Database>,
  filter: { city?: string | undefined },
): Promise<{ city: string; versions: GazetteerVersion[] }[]> {
  let districts = db
    .selectFrom('districts')
    .select(['id', 'city', 'name'])
    .orderBy('city')
    .orderBy('sort_order');
  let units = db
    .selectFrom('streets')
    .innerJoin('districts', 'districts.id', 'streets.district_id')
    .select([
      'districts.city',
      'districts.name as district',
      'streets.name',
      'streets.kind',
      'streets.from_date',
      'streets.to_date',
      'streets.source',
    ])
    .orderBy('streets.id');
  if (filter.city) {
    districts = districts.where('city', '=', filter.city);
    units = units.where('districts.city', '=', filter.city);
  }
  const [districtRows, unitRows] = await Promise.all([districts.execute(), units.execute()]);
  const cities = [...new Set(districtRows.map((d) => d.city))];
  return cities.map((city) => ({
    city,
    versions: versionsOf(
      // a district renamed or re-created keeps one column of counts per name
      [...new Set(districtRows.filter((d) => d.city === city).map((d) => d.name))],
      unitRows
        .filter((u) => u.city === city)
        .map((u) => ({
          district: u.district,
          name: u.name,
          kind: u.kind,
          fromDate: u.from_date,
          toDate: u.to_date,
          source: u.source,
        })),
    ),
  }));
}
