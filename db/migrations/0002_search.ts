/**
 * Full-text search that finds Chinese substrings. Chinese has no spaces between words, so word
 * tokenizers find nothing inside a sentence; trigrams index every run of three characters instead.
 *
 * - SQLite: FTS5 tables with the trigram tokenizer over letters (title, text) and commitments
 *   (quote, object), external-content so the text is not stored twice, kept in step by triggers.
 * - PostgreSQL: pg_trgm GIN indexes, which serve ILIKE '%…%' directly.
 *
 * Queries of one or two characters are shorter than a trigram: both databases answer them with a
 * plain LIKE scan (server/repositories/search.ts).
 * @see https://sqlite.org/fts5.html#the_trigram_tokenizer
 * @see https://www.postgresql.org/docs/15/pgtrgm.html#PGTRGM-INDEX
 */
import { type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's Database type
type AnyDb = Kysely<any>;

const isPostgres = (db: AnyDb) => db.getExecutor().adapter instanceof PostgresAdapter;

/** Index name → table and column, for PostgreSQL. */
const TRIGRAM_INDEXES = [
  ['letters_title_trgm', 'letters', 'title'],
  ['letters_text_trgm', 'letters', 'text'],
  ['commitments_quote_trgm', 'commitments', 'quote'],
  ['commitments_object_trgm', 'commitments', 'object'],
] as const;

export async function up(db: AnyDb): Promise<void> {
  if (isPostgres(db)) await upPostgres(db);
  else await upSqlite(db);
}

async function upPostgres(db: AnyDb): Promise<void> {
  // The extension lives in `public`, not in the connection's schema: test runs each work in a
  // schema dropped afterwards, which would otherwise take the extension (and others' indexes)
  // with it. Checked first because CREATE EXTENSION IF NOT EXISTS can still race and abort.
  const { rows } = await sql<{
    n: number;
  }>`select count(*)::int as n from pg_extension where extname = 'pg_trgm'`.execute(db);
  if (Number(rows[0]?.n ?? 0) === 0)
    await sql`create extension if not exists pg_trgm with schema public`.execute(db);
  for (const [name, table, column] of TRIGRAM_INDEXES) {
    await sql`create index ${sql.id(name)} on ${sql.id(table)} using gin (${sql.id(column)} public.gin_trgm_ops)`.execute(
      db,
    );
  }
}

async function upSqlite(db: AnyDb): Promise<void> {
  await sql`create virtual table letters_fts using fts5(title, text, content='letters', content_rowid='id', tokenize='trigram')`.execute(
    db,
  );
  await sql`create trigger letters_fts_insert after insert on letters begin
    insert into letters_fts(rowid, title, text) values (new.id, new.title, new.text);
  end`.execute(db);
  await sql`create trigger letters_fts_delete after delete on letters begin
    insert into letters_fts(letters_fts, rowid, title, text) values ('delete', old.id, old.title, old.text);
  end`.execute(db);
  await sql`create trigger letters_fts_update after update of title, text on letters begin
    insert into letters_fts(letters_fts, rowid, title, text) values ('delete', old.id, old.title, old.text);
    insert into letters_fts(rowid, title, text) values (new.id, new.title, new.text);
  end`.execute(db);

  await sql`create virtual table commitments_fts using fts5(quote, object, content='commitments', content_rowid='id', tokenize='trigram')`.execute(
    db,
  );
  await sql`create trigger commitments_fts_insert after insert on commitments begin
    insert into commitments_fts(rowid, quote, object) values (new.id, new.quote, new.object);
  end`.execute(db);
  await sql`create trigger commitments_fts_delete after delete on commitments begin
    insert into commitments_fts(commitments_fts, rowid, quote, object) values ('delete', old.id, old.quote, old.object);
  end`.execute(db);
  // Only the searched columns: commitments are updated often (review, milestones) for other reasons.
  await sql`create trigger commitments_fts_update after update of quote, object on commitments begin
    insert into commitments_fts(commitments_fts, rowid, quote, object) values ('delete', old.id, old.quote, old.object);
    insert into commitments_fts(rowid, quote, object) values (new.id, new.quote, new.object);
  end`.execute(db);

  // Rows written before this migration.
  await sql`insert into letters_fts(letters_fts) values ('rebuild')`.execute(db);
  await sql`insert into commitments_fts(commitments_fts) values ('rebuild')`.execute(db);
}

export async function down(db: AnyDb): Promise<void> {
  if (isPostgres(db)) {
    for (const [name] of TRIGRAM_INDEXES) await sql`drop index if exists ${sql.id(name)}`.execute(db);
    return;
  }
  for (const trigger of ['insert', 'delete', 'update']) {
    await sql`drop trigger if exists ${sql.id(`letters_fts_${trigger}`)}`.execute(db);
    await sql`drop trigger if exists ${sql.id(`commitments_fts_${trigger}`)}`.execute(db);
  }
  await sql`drop table if exists letters_fts`.execute(db);
  await sql`drop table if exists commitments_fts`.execute(db);
}
