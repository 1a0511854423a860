/**
 * Writes the generated data set into a migrated, empty database through Kysely: rows are collected
 * city-year by city-year and written in large batches, each batch in one transaction, as multi-row
 * inserts sized under the dialect's limit on bound parameters. The ids are the generator's, so on
 * PostgreSQL the serial sequences are moved past them at the end.
 *
 * Nothing the migrations create is dropped or disabled (indexes, FTS triggers, foreign keys); on
 * SQLite only `synchronous` is off while writing — a crash mid-write loses the bench database, no
 * more — and back to the product's setting after.
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

/** SQLite's SQLITE_MAX_VARIABLE_NUMBER (32766 since 3.32) and PostgreSQL's 65535, with a margin. */
const MAX_PARAMETERS: Record<Dialect, number> = { sqlite: 32_000, postgres: 65_000 };

export interface WriteOptions extends DatasetOptions {
  /** rows collected before a batch is written (all tables together) */
  batchRows?: number;
  /** also hash every row (for the determinism test) */
  digest?: boolean;
  log?: (line: string) => void;
}

export interface WriteResult extends GenerateResult {
  seconds: number;
  /** ANALYZE after writing, so the planner knows the tables' sizes (as a database in use would) */
  analyzeSeconds: number;
  digests: Record<DatasetTable, string> | null;
}

/** One multi-row insert; the rows are the generator's rows of `table`, which the loop cannot type. */
async function insertRows(trx: Transaction<Database>, table: DatasetTable, rows: Record<string, unknown>[]) {
  await trx
    .insertInto(table)
    .values(rows as never)
    .execute();
}

class BatchWriter implements RowSink {
  private rows = new Map<DatasetTable, Record<string, unknown>[]>();
  private collected = 0;
  private pending: Promise<void> = Promise.resolve();
  written = 0;

  constructor(
    private readonly db: Kysely<Database>,
    private readonly dialect: Dialect,
    private readonly batchRows: number,
  ) {}

  add<T extends DatasetTable>(table: T, row: DatasetRow<T>): void {
    let list = this.rows.get(table);
    if (!list) {
      list = [];
      this.rows.set(table, list);
    }
    list.push(row as Record<string, unknown>);
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

  private async writeBatch(batch: Map<DatasetTable, Record<string, unknown>[]>): Promise<void> {
    if (batch.size === 0) return;
    await this.db.transaction().execute(async (trx) => {
      for (const table of DATASET_TABLES) {
        const rows = batch.get(table);
        if (!rows?.length) continue;
        const columns = Object.keys(rows[0] as object).length;
        const perStatement = Math.max(1, Math.floor(MAX_PARAMETERS[this.dialect] / columns));
        for (let i = 0; i < rows.length; i += perStatement) {
          await insertRows(trx, table, rows.slice(i, i + perStatement));
        }
      }
    });
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
  if (dialect === 'sqlite') await sql`pragma synchronous = off`.execute(db);
  const writer = new BatchWriter(db, dialect, options.batchRows ?? 100_000);
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
  if (dialect === 'postgres') {
    for (const table of SERIAL_TABLES) {
      await sql`select setval(pg_get_serial_sequence(${table}, 'id'), (select max(id) from ${sql.table(table)}))`.execute(
        db,
      );
    }
  }
  const seconds = (performance.now() - started) / 1000;
  const analyzeStarted = performance.now();
  await sql`analyze`.execute(db);
  return {
    ...result,
    seconds,
    analyzeSeconds: (performance.now() - analyzeStarted) / 1000,
    digests: digest?.digests() ?? null,
  };
}
