/** Commitment rows as stored, for the writes that review, correct, withdraw or add them. */
import type { Kysely, Transaction, Updateable } from 'kysely';
import type { CommitmentRow, CommitmentTable, Database, NewCommitment } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

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

export async function insertCommitment(db: Db, row: NewCommitment): Promise<CommitmentRow> {
  return db.insertInto('commitments').values(row).returningAll().executeTakeFirstOrThrow();
}

/** An extracted item of a letter being stored: only its id is needed back. */
export async function insertCommitmentId(db: Db, row: NewCommitment): Promise<number> {
  const { id } = await db.insertInto('commitments').values(row).returning('id').executeTakeFirstOrThrow();
  return id;
}
