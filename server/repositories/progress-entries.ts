/** Progress entries, their evidence files and the facts a new entry is checked against. */
import type { Kysely, Transaction } from 'kysely';
import type { Database, NewProgressUpdate, ProgressUpdateRow } from '../../db/schema';
import type { ProgressEntry } from '../domain/progress-summary';

type Db = Kysely<Database> | Transaction<Database>;

/** Kept in the database, not on local disk, so several server processes see the same files. */
export async function insertAttachment(
  db: Db,
  file: { fileName: string; mimeType: string; sha256: string; content: Uint8Array; at: string },
): Promise<number> {
  const row = await db
    .insertInto('attachments')
    .values({
      file_name: file.fileName,
      mime_type: file.mimeType,
      byte_size: file.content.byteLength,
      sha256: file.sha256,
      content: file.content,
      created_at: file.at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

/** What decides whether progress may be recorded on a commitment. */
export async function findProgressSubject(db: Db, commitmentId: number) {
  return db
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .select([
      'commitments.id',
      'commitments.letter_id',
      'commitments.kind',
      'commitments.review_status',
      'commitments.withdrawn_at',
      'letters.letter_date',
    ])
    .where('commitments.id', '=', commitmentId)
    .executeTakeFirst();
}

/** The districts a commitment has targets in (null: the city-wide target). */
export async function targetDistrictsOf(db: Db, commitmentId: number) {
  return db
    .selectFrom('commitment_targets')
    .select('district_id')
    .where('commitment_id', '=', commitmentId)
    .execute();
}

/** A stored entry in the domain's words: the wire never carries the table's column names. */
export function toProgressEntry(row: ProgressUpdateRow): ProgressEntry {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    districtId: row.district_id,
    value: row.value,
    asOf: row.as_of,
    supersedesId: row.supersedes_id,
    evidenceText: row.evidence_text,
    evidenceUrl: row.evidence_url,
    attachmentId: row.attachment_id,
    reporterUserId: row.reporter_user_id,
    reporterName: row.reporter_name,
    correctionReason: row.correction_reason,
    isDemo: Number(row.is_demo) === 1,
    createdAt: row.created_at,
  };
}

export async function insertProgressEntry(db: Db, entry: NewProgressUpdate) {
  return db.insertInto('progress_updates').values(entry).returningAll().executeTakeFirstOrThrow();
}

/** Many entries at once (a spreadsheet import): a few statements, not one per row. */
export async function insertProgressEntries(db: Db, entries: readonly NewProgressUpdate[], chunk: number) {
  for (let i = 0; i < entries.length; i += chunk)
    await db
      .insertInto('progress_updates')
      .values(entries.slice(i, i + chunk))
      .execute();
}

export async function findProgressEntry(db: Db, id: number) {
  return db
    .selectFrom('progress_updates')
    .select(['id', 'commitment_id', 'district_id'])
    .where('id', '=', id)
    .executeTakeFirst();
}

/** The entry that corrected this one, if any (each entry is corrected at most once). */
export async function findCorrectionOf(db: Db, id: number) {
  return db.selectFrom('progress_updates').select('id').where('supersedes_id', '=', id).executeTakeFirst();
}
