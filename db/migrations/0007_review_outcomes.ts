/**
 * review_outcomes: what the office's review made of each commitment, kept so the extractor can be
 * measured on the product's own letters (issue 15, item 5). One row per commitment the office has
 * decided on: confirmed as extracted, corrected (which fields), rejected, or added by hand. The
 * extracted values are copied at the first decision because later corrections overwrite the
 * commitment row, and "corrected" means "differs from what the extractor said", not "from the last
 * edit". Rows are written by the review writes themselves; items decided before this migration
 * have no row and are not counted (their first state cannot be told apart from a later one).
 */
import type { Kysely } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's Database type
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  await db.schema
    .createTable('review_outcomes')
    .addColumn('commitment_id', 'integer', (col) =>
      col.primaryKey().references('commitments.id').onDelete('cascade'),
    )
    .addColumn('letter_id', 'integer', (col) => col.notNull().references('letters.id').onDelete('cascade'))
    /** the letter's agency, 0 for letters without one (grouping without a null key) */
    .addColumn('agency_key', 'integer', (col) => col.notNull())
    .addColumn('kind', 'text', (col) => col.notNull())
    /** confirmed | corrected | rejected | added */
    .addColumn('outcome', 'text', (col) => col.notNull())
    /** comma-separated fields the office changed (span,target,unit,object,per,deadline); '' when none */
    .addColumn('changed_fields', 'text', (col) => col.notNull().defaultTo(''))
    /** 1 when the extracted item would match the reviewed one in the shared scorer (same min/max, overlapping span) */
    .addColumn('value_kept', 'integer', (col) => col.notNull().defaultTo(0))
    /** the extractor's item as stored at ingest (JSON), null for items added by hand */
    .addColumn('extracted_json', 'text')
    /** the month of the decision in the app's zone, YYYY-MM */
    .addColumn('decided_month', 'text', (col) => col.notNull())
    .addColumn('decided_at', 'text', (col) => col.notNull())
    .execute();
  await db.schema
    .createIndex('review_outcomes_month_agency')
    .on('review_outcomes')
    .columns(['decided_month', 'agency_key'])
    .execute();
  await db.schema.createIndex('review_outcomes_letter').on('review_outcomes').column('letter_id').execute();
}

export async function down(db: AnyDb): Promise<void> {
  await db.schema.dropTable('review_outcomes').execute();
}
