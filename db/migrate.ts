/**
 * Runs the numbered migrations in db/migrations/ with Kysely's Migrator, on server start and in
 * the tests' fresh databases.
 */
import { type Kysely, type MigrationProvider, Migrator } from 'kysely';
import { migrations } from './migrations/index';
import type { Database } from './schema';

const provider: MigrationProvider = { getMigrations: async () => migrations };

/**
 * @param schema PostgreSQL schema holding the migration bookkeeping tables. Must be given when
 * the connection works in a non-default schema: the migrator otherwise finds another schema's
 * bookkeeping tables and skips creating its own.
 */
export async function migrateToLatest(db: Kysely<Database>, schema?: string): Promise<string[]> {
  const migrator = new Migrator({ db, provider, ...(schema ? { migrationTableSchema: schema } : {}) });
  const { error, results } = await migrator.migrateToLatest();
  const failed = results?.find((r) => r.status === 'Error');
  if (error || failed) {
    const name = failed ? ` (${failed.migrationName})` : '';
    throw new Error(`数据库迁移失败${name}: ${error instanceof Error ? error.message : String(error)}`);
  }
  return (results ?? []).map((r) => r.migrationName);
}
