/**
 * Gazetteer rows valid from and to a day, not only a year: Xiamen's streets change within a year
 * (东孚镇 became 东孚街道 on 2015-01-22), and a letter's per-street targets must use the streets and
 * towns in force on the letter's date.
 *
 * - districts.from_date / to_date and streets.from_date / to_date: ISO dates (YYYY-MM-DD), to_date
 *   the last day the row was valid, null while it still is. ISO dates compare as text on both
 *   databases, so lookups need no date functions.
 * - The year columns stay and keep meaning "valid at some time in that year": the year filter of
 *   the gazetteer page and the CSV's years still read them.
 *
 * Rows already stored knew only their years: they become valid from 1 January of the first and
 * to 31 December of the last, which is what the years meant before.
 */
import { type Kysely, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's Database type
type AnyDb = Kysely<any>;

const TABLES = ['districts', 'streets'] as const;

export async function up(db: AnyDb): Promise<void> {
  for (const table of TABLES) {
    // SQLite adds a NOT NULL column only with a default; the update below replaces it on every row.
    await db.schema
      .alterTable(table)
      .addColumn('from_date', 'text', (c) => c.notNull().defaultTo('0001-01-01'))
      .execute();
    await db.schema.alterTable(table).addColumn('to_date', 'text').execute();
    await db
      .updateTable(table)
      .set({
        from_date: sql`cast(valid_from as text) || '-01-01'`,
        to_date: sql`case when valid_to is null then null else cast(valid_to as text) || '-12-31' end`,
      })
      .execute();
    await db.schema.createIndex(`${table}_dates`).on(table).columns(['from_date', 'to_date']).execute();
  }
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of TABLES) {
    await db.schema.dropIndex(`${table}_dates`).execute();
    await db.schema.alterTable(table).dropColumn('to_date').execute();
    await db.schema.alterTable(table).dropColumn('from_date').execute();
  }
}
