/**
 * commitments.version: the optimistic-concurrency counter of an editable commitment (issue 12,
 * item 4). Every change to the row or its targets raises it by one; an edit that names the version
 * it was made from is refused when the row has moved on, so two office users working from the same
 * page cannot silently overwrite each other. A counter rather than updated_at: two writes in one
 * millisecond carry the same ISO time, and a clock set back would make a newer row look older.
 * Rows stored before this migration start at 1 like new ones: nobody holds an older number.
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's Database type
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .alterTable('commitments')
    .addColumn('version', 'integer', (col) => col.notNull().defaultTo(1))
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.alterTable('commitments').dropColumn('version').execute();
}
