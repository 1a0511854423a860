/** Suggestions with their deputies, handling agencies (主办/协办), replies and satisfaction. */
import type { Kysely, Selectable, Transaction } from 'kysely';
import type { Database, FollowUpTable, SatisfactionRatingTable } from '../../db/schema';
import type { FollowUp } from '../domain/follow-up-timeliness';
import type { SatisfactionRating } from '../domain/reply-metrics';

type Db = Kysely<Database> | Transaction<Database>;

/** A stored rating in the domain's words: the wire never carries the table's column names. */
export function toRating(row: Selectable<SatisfactionRatingTable>): SatisfactionRating {
  return {
    id: row.id,
    letterId: row.letter_id,
    level: row.level,
    comment: row.comment,
    recordedBy: row.recorded_by,
    createdAt: row.created_at,
  };
}

/** A stored follow-up in the domain's words. */
export function toFollowUp(row: Selectable<FollowUpTable>): FollowUp {
  return {
    id: row.id,
    commitmentId: row.commitment_id,
    request: row.request,
    dueDate: row.due_date,
    requestedBy: row.requested_by,
    response: row.response,
    respondedBy: row.responded_by,
    respondedAt: row.responded_at,
    createdAt: row.created_at,
  };
}

export async function listSuggestions(db: Kysely<Database>, filter: { id?: number } = {}) {
  let query = db.selectFrom('suggestions').selectAll().orderBy('id', 'desc');
  if (filter.id !== undefined) query = query.where('id', '=', filter.id);
  const suggestions = await query.execute();
  const [deputies, agencies] = await Promise.all([
    db
      .selectFrom('suggestion_deputies')
      .innerJoin('deputies', 'deputies.id', 'suggestion_deputies.deputy_id')
      .select([
        'suggestion_deputies.suggestion_id',
        'deputies.id',
        'deputies.name',
        'suggestion_deputies.is_lead',
      ])
      .execute(),
    db
      .selectFrom('suggestion_agencies')
      .innerJoin('agencies', 'agencies.id', 'suggestion_agencies.agency_id')
      .select([
        'suggestion_agencies.suggestion_id',
        'agencies.id',
        'agencies.name',
        'suggestion_agencies.role',
      ])
      .execute(),
  ]);
  return suggestions.map((s) => ({
    id: s.id,
    ref: s.ref,
    title: s.title,
    year: s.year,
    deputies: deputies
      .filter((d) => d.suggestion_id === s.id)
      .map((d) => ({ id: d.id, name: d.name, lead: d.is_lead === 1 })),
    agencies: agencies
      .filter((a) => a.suggestion_id === s.id)
      .map((a) => ({ id: a.id, name: a.name, role: a.role })),
  }));
}

export async function satisfactionHistory(db: Kysely<Database>, letterId: number) {
  return db
    .selectFrom('satisfaction_ratings')
    .leftJoin('users', 'users.id', 'satisfaction_ratings.recorded_by')
    .select([
      'satisfaction_ratings.id',
      'satisfaction_ratings.level',
      'satisfaction_ratings.comment',
      'satisfaction_ratings.created_at as createdAt',
      'users.display_name as recordedBy',
    ])
    .where('satisfaction_ratings.letter_id', '=', letterId)
    .orderBy('satisfaction_ratings.id', 'desc')
    .execute();
}

export async function listFollowUps(db: Kysely<Database>, commitmentId: number) {
  return db
    .selectFrom('follow_ups')
    .leftJoin('users as requester', 'requester.id', 'follow_ups.requested_by')
    .leftJoin('users as responder', 'responder.id', 'follow_ups.responded_by')
    .select([
      'follow_ups.id',
      'follow_ups.request',
      'follow_ups.due_date as dueDate',
      'follow_ups.response',
      'follow_ups.responded_at as respondedAt',
      'follow_ups.created_at as createdAt',
      'requester.display_name as requestedBy',
      'responder.display_name as respondedBy',
    ])
    .where('follow_ups.commitment_id', '=', commitmentId)
    .orderBy('follow_ups.id')
    .execute();
}

export async function suggestionExists(db: Db, id: number): Promise<boolean> {
  return (
    (await db.selectFrom('suggestions').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

export async function letterExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('letters').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function commitmentExists(db: Db, id: number): Promise<boolean> {
  return (
    (await db.selectFrom('commitments').select('id').where('id', '=', id).executeTakeFirst()) !== undefined
  );
}

export async function isHandler(db: Db, suggestionId: number, agencyId: number): Promise<boolean> {
  const row = await db
    .selectFrom('suggestion_agencies')
    .select('role')
    .where('suggestion_id', '=', suggestionId)
    .where('agency_id', '=', agencyId)
    .executeTakeFirst();
  return row !== undefined;
}

export async function insertHandler(
  db: Db,
  link: { suggestionId: number; agencyId: number; role: 'lead' | 'co' },
): Promise<void> {
  await db
    .insertInto('suggestion_agencies')
    .values({ suggestion_id: link.suggestionId, agency_id: link.agencyId, role: link.role })
    .execute();
}

/** A co-signing deputy; naming one twice keeps one link. */
export async function linkDeputy(db: Db, suggestionId: number, deputyId: number): Promise<void> {
  await db
    .insertInto('suggestion_deputies')
    .values({ suggestion_id: suggestionId, deputy_id: deputyId, is_lead: 0 })
    .onConflict((oc) => oc.columns(['suggestion_id', 'deputy_id']).doNothing())
    .execute();
}

export async function insertRating(
  db: Db,
  rating: { letterId: number; level: 'satisfied' | 'basically' | 'unsatisfied'; comment: string | null },
  recordedBy: number,
  at: string,
) {
  return db
    .insertInto('satisfaction_ratings')
    .values({
      letter_id: rating.letterId,
      level: rating.level,
      comment: rating.comment,
      recorded_by: recordedBy,
      created_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

export async function insertFollowUp(
  db: Db,
  followUp: { commitmentId: number; request: string; dueDate: string | null },
  requestedBy: number,
  at: string,
) {
  return db
    .insertInto('follow_ups')
    .values({
      commitment_id: followUp.commitmentId,
      request: followUp.request,
      due_date: followUp.dueDate,
      requested_by: requestedBy,
      created_at: at,
    })
    .returningAll()
    .executeTakeFirstOrThrow();
}

/** A follow-up with the letter its commitment belongs to (whose agencies may answer it). */
export async function findFollowUp(db: Db, id: number) {
  return db
    .selectFrom('follow_ups')
    .innerJoin('commitments', 'commitments.id', 'follow_ups.commitment_id')
    .select(['follow_ups.id', 'follow_ups.response', 'commitments.letter_id as letterId'])
    .where('follow_ups.id', '=', id)
    .executeTakeFirst();
}

/** Answers a follow-up not answered yet; false when another answer came first. */
export async function answerFollowUp(
  db: Db,
  id: number,
  answer: { response: string; respondedBy: number },
  at: string,
): Promise<boolean> {
  const result = await db
    .updateTable('follow_ups')
    .set({ response: answer.response, responded_by: answer.respondedBy, responded_at: at })
    .where('id', '=', id)
    .where('response', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}
