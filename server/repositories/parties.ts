/**
 * Agencies, deputies and suggestions: found by their natural key or created once. Concurrent
 * ingests may race on the same name, so inserts ignore conflicts and the row is read back.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

type Db = Kysely<Database> | Transaction<Database>;

export async function ensureAgency(db: Db, name: string, now: string): Promise<number> {
  await db
    .insertInto('agencies')
    .values({ name, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('agencies').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export async function ensureDeputy(db: Db, name: string, now: string): Promise<number> {
  await db
    .insertInto('deputies')
    .values({ name, created_at: now })
    .onConflict((oc) => oc.column('name').doNothing())
    .execute();
  const row = await db.selectFrom('deputies').select('id').where('name', '=', name).executeTakeFirstOrThrow();
  return row.id;
}

export interface SuggestionFacts {
  ref: string | null;
  title: string | null;
  year: number | null;
}

/** A suggestion with a reference number is shared by every reply to it; one without gets its own row. */
export async function ensureSuggestion(db: Db, facts: SuggestionFacts, now: string): Promise<number> {
  if (facts.ref) {
    await db
      .insertInto('suggestions')
      .values({ ...facts, created_at: now })
      .onConflict((oc) => oc.column('ref').doNothing())
      .execute();
    const row = await db
      .selectFrom('suggestions')
      .select('id')
      .where('ref', '=', facts.ref)
      .executeTakeFirstOrThrow();
    return row.id;
  }
  const row = await db
    .insertInto('suggestions')
    .values({ ...facts, created_at: now })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

export async function linkSuggestion(
  db: Db,
  suggestionId: number,
  links: { agencyId: number | null; deputyIds: number[] },
): Promise<void> {
  if (links.agencyId !== null) {
    await db
      .insertInto('suggestion_agencies')
      .values({ suggestion_id: suggestionId, agency_id: links.agencyId, role: 'lead' })
      .onConflict((oc) => oc.columns(['suggestion_id', 'agency_id']).doNothing())
      .execute();
  }
  for (const [index, deputyId] of links.deputyIds.entries()) {
    await db
      .insertInto('suggestion_deputies')
      .values({ suggestion_id: suggestionId, deputy_id: deputyId, is_lead: index === 0 ? 1 : 0 })
      .onConflict((oc) => oc.columns(['suggestion_id', 'deputy_id']).doNothing())
      .execute();
  }
}
