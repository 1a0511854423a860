/**
 * Writes the generated data set into a migrated, empty database through Kysely: rows are collected
 * city-year by city-year and written in large batches, each batch in one transaction.
 *
 * - SQLite: multi-row INSERT … VALUES, sized under its limit of bound parameters (32766);
 *   `synchronous` is off while writing (a crash mid-write loses the bench database, no more) and back
 *   to the product's setting after.
 * - PostgreSQL: one INSERT … SELECT FROM unnest($1::integer[], $2::text[], …) per 20,000 rows — one
 *   array parameter per column, so no statement comes near the 65535-parameter limit, and far less
 *   work than binding every value. As a superuser, and only while the tables have no triggers of
 *   their own, the batches run with `session_replication_role = replica`, which skips the per-row
 *   foreign-key triggers (most of the insert time); every foreign key is then checked once over the
 *   whole data set at the end, and a dangling reference fails the write.
 *
 * Nothing the migrations create is dropped or disabled for other sessions: indexes, FTS triggers,
 * constraints all stay. The ids are the generator's, so on PostgreSQL the serial sequences are
 * moved past them at the end.
 */
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Dialect } from '../../db/connect';
import type { Database } from '../../db/schema';
import {
  DATASET_TABLES,
  type DatasetOptions,
  type DatasetRow,
  type DatasetTable,
  DigestSink,
  type GenerateResult,
  generateDataset,
  type RowSink,
  teeSink,
} from './generate';

/** SQLite's SQLITE_MAX_VARIABLE_NUMBER is 32766 (since 3.32): stay under it. */
const SQLITE_MAX_PARAMETERS = 32_000;
const POSTGRES_ROWS_PER_STATEMENT = 20_000;

export interface WriteOptions extends DatasetOptions {
  /** rows collected before a batch is written (all tables together) */
  batchRows?: number;
  /** also hash every row (for the determinism test) */
  digest?: boolean;
  log?: (line: string) => void;
}

export interface WriteResult extends GenerateResult {
  seconds: number;
  /** PostgreSQL: whether the per-row foreign-key triggers were skipped (and the keys checked after) */
  foreignKeysCheckedAfter: boolean;
  /** ANALYZE after writing, so the planner knows the tables' sizes (as a database in use would) */
  analyzeSeconds: number;
  digests: Record<DatasetTable, string> | null;
}

type Row = Record<string, unknown>;

interface PostgresPlan {
  /** column → SQL type, per table */
  types: Map<string, Map<string, string>>;
  skipForeignKeyTriggers: boolean;
}

async function postgresPlan(db: Kysely<Database>): Promise<PostgresPlan> {
  const { rows: columns } = await sql<{ table_name: string; column_name: string; data_type: string }>`
    select table_name, column_name, data_type from information_schema.columns
    where table_schema = current_schema()`.execute(db);
  const types = new Map<string, Map<string, string>>();
  for (const c of columns) {
    const table = types.get(c.table_name) ?? new Map<string, string>();
    table.set(c.column_name, c.data_type);
    types.set(c.table_name, table);
  }
  const { rows: su } = await sql<{ su: string }>`select current_setting('is_superuser') as su`.execute(db);
  const { rows: triggers } = await sql<{ n: number }>`
    select count(*)::int as n from pg_trigger t
    join pg_class c on c.oid = t.tgrelid join pg_namespace ns on ns.oid = c.relnamespace
    where ns.nspname = current_schema() and not t.tgisinternal`.execute(db);
  return { types, skipForeignKeyTriggers: su[0]?.su === 'on' && Number(triggers[0]?.n ?? 0) === 0 };
}

async function insertSqlite(trx: Transaction<Database>, table: DatasetTable, rows: Row[]) {
  const perStatement = Math.max(1, Math.floor(SQLITE_MAX_PARAMETERS / Object.keys(rows[0] as Row).length));
  for (let i = 0; i < rows.length; i += perStatement) {
    // The generator's rows of `table`, which a loop over the tables cannot type.
    await trx
      .insertInto(table)
      .values(rows.slice(i, i + perStatement) as never)
      .execute();
  }
}

async function insertPostgres(
  trx: Transaction<Database>,
  table: DatasetTable,
  rows: Row[],
  plan: PostgresPlan,
) {
  const columns = Object.keys(rows[0] as Row);
  const types = columns.map((c) => {
    const type = plan.types.get(table)?.get(c);
    if (!type) throw new Error(`no column ${table}.${c} in the current schema`);
    return type;
  });
  for (let i = 0; i < rows.length; i += POSTGRES_ROWS_PER_STATEMENT) {
    const part = rows.slice(i, i + POSTGRES_ROWS_PER_STATEMENT);
    const arrays = columns.map(
      (c, k) => sql`${part.map((r) => r[c] ?? null)}::${sql.raw(types[k] as string)}[]`,
    );
    await sql`insert into ${sql.table(table)} (${sql.join(columns.map((c) => sql.ref(c)))})
      select * from unnest(${sql.join(arrays)})`.execute(trx);
  }
}

