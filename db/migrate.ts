/**
 * Runs the numbered migrations in db/migrations/ with Kysely's Migrator, on server start and in
 * the tests' fresh databases.
 *
 * On PostgreSQL the migrator's own tables are pinned to the connection's current schema: Kysely
 * looks for them across every schema of the database, so while another schema (a parallel test
 * run, another installation) holds them it would skip creating its own and then fail.
 */
import { type Kysely, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';
import { migrations } from './migrations/index';
import type { Database } from './schema';

const provider: MigrationProvider = { getMigrations: async () => migrations };

async function currentPostgresSchema(db: Kysely<Database>): Promise<string | undefined> {
  if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return undefined;
  const { rows } = await sql<{ schema: string }>`select current_schema() as schema`.execute(db);
  return rows[0]?.schema;
}

export async function migrateToLatest(db: Kysely<Database>): Promise<string[]> {
  const migrationTableSchema = await currentPostgresSchema(db);
  const migrator = new Migrator({ db, provider, ...(migrationTableSchema ? { migrationTableSchema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`数据库迁移失败${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
