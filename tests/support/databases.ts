/**
 * Every router test runs twice: on embedded SQLite and on the PostgreSQL server. Each run gets a
 * database of its own (an in-memory SQLite file, a fresh PostgreSQL schema) that is dropped after.
 *
 * With CI=true an unreachable PostgreSQL is a failure, never a silent skip.
 */
import { randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import pg from 'pg';
import { type Dialect, openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import type { Database } from '../../db/schema';

export const POSTGRES_URL = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';
const inCi = process.env.CI === 'true';

export interface TestDatabase {
  db: Kysely<Database>;
  dialect: Dialect;
  close: () => Promise<void>;
}

/** Asked a few times: under a loaded test run the first connection can be slow. */
async function postgresReachable(): Promise<string | null> {
  let problem = 'not tried';
  for (let attempt = 1; attempt <= 5; attempt++) {
    const client = new pg.Client({ connectionString: POSTGRES_URL, connectionTimeoutMillis: 10_000 });
    try {
      await client.connect();
      await client.query('select 1');
      return null;
    } catch (error) {
      problem = error instanceof Error ? error.message : String(error);
      await new Promise((resolve) => setTimeout(resolve, 500 * attempt));
    } finally {
      await client.end().catch(() => undefined);
    }
  }
  return problem;
}

const postgresProblem = await postgresReachable();
if (postgresProblem && inCi) {
  throw new Error(`PostgreSQL at ${POSTGRES_URL} is required in CI but unreachable: ${postgresProblem}`);
}
if (postgresProblem) {
  console.warn(`⚠ PostgreSQL tests SKIPPED (not CI): ${POSTGRES_URL} unreachable: ${postgresProblem}`);
}

async function openSqlite(): Promise<TestDatabase> {
  const { db, dialect } = openDatabase({ dataDir: '', sqliteFile: ':memory:' });
  await migrateToLatest(db);
  return { db, dialect, close: () => db.destroy() };
}

/** One statement on its own connection, outside any test schema (create / drop schema). */
export async function adminQuery(statement: string): Promise<void> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

/** A fresh schema, migrated; dropped by close(). */
async function openPostgres(): Promise<TestDatabase> {
  const schema = `test_${Date.now()}_${randomBytes(4).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  const { db, dialect } = openDatabase({ databaseUrl: POSTGRES_URL, dataDir: '', postgresSchema: schema });
  try {
    await migrateToLatest(db);
  } catch (error) {
    await db.destroy();
    await adminQuery(`drop schema if exists ${schema} cascade`);
    throw error;
  }
  return {
    db,
    dialect,
    close: async () => {
      await db.destroy();
      await adminQuery(`drop schema ${schema} cascade`);
    },
  };
}

export const testDatabases = [
  { name: 'sqlite', open: openSqlite, skip: false },
  { name: 'postgres', open: openPostgres, skip: postgresProblem !== null },
] as const;