class BatchWriter implements RowSink {
  private rows = new Map<DatasetTable, Row[]>();
  private collected = 0;
  private pending: Promise<void> = Promise.resolve();
  written = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly plan: PostgresPlan | null,
    private readonly batchRows: number,
  ) {}

  add<T extends DatasetTable>(table: T, row: DatasetRow<T>): void {
    let list = this.rows.get(table);
    if (!list) {
      list = [];
      this.rows.set(table, list);
    }
    list.push(row as Row);
    this.collected += 1;
  }

  /**
   * Hands a full batch to the database and returns while it is written (PostgreSQL works on it in
   * its own process while the next batch is generated); at most one batch is in flight.
   */
  async checkpoint(): Promise<void> {
    if (this.collected < this.batchRows) return;
    await this.pending;
    const batch = this.rows;
    const count = this.collected;
    this.rows = new Map();
    this.collected = 0;
    this.pending = this.writeBatch(batch).then(() => {
      this.written += count;
    });
    // A failed write surfaces at the next checkpoint or at finish; never as an unhandled rejection.
    this.pending.catch(() => undefined);
  }

  async finish(): Promise<void> {
    await this.pending;
    const batch = this.rows;
    this.rows = new Map();
    this.collected = 0;
    await this.writeBatch(batch);
  }

  private async writeBatch(batch: Map<DatasetTable, Row[]>): Promise<void> {
    if (batch.size === 0) return;
    const plan = this.plan;
    await this.db.transaction().execute(async (trx) => {
      if (plan?.skipForeignKeyTriggers) await sql`set local session_replication_role = replica`.execute(trx);
      for (const table of DATASET_TABLES) {
        const rows = batch.get(table);
        if (!rows?.length) continue;
        if (plan) await insertPostgres(trx, table, rows, plan);
        else await insertSqlite(trx, table, rows);
      }
    });
  }
}

/** Every single-column foreign key of the data set's tables, checked over all rows at once. */
export async function checkForeignKeys(db: Kysely<Database>): Promise<void> {
  const { rows: keys } = await sql<{ child: string; column: string; parent: string; target: string }>`
    select c.conrelid::regclass::text as child, a.attname as column,
           c.confrelid::regclass::text as parent, fa.attname as target
    from pg_constraint c
    join pg_namespace ns on ns.oid = c.connamespace
    join pg_attribute a on a.attrelid = c.conrelid and a.attnum = c.conkey[1]
    join pg_attribute fa on fa.attrelid = c.confrelid and fa.attnum = c.confkey[1]
    where c.contype = 'f' and ns.nspname = current_schema() and cardinality(c.conkey) = 1`.execute(db);
  for (const key of keys) {
    const { rows } = await sql<{ n: number }>`
      select count(*)::int as n from ${sql.table(key.child)} c
      where c.${sql.ref(key.column)} is not null
        and not exists (select 1 from ${sql.table(key.parent)} p where p.${sql.ref(key.target)} = c.${sql.ref(key.column)})`.execute(
      db,
    );
    const dangling = Number(rows[0]?.n ?? 0);
    if (dangling > 0) {
      throw new Error(
        `${dangling} rows of ${key.child}.${key.column} point at no ${key.parent}.${key.target}`,
      );
    }
  }
}

async function isEmpty(db: Kysely<Database>): Promise<boolean> {
  for (const table of ['districts', 'letters', 'agencies'] as const) {
    const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
    if (row) return false;
  }
  return true;
}

/** Tables with a serial id on PostgreSQL: their sequences must continue after the generated ids. */
const SERIAL_TABLES = DATASET_TABLES.filter(
  (t) => !['suggestion_deputies', 'suggestion_agencies'].includes(t),
);

export async function writeDataset(
  db: Kysely<Database>,
  dialect: Dialect,
  options: WriteOptions = {},
): Promise<WriteResult> {
  if (!(await isEmpty(db))) {
    throw new Error('the benchmark data set is written into an empty database (migrated, not seeded)');
  }
  const log = options.log ?? (() => undefined);
  const started = performance.now();
  const plan = dialect === 'postgres' ? await postgresPlan(db) : null;
  if (dialect === 'sqlite') await sql`pragma synchronous = off`.execute(db);
  const writer = new BatchWriter(db, plan, options.batchRows ?? 100_000);
  const digest = options.digest ? new DigestSink() : null;
  let lastLog = started;
  const progress: RowSink = {
    add: () => undefined,
    checkpoint: () => {
      const now = performance.now();
      if (now - lastLog > 10_000) {
        lastLog = now;
        log(
          `  … ${writer.written.toLocaleString('en')} rows written, ${((now - started) / 1000).toFixed(0)} s`,
        );
      }
    },
  };
  let result: GenerateResult;
  try {
    result = await generateDataset(options, teeSink(writer, ...(digest ? [digest] : []), progress));
    await writer.finish();
  } finally {
    if (dialect === 'sqlite') await sql`pragma synchronous = normal`.execute(db);
  }
  if (plan) {
    for (const table of SERIAL_TABLES) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
        db,
      );
    }
    if (plan.skipForeignKeyTriggers) {
      log('  checking every foreign key …');
      await checkForeignKeys(db);
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const analyzeStarted = performance.now();
  // Only the data set's tables: a bare ANALYZE on PostgreSQL would visit every schema of the database.
  if (dialect === 'postgres')
    await sql`analyze ${sql.join(DATASET_TABLES.map((t) => sql.table(t)))}`.execute(db);
  else await sql`analyze`.execute(db);
  return {
    ...result,
    seconds,
    foreignKeysCheckedAfter: plan?.skipForeignKeyTriggers ?? false,
    analyzeSeconds: (performance.now() - analyzeStarted) / 1000,
    digests: digest?.digests() ?? null,
  };
}
