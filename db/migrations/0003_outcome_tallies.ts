/**
 * Outcome tallies: the overview's and the annual report's figures kept ready per responding agency,
 * so a province's decade of commitments (hundreds of thousands, millions of progress entries) is
 * summed from a few thousand rows instead of recomputed from the raw history on every page view.
 *
 * - outcome_tallies: per agency, year, district part (null: whole commitments) and status, how many
 *   tracked items there were, how many were due, kept, kept on time, and their summed completion.
 * - outcome_totals: the same summed over all agencies (district_key 0: whole commitments), kept
 *   by adding each recomputed agency's change, so the city-wide figures read a few hundred rows.
 * - overdue_outcomes: the whole commitments overdue in a year, for the report's overdue list.
 * - outcome_tally_state: per agency, a version bumped in the same transaction as every write that
 *   can change a figure, the version and day its tallies were computed for, and the last year
 *   its commitments name (letter or deadline), which ends the year axis of the charts; the first
 *   year it has counted items, which starts it.
 * - figures_revision: one number raised with every change to any figure (a write, a recomputation),
 *   so a server process can keep computed figures until the number moves.
 *
 * `agency_key` is the letter's agency id, or 0 for letters without one. `scope` tells which
 * progress counted: 'all' when the agency has no demo entries (the figures are the same either
 * way), else 'real' (demo entries left out) and 'demo' (included).
 * Also adds the indexes the per-agency loads and the reply figures need at that scale.
 */
import { type Kysely, PostgresAdapter } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's Database type
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const real = db.getExecutor().adapter instanceof PostgresAdapter ? 'double precision' : 'real';

  await db.schema
    .createTable('outcome_tallies')
    .addColumn('agency_key', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('district_id', 'integer')
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('due', 'integer', (c) => c.notNull())
    .addColumn('kept', 'integer', (c) => c.notNull())
    .addColumn('kept_on_time', 'integer', (c) => c.notNull())
    .addColumn('completion', real, (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('outcome_tallies_year')
    .on('outcome_tallies')
    .columns(['year', 'district_id', 'agency_key'])
    .execute();
  await db.schema
    .createIndex('outcome_tallies_agency')
    .on('outcome_tallies')
    .columns(['agency_key', 'year'])
    .execute();

  await db.schema
    .createTable('outcome_totals')
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('district_key', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('status', 'text', (c) => c.notNull())
    .addColumn('items', 'integer', (c) => c.notNull())
    .addColumn('due', 'integer', (c) => c.notNull())
    .addColumn('kept', 'integer', (c) => c.notNull())
    .addColumn('kept_on_time', 'integer', (c) => c.notNull())
    .addColumn('completion', real, (c) => c.notNull())
    .addUniqueConstraint('outcome_totals_key', ['year', 'district_key', 'scope', 'status'])
    .execute();

  await db.schema
    .createTable('overdue_outcomes')
    .addColumn('agency_key', 'integer', (c) => c.notNull())
    .addColumn('year', 'integer', (c) => c.notNull())
    .addColumn('scope', 'text', (c) => c.notNull())
    .addColumn('commitment_id', 'integer', (c) => c.notNull())
    .addColumn('target_min', real)
    .addColumn('value', real)
    .execute();
  await db.schema
    .createIndex('overdue_outcomes_year')
    .on('overdue_outcomes')
    .columns(['year', 'commitment_id'])
    .execute();
  await db.schema
    .createIndex('overdue_outcomes_agency')
    .on('overdue_outcomes')
    .column('agency_key')
    .execute();

  await db.schema
    .createTable('outcome_tally_state')
    .addColumn('agency_key', 'integer', (c) => c.primaryKey())
    .addColumn('stale_version', 'integer', (c) => c.notNull().defaultTo(1))
    .addColumn('computed_version', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('computed_on', 'text', (c) => c.notNull().defaultTo(''))
    .addColumn('first_year', 'integer')
    .addColumn('last_year', 'integer')
    .execute();

  await db.schema
    .createTable('figures_revision')
    .addColumn('id', 'integer', (c) => c.primaryKey())
    .addColumn('revision', 'integer', (c) => c.notNull())
    .execute();
  await db.insertInto('figures_revision').values({ id: 1, revision: 0 }).execute();

  await db.schema.createIndex('letters_agency').on('letters').column('agency_id').execute();
  await db.schema.createIndex('letters_suggestion').on('letters').column('suggestion_id').execute();
  await db.schema.createIndex('letters_date').on('letters').column('letter_date').execute();
  await db.schema.createIndex('suggestions_year').on('suggestions').column('year').execute();
  await db.schema
    .createIndex('satisfaction_ratings_letter')
    .on('satisfaction_ratings')
    .columns(['letter_id', 'id'])
    .execute();
  await db.schema
    .createIndex('commitment_targets_district')
    .on('commitment_targets')
    .column('district_id')
    .execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const index of [
    'commitment_targets_district',
    'satisfaction_ratings_letter',
    'suggestions_year',
    'letters_date',
    'letters_suggestion',
    'letters_agency',
  ])
    await db.schema.dropIndex(index).execute();
  await db.schema.dropTable('figures_revision').execute();
  await db.schema.dropTable('outcome_tally_state').execute();
  await db.schema.dropTable('overdue_outcomes').execute();
  await db.schema.dropTable('outcome_totals').execute();
  await db.schema.dropTable('outcome_tallies').execute();
}
