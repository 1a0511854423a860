/**
 * Creating and disabling accounts, shared by the office's user management, the create-user CLI and
 * the first office account made at start-up. Each change and its audit entry share a transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { CreateUserInput } from '../../shared/schemas/auth';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { revokeUserSessions } from '../auth/sessions';
import { recordAudit } from '../repositories/audit';
import {
  agencyExists,
  deputyExists,
  findPasswordHash,
  findUser,
  insertUser,
  setPasswordHash,
  setUserDisabled,
  type UserSummary,
  usernameTaken,
} from '../repositories/users';

/** Who made the change, for the audit log: a signed-in user, or 'cli' / 'system' with no id. */
export interface Actor {
  userId: number | null;
  name: string;
}

export type AccountProblem =
  | 'username-taken'
  | 'unknown-agency'
  | 'unknown-deputy'
  | 'not-found'
  | 'self'
  | 'wrong-password';

/** A refusal the person making the change can fix; the message says how. */
export class AccountError extends Error {
  constructor(
    readonly problem: AccountProblem,
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

/** SQLite (better-sqlite3) and PostgreSQL (pg) name a unique-index violation differently. */
function isUniqueViolation(error: unknown): boolean {
  if (typeof error !== 'object' || error === null || !('code' in error)) return false;
  return error.code === 'SQLITE_CONSTRAINT_UNIQUE' || error.code === '23505';
}

/** What the audit log keeps of an account: never the password hash. */
function auditView(user: UserSummary) {
  const { id, username, displayName, role, agencyId, deputyId, disabled } = user;
  return { id, username, displayName, role, agencyId, deputyId, disabled };
}

export async function createUserAccount(
  db: Kysely<Database>,
  input: CreateUserInput,
  actor: Actor,
  now: Date,
): Promise<UserSummary> {
  const agencyId = input.role === 'agency' ? input.agencyId : null;
  const deputyId = input.role === 'deputy' ? input.deputyId : null;
  if (agencyId !== null && !(await agencyExists(db, agencyId)))
    throw new AccountError('unknown-agency', `找不到编号为 ${agencyId} 的承办单位,请先录入该单位的答复函。`);
  if (deputyId !== null && !(await deputyExists(db, deputyId)))
    throw new AccountError('unknown-deputy', `找不到编号为 ${deputyId} 的代表。`);
  const taken = () => new AccountError('username-taken', `用户名“${input.username}”已被使用,请换一个。`);
  if (await usernameTaken(db, input.username)) throw taken();

  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const id = await insertUser(trx, {
      username: input.username,
      display_name: input.displayName,
      role: input.role,
      agency_id: agencyId,
      deputy_id: deputyId,
      password_hash: passwordHash,
      created_at: at,
    }).catch((error: unknown) => {
      // Two offices creating the same username at once: the unique index decides.
      throw isUniqueViolation(error) ? taken() : error;
    });
    const created = await findUser(trx, id);
    if (!created) throw new Error(`user ${id} vanished inside its own transaction`);
    await recordAudit(
      trx,
      {
        actor: actor.name,
        userId: actor.userId,
        action: 'user.create',
        entity: 'user',
        entityId: id,
        after: auditView(created),
      },
      at,
    );
    return created;
  });
}

/** Disabling also ends every session of the account at once; enabling lets it sign in again. */
export async function setAccountDisabled(
  db: Kysely<Database>,
  userId: number,
  disabled: boolean,
  actor: Actor,
  now: Date,
): Promise<UserSummary> {
  if (disabled && actor.userId === userId)
    throw new AccountError('self', '不能停用自己的账号;请由另一位督查室用户操作。');
  const at = now.toISOString();
  return db.transaction().execute(async (trx) => {
    const before = await findUser(trx, userId);
    if (!before) throw new AccountError('not-found', `找不到编号为 ${userId} 的用户。`);
    if (before.disabled === disabled) return before;
    await setUserDisabled(trx, userId, disabled);
    if (disabled) await revokeUserSessions(trx, userId);
    const after = { ...before, disabled };
    await recordAudit(
      trx,
      {
        actor: actor.name,
        userId: actor.userId,
        action: disabled ? 'user.disable' : 'user.enable',
        entity: 'user',
        entityId: userId,
        before: auditView(before),
        after: auditView(after),
      },
      at,
    );
    return after;
  });
}

/**
 * A new password. Changing one's own needs the current one and keeps the session in use (every
 * other session ends: a password is changed because it may be known); the office resetting
 * someone else's ends all of theirs.
 */
export async function setAccountPassword(
  db: Kysely<Database>,
  change: { userId: number; newPassword: string; currentPassword?: string; keepSessionToken?: string | null },
  actor: Actor,
  now: Date,
): Promise<void> {
  const storedHash = await findPasswordHash(db, change.userId);
  if (storedHash === null) throw new AccountError('not-found', `找不到编号为 ${change.userId} 的用户。`);
  if (change.currentPassword !== undefined && !(await verifyPassword(storedHash, change.currentPassword)))
    throw new AccountError('wrong-password', '当前密码不正确。');
  const passwordHash = await hashPassword(change.newPassword);
  const own = actor.userId === change.userId;
  await db.transaction().execute(async (trx) => {
    await setPasswordHash(trx, change.userId, passwordHash);
    await revokeUserSessions(trx, change.userId, own ? (change.keepSessionToken ?? null) : null);
    await recordAudit(
      trx,
      {
        actor: actor.name,
        userId: actor.userId,
        action: own ? 'user.changePassword' : 'user.resetPassword',
        entity: 'user',
        entityId: change.userId,
      },
      now.toISOString(),
    );
  });
}
