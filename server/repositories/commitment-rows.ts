/** Commitment rows as stored, for the writes that review, correct, withdraw or add them. */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { CommitmentRow, CommitmentTable, Database, NewCommitment } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

/** What a quantified commitment promises; a milestone has none. */
export interface TargetFields {
  min: number;
  max: number | null;
  unit: string | null;
  object: string | null;
  per: NewCommitment['per_scope'];
}

/**
 * The commitment column mapping, written once for the extractor's items, the office's additions and
 * its corrections: a milestone keeps every target column empty.
 */
export function commitmentColumns(
  item: { quote: string; start: number; end: number; deadlineYear: number | null },
  target: TargetFields | null,
) {
  return {
    quote: item.quote,
    span_start: item.start,
    span_end: item.end,
    target_min: target ? target.min : null,
    target_max: target ? target.max : null,
    unit: target ? target.unit : null,
    object: target ? target.object : null,
    per_scope: target ? target.per : null,
    deadline_year: item.deadlineYear,
  };
}

/**
 * A stored commitment in the names the reads use (repositories/commitments.ts commitmentColumns):
 * what the review and outcome writes answer, so the wire never carries the table's columns.
 */
export function toCommitment(row: CommitmentRow) {
  return {
    id: row.id,
    letterId: row.letter_id,
    kind: row.kind,
    quote: row.quote,
    start: row.span_start,
    end: row.span_end,
    min: row.target_min,
    max: row.target_max,
    unit: row.unit,
    object: row.object,
    per: row.per_scope,
    deadlineYear: row.deadline_year,
    section: row.section,
    origin: row.origin,
    confidence: row.confidence,
    reviewStatus: row.review_status,
    reviewNote: row.review_note,
    reviewedBy: row.reviewed_by,
    reviewedAt: row.reviewed_at,
    withdrawnAt: row.withdrawn_at,
    reasonCode: row.reason_code,
    reasonText: row.reason_text,
    milestoneState: row.milestone_state,
    milestoneDoneOn: row.milestone_done_on,
    createdAt: row.created_at,
    updatedAt: row.updated_at,
  };
}

export async function findCommitmentRow(db: Db, id: number): Promise<CommitmentRow | undefined> {
  return db.selectFrom('commitments').selectAll().where('id', '=', id).executeTakeFirst();
}

export async function updateCommitment(
  db: Db,
  id: number,
  patch: Updateable<CommitmentTable>,
): Promise<void> {
  await db.updateTable('commitments').set(patch).where('id', '=', id).execute();
}

/**
 * Raises a commitment's version by one, only from `expected`, the version the caller edited: false
 * when the row has moved on (or is gone). On PostgreSQL the update waits for a concurrent writer
 * of the row and re-reads its version after that one commits, so of two edits from the same
 * version exactly one passes.
 */
export async function claimCommitmentVersion(db: Db, id: number, expected: number): Promise<boolean> {
  const result = await db
    .updateTable('commitments')
    .set((eb) => ({ version: eb('version', '+', 1) }))
    .where('id', '=', id)
    .where('version', '=', expected)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function insertCommitment(db: Db, row: NewCommitment): Promise<CommitmentRow> {
  return db.insertInto('commitments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** An extracted item of a letter being stored: only its id is needed back. */
export async function insertCommitmentId(db: Db, row: NewCommitment): Promise<number> {
  const { id } = await db.insertInto('commitments').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}
