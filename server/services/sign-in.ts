/**
 * Signing in and out. Both go through the write door: a session row and its audit entry are one
 * write, and a refused sign-in is kept in the audit log (for spotting password guessing) before
 * the refusal is raised.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import { verifyAgainstDecoy, verifyPassword } from '../auth/passwords';
import { createSession, type IssuedSession, revokeSession } from '../auth/sessions';
import { Forbidden, Unauthenticated } from '../domain/errors';
import { findCredentials } from '../repositories/users';
import { runWrite } from './write';

const WRONG_CREDENTIALS = '用户名或密码不正确。';

/** A refused attempt, written down whatever the outcome of the request. */
function auditRefusal(
  db: Kysely<Database>,
  entry: { actor: string; userId: number | null; action: string; entityId: number | null },
  now: Date,
) {
  return runWrite(db, {
    actor: { userId: entry.userId, name: entry.actor },
    action: entry.action,
    entity: 'user',
    entityId: entry.entityId,
    now,
    after: null,
    write: async () => undefined,
  });
}

/** The user and a new session; the browser's earlier session (if any) is revoked, never reused. */
export async function signIn(
  db: Kysely<Database>,
  input: { username: string; password: string },
  previousToken: string | null,
  now = new Date(),
): Promise<{ user: SessionUser; session: IssuedSession }> {
  const credentials = await findCredentials(db, input.username);
  const valid = credentials
    ? await verifyPassword(credentials.passwordHash, input.password)
    : await verifyAgainstDecoy(input.password);
  if (!credentials || !valid) {
    // The message never says which half was wrong.
    await auditRefusal(
      db,
      {
        actor: input.username,
        userId: null,
        action: 'auth.signInFailed',
        entityId: credentials?.user.id ?? null,
      },
      now,
    );
    throw new Unauthenticated('auth.wrongCredentials', WRONG_CREDENTIALS);
  }
  const { user } = credentials;
  if (credentials.disabled) {
    await auditRefusal(
      db,
      { actor: user.username, userId: user.id, action: 'auth.signInRefused', entityId: user.id },
      now,
    );
    throw new Forbidden('auth.disabled', '该账号已停用,请联系督查室。');
  }
  const session = await runWrite(db, {
    actor: { userId: user.id, name: user.username },
    action: 'auth.signIn',
    entity: 'user',
    entityId: user.id,
    now,
    after: null,
    write: async ({ trx }) => {
      // Rotation: whatever session this browser had is replaced, never reused.
      if (previousToken) await revokeSession(trx, previousToken);
      return createSession(trx, user.id, now);
    },
  });
  return { user, session };
}

export async function signOut(db: Kysely<Database>, user: SessionUser, sessionToken: string, now: Date) {
  await runWrite(db, {
    actor: { userId: user.id, name: user.username },
    action: 'auth.signOut',
    entity: 'user',
    entityId: user.id,
    now,
    after: null,
    write: ({ trx }) => revokeSession(trx, sessionToken),
  });
}
