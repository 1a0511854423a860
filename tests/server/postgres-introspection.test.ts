/**
 * Migrating a fresh PostgreSQL schema while other sessions create and drop schemas of their own, as
 * parallel test files (or installations sharing a database) do. Kysely's stock introspector failed
 * here now and then with `schema "test_…" does not exist`; db/postgres-dialect.ts is the fix.
 */
import { randomBytes } from 'node:crypto';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { adminQuery, POSTGRES_URL, type TestDatabase, testDatabases } from '../support/databases';

const postgres = testDatabases.find((d) => d.name === 'postgres');

/** Creates a schema with tables and drops it again, over and over, until `stop` says so. */
async function churnSchemas(stop: () => boolean): Promise<number> {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  let rounds = 0;
  try {
    while (!stop()) {
      const schema = `churn_${randomBytes(4).toString('hex')}`;
      await client.query(`create schema ${schema}`);
      await client.query(`create table ${schema}.letters (id serial primary key, result_grade text)`);
      await client.query(`drop schema ${schema} cascade`);
      rounds++;
    }
  } finally {
    await client.end();
  }
  return rounds;
}

describe.skipIf(postgres?.skip ?? true)('PostgreSQL introspection in a shared database', () => {
  let database: TestDatabase;

  beforeAll(async () => {
    if (postgres) database = await postgres.open();
  });
  afterAll(async () => {
    await database?.close();
  });

  test('sees the tables of its own schema only, with their columns', async () => {
    const tables = await database.db.introspection.getTables();
    const names = tables.map((t) => t.name);
    expect(names).toEqual(expect.arrayContaining(['letters', 'commitments', 'progress_updates']));
    expect(names).not.toContain('kysely_migration');
    const [schema] = new Set(tables.map((t) => t.schema));
    expect(new Set(tables.map((t) => t.schema)).size).toBe(1);
    expect(schema).toMatch(/^test_/);

    const letters = tables.find((t) => t.name === 'letters');
    const id = letters?.columns.find((c) => c.name === 'id');
    const grade = letters?.columns.find((c) => c.name === 'result_grade');
    expect(id).toMatchObject({ isAutoIncrementing: true, isNullable: false });
    expect(grade).toMatchObject({ dataType: 'text', isNullable: true, isAutoIncrementing: false });

    const withInternal = await database.db.introspection.getTables({ withInternalKyselyTables: true });
    expect(withInternal.map((t) => t.name)).toContain('kysely_migration');
  });

  test('migrations and introspection never trip over schemas other sessions drop meanwhile', async () => {
    let stopped = false;
    const churn = Promise.all([churnSchemas(() => stopped), churnSchemas(() => stopped)]);
    const failures: string[] = [];
    try {
      const deadline = Date.now() + 3_000;
      while (Date.now() < deadline) {
        const schema = `fresh_${randomBytes(4).toString('hex')}`;
        await adminQuery(`create schema ${schema}`);
        const fresh = openDatabase({ databaseUrl: POSTGRES_URL, dataDir: '', postgresSchema: schema });
        try {
          await migrateToLatest(fresh.db);
          for (let i = 0; i < 20; i++) await fresh.db.introspection.getTables();
        } catch (error) {
          failures.push(String(error));
        } finally {
          await fresh.db.destroy();
          await adminQuery(`drop schema ${schema} cascade`);
        }
      }
    } finally {
      stopped = true;
    }
    const rounds = await churn;
    expect(rounds.reduce((a, b) => a + b, 0)).toBeGreaterThan(10);
    expect(failures).toEqual([]);
  }, 60_000);
});
