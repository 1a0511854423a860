/**
 * The whole product's tables, designed up front so later work fills them instead of
 * reshaping them. Frozen in time: never import application code here.
 *
 * Portable on purpose: dates and timestamps are ISO-8601 text, booleans are 0/1 integers,
 * numbers are double precision, so SQLite and PostgreSQL run the same queries.
 * @see https://kysely.dev/docs/migrations
 */
import { type ColumnDefinitionBuilder, type Kysely, PostgresAdapter, sql } from 'kysely';

// biome-ignore lint/suspicious/noExplicitAny: migrations must not depend on the app's Database type
type AnyDb = Kysely<any>;

export async function up(db: AnyDb): Promise<void> {
  const isPostgres = db.getExecutor().adapter instanceof PostgresAdapter;
  const idType = isPostgres ? 'serial' : 'integer';
  const id = (col: ColumnDefinitionBuilder) =>
    isPostgres ? col.primaryKey() : col.primaryKey().autoIncrement();
  const real = isPostgres ? 'double precision' : 'real';
  const blob = isPostgres ? 'bytea' : 'blob';

  await db.schema
    .createTable('agencies')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('deputies')
    .addColumn('id', idType, id)
    .addColumn('name', 'text', (c) => c.notNull().unique())
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('suggestions')
    .addColumn('id', idType, id)
    .addColumn('ref', 'text', (c) => c.unique())
    .addColumn('title', 'text')
    .addColumn('year', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('suggestion_deputies')
    .addColumn('suggestion_id', 'integer', (c) =>
      c.notNull().references('suggestions.id').onDelete('cascade'),
    )
    .addColumn('deputy_id', 'integer', (c) => c.notNull().references('deputies.id'))
    .addColumn('is_lead', 'integer', (c) => c.notNull().defaultTo(0))
    .addPrimaryKeyConstraint('suggestion_deputies_pk', ['suggestion_id', 'deputy_id'])
    .execute();

  await db.schema
    .createTable('suggestion_agencies')
    .addColumn('suggestion_id', 'integer', (c) =>
      c.notNull().references('suggestions.id').onDelete('cascade'),
    )
    .addColumn('agency_id', 'integer', (c) => c.notNull().references('agencies.id'))
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('lead', 'co')`))
    .addPrimaryKeyConstraint('suggestion_agencies_pk', ['suggestion_id', 'agency_id'])
    .execute();

  await db.schema
    .createTable('letters')
    .addColumn('id', idType, id)
    .addColumn('suggestion_id', 'integer', (c) => c.references('suggestions.id'))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('doc_number', 'text')
    .addColumn('letter_date', 'text')
    .addColumn('result_grade', 'text', (c) => c.check(sql`result_grade in ('A', 'B', 'C', 'D')`))
    .addColumn('title', 'text')
    .addColumn('deputy_names', 'text')
    .addColumn('contact_person', 'text')
    .addColumn('contact_phone', 'text')
    .addColumn('cc', 'text')
    .addColumn('text', 'text', (c) => c.notNull())
    .addColumn('content_hash', 'text', (c) => c.notNull().unique())
    .addColumn('source_name', 'text')
    .addColumn('source_encoding', 'text')
    .addColumn('raw_bytes', blob)
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('satisfaction_ratings')
    .addColumn('id', idType, id)
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id'))
    .addColumn('level', 'text', (c) =>
      c.notNull().check(sql`level in ('satisfied', 'basically', 'unsatisfied')`),
    )
    .addColumn('comment', 'text')
    .addColumn('recorded_by', 'integer')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('districts')
    .addColumn('id', idType, id)
    .addColumn('city', 'text', (c) => c.notNull())
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('sort_order', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('valid_from', 'integer', (c) => c.notNull())
    .addColumn('valid_to', 'integer')
    .addColumn('source', 'text')
    .addUniqueConstraint('districts_city_name_from', ['city', 'name', 'valid_from'])
    .execute();

  await db.schema
    .createTable('streets')
    .addColumn('id', idType, id)
    .addColumn('district_id', 'integer', (c) => c.notNull().references('districts.id'))
    .addColumn('name', 'text', (c) => c.notNull())
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('street', 'town')`))
    .addColumn('valid_from', 'integer', (c) => c.notNull())
    .addColumn('valid_to', 'integer')
    .addColumn('source', 'text')
    .addUniqueConstraint('streets_district_name_from', ['district_id', 'name', 'valid_from'])
    .execute();

  await db.schema
    .createTable('commitments')
    .addColumn('id', idType, id)
    .addColumn('letter_id', 'integer', (c) => c.notNull().references('letters.id'))
    .addColumn('kind', 'text', (c) => c.notNull().check(sql`kind in ('quantified', 'milestone')`))
    .addColumn('quote', 'text', (c) => c.notNull())
    .addColumn('span_start', 'integer', (c) => c.notNull())
    .addColumn('span_end', 'integer', (c) => c.notNull())
    .addColumn('target_min', real)
    .addColumn('target_max', real)
    .addColumn('unit', 'text')
    .addColumn('object', 'text')
    .addColumn('per_scope', 'text')
    .addColumn('deadline_year', 'integer')
    .addColumn('section', 'text')
    .addColumn('origin', 'text', (c) => c.notNull().check(sql`origin in ('extracted', 'manual')`))
    .addColumn('review_status', 'text', (c) =>
      c
        .notNull()
        .defaultTo('unverified')
        .check(sql`review_status in ('unverified', 'confirmed', 'rejected')`),
    )
    .addColumn('review_note', 'text')
    .addColumn('reviewed_by', 'integer')
    .addColumn('reviewed_at', 'text')
    // Withdrawn (已取消) or judged not kept: why, as a code the scorecards can count.
    .addColumn('withdrawn_at', 'text')
    .addColumn('reason_code', 'text', (c) =>
      c.check(
        sql`reason_code in ('funding', 'land', 'higher_authority', 'policy_change', 'solved_otherwise', 'other')`,
      ),
    )
    .addColumn('reason_text', 'text')
    // Milestones (dated promises without a number) are tracked as done / not done.
    .addColumn('milestone_state', 'text', (c) =>
      c.notNull().defaultTo('open').check(sql`milestone_state in ('open', 'done', 'not_done')`),
    )
    .addColumn('milestone_done_on', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('updated_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema.createIndex('commitments_letter').on('commitments').column('letter_id').execute();

  await db.schema
    .createTable('commitment_targets')
    .addColumn('id', idType, id)
    .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id'))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id'))
    .addColumn('target_min', real, (c) => c.notNull())
    .addColumn('target_max', real)
    .addColumn('allocation', 'text', (c) =>
      c.notNull().check(sql`allocation in ('per_unit', 'split', 'city')`),
    )
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addUniqueConstraint('commitment_targets_unique', ['commitment_id', 'district_id'])
    .execute();

  await db.schema
    .createTable('users')
    .addColumn('id', idType, id)
    .addColumn('username', 'text', (c) => c.notNull().unique())
    .addColumn('display_name', 'text', (c) => c.notNull())
    .addColumn('role', 'text', (c) => c.notNull().check(sql`role in ('office', 'agency', 'deputy')`))
    .addColumn('agency_id', 'integer', (c) => c.references('agencies.id'))
    .addColumn('deputy_id', 'integer', (c) => c.references('deputies.id'))
    .addColumn('password_hash', 'text', (c) => c.notNull())
    .addColumn('disabled', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('user_sessions')
    .addColumn('token_hash', 'text', (c) => c.primaryKey())
    .addColumn('user_id', 'integer', (c) => c.notNull().references('users.id'))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .addColumn('expires_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('attachments')
    .addColumn('id', idType, id)
    .addColumn('file_name', 'text', (c) => c.notNull())
    .addColumn('mime_type', 'text', (c) => c.notNull())
    .addColumn('byte_size', 'integer', (c) => c.notNull())
    .addColumn('sha256', 'text', (c) => c.notNull())
    .addColumn('storage_path', 'text')
    .addColumn('content', blob)
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  // Append-only: a correction is a new row pointing at the row it supersedes.
  await db.schema
    .createTable('progress_updates')
    .addColumn('id', idType, id)
    .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id'))
    .addColumn('district_id', 'integer', (c) => c.references('districts.id'))
    .addColumn('value', real, (c) => c.notNull())
    .addColumn('as_of', 'text', (c) => c.notNull())
    .addColumn('evidence_text', 'text')
    .addColumn('evidence_url', 'text')
    .addColumn('attachment_id', 'integer', (c) => c.references('attachments.id'))
    .addColumn('reporter_user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('reporter_name', 'text', (c) => c.notNull())
    .addColumn('supersedes_id', 'integer', (c) => c.references('progress_updates.id'))
    .addColumn('correction_reason', 'text')
    .addColumn('is_demo', 'integer', (c) => c.notNull().defaultTo(0))
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();
  await db.schema
    .createIndex('progress_updates_commitment')
    .on('progress_updates')
    .columns(['commitment_id', 'district_id', 'as_of'])
    .execute();
  // An entry is superseded at most once: two concurrent corrections of it cannot both land.
  await db.schema
    .createIndex('progress_updates_supersedes')
    .unique()
    .on('progress_updates')
    .column('supersedes_id')
    .execute();

  // 督办: a follow-up request from the office on a commitment, answered by the agency.
  await db.schema
    .createTable('follow_ups')
    .addColumn('id', idType, id)
    .addColumn('commitment_id', 'integer', (c) => c.notNull().references('commitments.id'))
    .addColumn('request', 'text', (c) => c.notNull())
    .addColumn('due_date', 'text')
    .addColumn('requested_by', 'integer', (c) => c.references('users.id'))
    .addColumn('response', 'text')
    .addColumn('responded_by', 'integer', (c) => c.references('users.id'))
    .addColumn('responded_at', 'text')
    .addColumn('created_at', 'text', (c) => c.notNull())
    .execute();

  await db.schema
    .createTable('audit_log')
    .addColumn('id', idType, id)
    .addColumn('at', 'text', (c) => c.notNull())
    .addColumn('user_id', 'integer', (c) => c.references('users.id'))
    .addColumn('actor', 'text', (c) => c.notNull())
    .addColumn('action', 'text', (c) => c.notNull())
    .addColumn('entity', 'text', (c) => c.notNull())
    .addColumn('entity_id', 'integer')
    .addColumn('before_json', 'text')
    .addColumn('after_json', 'text')
    .execute();
  await db.schema.createIndex('audit_log_entity').on('audit_log').columns(['entity', 'entity_id']).execute();
}

export async function down(db: AnyDb): Promise<void> {
  for (const table of [
    'audit_log',
    'follow_ups',
    'progress_updates',
    'attachments',
    'user_sessions',
    'users',
    'commitment_targets',
    'commitments',
    'streets',
    'districts',
    'satisfaction_ratings',
    'letters',
    'suggestion_agencies',
    'suggestion_deputies',
    'suggestions',
    'deputies',
    'agencies',
  ]) {
    await db.schema.dropTable(table).execute();
  }
}
