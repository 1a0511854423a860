/** Suggestions with their deputies, handling agencies (主办/协办), replies and satisfaction. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';

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
