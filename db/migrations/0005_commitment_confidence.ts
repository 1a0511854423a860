/**
 * commitments.confidence: how sure the extractor was (0..1) that the sentence is a promise, kept
 * from ingest so the office's review queue can put the least certain items first. Null for items
 * added by hand and for items stored before this migration (their letters were extracted by an
 * older extractor, so a score computed now would not be the one they were stored with).
 */
import { type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's Database type
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  // PostgreSQL's real is single precision: 0.85 would read back as 0.8500000238.
  const type = db.getExecutor().adapter instanceof PostgresAdapter ? 'double precision' : 'real';
  await db.schema.alterTable('commitments').addColumn('confidence', type).execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('commitments').dropColumn('confidence').execute();
}
