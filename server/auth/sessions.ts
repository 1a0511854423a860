/**
 * Sessions kept in the database: the browser holds a random token, the table holds only its
 * SHA-256, so a leaked database backup signs nobody in.
 *
 * Lifetime: fixed, 12 hours from sign-in (a working day), not sliding — a stolen cookie stops
 * working the same evening, and nothing is written on every request. Every sign-in issues a new
 * token (the old one, if sent, is deleted); sign-out deletes the row; disabling a user deletes all
 * of theirs.
 */
import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import { sessionUserColumns, sessionUserFromRow } from '../repositories/users';

export const SESSION_LIFETIME_MS = 12 * 60 * 60 * 1000;

export interface IssuedSession {
  token: string;
  expiresAt: Date;
}

export function hashSessionToken(token: string): string {
  return createHash('sha256').update(token).digest('hex');
}

export async function createSession(db: Kysely<Database>, userId: number, now: Date): Promise<IssuedSession> {
  const token = randomBytes(32).toString('base64url');
  const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
  // Housekeeping on the way in: the user's expired sessions are of no use to anyone.
  await db
    .deleteFrom('user_sessions')
    .where('user_id', '=', userId)
    .where('expires_at', '<=', now.toISOString())
    .execute();
  await db
    .insertInto('user_sessions')
    .values({
      token_hash: hashSessionToken(token),
      user_id: userId,
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { token, expiresAt };
}

/** The signed-in user of a token, or null when the token is unknown, expired or its user disabled. */
export async function resolveSession(
  db: Kysely<Database>,
  token: string,
  now: Date,
): Promise<SessionUser | null> {
  const row = await db
    .selectFrom('user_sessions')
    .innerJoin('users', 'users.id', 'user_sessions.user_id')
    .select(sessionUserColumns)
    .where('user_sessions.token_hash', '=', hashSessionToken(token))
    .where('user_sessions.expires_at', '>', now.toISOString())
    .where('users.disabled', '=', 0)
    .executeTakeFirst();
  return row ? sessionUserFromRow(row) : null;
}

export async function revokeSession(db: Kysely<Database>, token: string): Promise<void> {
  await db.deleteFrom('user_sessions').where('token_hash', '=', hashSessionToken(token)).execute();
}

/** Ends every session of a user, except optionally the one making the change. */
export async function revokeUserSessions(
  db: Kysely<Database>,
  userId: number,
  keepToken: string | null = null,
): Promise<void> {
  let query = db.deleteFrom('user_sessions').where('user_id', '=', userId);
  if (keepToken) query = query.where('token_hash', '!=', hashSessionToken(keepToken));
  await query.execute();
}

/** Sessions of users who never came back; run at start so the table does not grow forever. */
export async function purgeExpiredSessions(db: Kysely<Database>, now: Date): Promise<number> {
  const result = await db
    .deleteFrom('user_sessions')
    .where('expires_at', '<=', now.toISOString())
    .executeTakeFirst();
  return Number(result.numDeletedRows);
}
