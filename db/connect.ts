/**
 * Opens the product's database: embedded SQLite in DATA_DIR by default, PostgreSQL when a
 * connection string is given. Both sit behind the same Kysely<Database>, so every query and
 * migration is written once.
 */
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import SqliteDatabase from 'better-sqlite3';
import { Kysely, SqliteDialect } from 'kysely';
import pg from 'pg';
import { CurrentSchemaPostgresDialect } from './postgres-dialect';
import type { Database } from './schema';

export type Dialect = 'sqlite' | 'postgres';

export interface DatabaseConfig {
  /** PostgreSQL connection string; SQLite is used when absent */
  databaseUrl?: string | undefined;
  /** folder of the SQLite file; ignored for PostgreSQL */
  dataDir: string;
  /** PostgreSQL schema to work in (tests use a fresh one per run) */
  postgresSchema?: string | undefined;
  /** SQLite file name inside dataDir, or ':memory:' */
  sqliteFile?: string | undefined;
}

export interface OpenDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
}

export const SQLITE_FILE_NAME = 'promises.sqlite';

export function openDatabase(config: DatabaseConfig): OpenDatabase {
  if (config.databaseUrl) {
    const pool = new pg.Pool({
      connectionString: config.databaseUrl,
      max: 10,
      // A startup option, so every pooled connection works in the schema, not just the first one.
      ...(config.postgresSchema ? { options: `-c search_path=${config.postgresSchema}` } : {}),
    });
    // Per connection, queued before any query it runs. The figures' queries are short: the JIT
    // compiler, set off by their (over)estimated cost, spent ten times their run time compiling.
    // The working set is cached or on SSD, where an index lookup costs near a sequential read; at
    // the default 4 the planner read every letter rather than look up one year's.
    pool.on('connect', (client) => {
      client.query('SET jit = off; SET random_page_cost = 1.1').catch(() => undefined);
    });
    return {
      db: new Kysely<Database>({ dialect: new CurrentSchemaPostgresDialect({ pool }) }),
      dialect: 'postgres',
    };
  }
  const fileName = config.sqliteFile ?? SQLITE_FILE_NAME;
  let location = fileName;
  if (fileName !== ':memory:') {
    mkdirSync(config.dataDir, { recursive: true });
    location = path.join(config.dataDir, fileName);
  }
  const sqlite = new SqliteDatabase(location);
  // WAL keeps readers going during writes and survives a killed process mid-transaction.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  return {
    db: new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) }),
    dialect: 'sqlite',
  };
}
