/** The audit log: who changed what, with the row before and after, never edited afterwards. */
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';

export interface AuditEntry {
  actor: string;
  userId?: number | null;
  action: string;
  entity: string;
  entityId: number | null;
  before?: unknown;
  after?: unknown;
}

export async function recordAudit(
  db: Kysely<Database> | Transaction<Database>,
  entry: AuditEntry,
  at: string,
) {
  await db
    .insertInto('audit_log')
    .values({
      at,
      actor: entry.actor,
      user_id: entry.userId ?? null,
      action: entry.action,
      entity: entry.entity,
      entity_id: entry.entityId,
      before_json: entry.before === undefined ? null : JSON.stringify(entry.before),
      after_json: entry.after === undefined ? null : JSON.stringify(entry.after),
    })
    .execute();
}

/** The latest audit entry of one record: who changed it last, and when. */
export async function lastChangeOf(
  db: Kysely<Database> | Transaction<Database>,
  entity: string,
  entityId: number,
): Promise<{ actor: string; at: string } | undefined> {
  return db
    .selectFrom('audit_log')
    .select(['actor', 'at'])
    .where('entity', '=', entity)
    .where('entity_id', '=', entityId)
    .orderBy('id', 'desc')
    .limit(1)
    .executeTakeFirst();
}
