/**
 * Creating and disabling accounts, shared by the office's user management, the create-user CLI and
 * the first office account made at start-up. Each change and its audit entry share a transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { CreateUserInput } from '../../shared/schemas/auth';
import { hashPassword, verifyPassword } from '../auth/passwords';
import { revokeUserSessions } from '../auth/sessions';
import { Conflict, Invalid, notFound } from '../domain/errors';
import { isUniqueViolation } from '../repositories/unique-violation';
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
import { runWrite, type WriteActor } from './write';

/** Who made the change, for the audit log: a signed-in user, or 'cli' / 'system' with no id. */
export type Actor = WriteActor;

/** The signed-in user as the audit log names them. */
export const actorOf = (user: { id: number; username: string }): Actor => ({
  userId: user.id,
  name: user.username,
});

/** The key of the refusal a second account of one username gets (first start checks for it). */
export const USERNAME_TAKEN = 'user.usernameTaken';

/** What the audit log keeps of an account: never the password hash. */
function auditView(user: UserSummary) {
  const { id, username, displayName, role, agencyId, deputyId, disabled } = user;
  return { id, username, displayName, role, agencyId, deputyId, disabled };
}

/** An account linked to an agency or deputy that does not exist: the form's choice is wrong, not a lookup. */
const invalidLink = (missing: Error) => new Invalid('user.unknownLink', missing.message);

export async function createUserAccount(
  db: Kysely<Database>,
  input: CreateUserInput,
  actor: Actor,
  now: Date,
): Promise<UserSummary> {
  const agencyId = input.role === 'agency' ? input.agencyId : null;
  const deputyId = input.role === 'deputy' ? input.deputyId : null;
  if (agencyId !== null && !(await agencyExists(db, agencyId)))
    throw invalidLink(notFound('agency', agencyId, '请先录入该单位的答复函'));
  if (deputyId !== null && !(await deputyExists(db, deputyId)))
    throw invalidLink(notFound('deputy', deputyId));
  const taken = () => new Conflict(USERNAME_TAKEN, `用户名“${input.username}”已被使用,请换一个。`);
  if (await usernameTaken(db, input.username)) throw taken();

  const passwordHash = await hashPassword(input.password);
  const at = now.toISOString();
  return runWrite(db, {
    actor,
    action: 'user.create',
    entity: 'user',
    entityId: (created: UserSummary) => created.id,
    now,
    after: auditView,
    write: async ({ trx }) => {
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
      return created;
    },
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
    throw new Invalid('user.disableSelf', '不能停用自己的账号;请由另一位督查室用户操作。');
  let before: UserSummary | null | undefined;
  return runWrite(db, {
    actor,
    action: disabled ? 'user.disable' : 'user.enable',
    entity: 'user',
    entityId: userId,
    now,
    before: async (trx) => {
      before = await findUser(trx, userId);
      if (!before) throw notFound('user', userId);
      return auditView(before);
    },
    after: auditView,
    write: async ({ trx, unchanged }) => {
      if (!before) throw new Error('before loads the account first');
      if (before.disabled === disabled) {
        unchanged();
        return before;
      }
      await setUserDisabled(trx, userId, disabled);
      if (disabled) await revokeUserSessions(trx, userId);
      return { ...before, disabled };
    },
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
  if (storedHash === null) throw notFound('user', change.userId);
  if (change.currentPassword !== undefined && !(await verifyPassword(storedHash, change.currentPassword)))
    throw new Invalid('user.wrongPassword', '当前密码不正确。');
  const passwordHash = await hashPassword(change.newPassword);
  const own = actor.userId === change.userId;
  await runWrite(db, {
    actor,
    action: own ? 'user.changePassword' : 'user.resetPassword',
    entity: 'user',
    entityId: change.userId,
    now,
    after: null,
    write: async ({ trx }) => {
      await setPasswordHash(trx, change.userId, passwordHash);
      await revokeUserSessions(trx, change.userId, own ? (change.keepSessionToken ?? null) : null);
    },
  });
}
