/** What the agency scorecards read beyond the commitments: agencies, letters per agency, follow-ups. */
import { type Kysely, sql } from 'kysely';
import type { Database } from '../../db/schema';

/** Agencies with how many letters each has answered (the responding agency of the letter). */
export async function listAgencies(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('agencies')
    .leftJoin('letters', 'letters.agency_id', 'agencies.id')
    .select(['agencies.name', sql<number>`cast(count(letters.id) as integer)`.as('letters')])
    .groupBy(['agencies.id', 'agencies.name'])
    .orderBy('agencies.name')
    .execute();
  return rows.map((r) => ({ name: r.name, letters: Number(r.letters) }));
}

/** Follow-ups on confirmed commitments, with the agency that answers them. */
export async function listFollowUpsByAgency(db: Kysely<Database>) {
  return db
    .selectFrom('follow_ups')
    .innerJoin('commitments', 'commitments.id', 'follow_ups.commitment_id')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .leftJoin('agencies', 'agencies.id', 'letters.agency_id')
    .select([
      'follow_ups.id',
      'follow_ups.commitment_id as commitmentId',
      'follow_ups.request',
      'follow_ups.due_date as dueDate',
      'follow_ups.responded_at as respondedAt',
      'commitments.object',
      'agencies.name as agency',
    ])
    .where('commitments.review_status', '=', 'confirmed')
    .orderBy('follow_ups.due_date')
    .orderBy('follow_ups.id')
    .execute();
}
