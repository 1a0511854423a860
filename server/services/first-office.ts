/**
 * The first supervision-office account, so a fresh installation can be signed into: created at
 * start-up from OFFICE_USERNAME / OFFICE_PASSWORD when no active office account exists. There is
 * no default password; without the variables the server says how to make one.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { CreateUserSchema } from '../../shared/schemas/auth';
import { Conflict } from '../domain/errors';
import { activeOfficeUserExists, usernameTaken } from '../repositories/users';
import { createUserAccount, USERNAME_TAKEN } from './user-accounts';

export type FirstOfficeOutcome =
  | { kind: 'exists' }
  | { kind: 'created'; username: string }
  | { kind: 'needs-credentials' }
  | { kind: 'invalid'; problem: string };

export async function ensureFirstOfficeAccount(
  db: Kysely<Database>,
  credentials: { username?: string | undefined; password?: string | undefined },
  now: Date,
): Promise<FirstOfficeOutcome> {
  if (await activeOfficeUserExists(db)) return { kind: 'exists' };
  if (!credentials.username || !credentials.password) return { kind: 'needs-credentials' };
  const parsed = CreateUserSchema.safeParse({
    role: 'office',
    username: credentials.username,
    displayName: '督查室',
    password: credentials.password,
  });
  if (!parsed.success)
    return { kind: 'invalid', problem: parsed.error.issues.map((i) => i.message).join(' ') };
  // A disabled account of that name must stay disabled: re-enabling is the office's decision.
  if (await usernameTaken(db, parsed.data.username)) {
    // A second server starting at the same moment may have created it since the first check.
    if (await activeOfficeUserExists(db)) return { kind: 'exists' };
    return { kind: 'invalid', problem: `用户名“${parsed.data.username}”已存在但不是可用的督查室账号。` };
  }
  try {
    await createUserAccount(db, parsed.data, { userId: null, name: 'system' }, now);
  } catch (error) {
    // A second server starting at the same moment created it first: the unique username decided.
    if (error instanceof Conflict && error.key === USERNAME_TAKEN && (await activeOfficeUserExists(db)))
      return { kind: 'exists' };
    throw error;
  }
  return { kind: 'created', username: parsed.data.username };
}

/** The line a newcomer reads when the server starts with nobody able to sign in. */
export const FIRST_OFFICE_HINT = [
  '尚无督查室账号,无法登录进行录入 (no office account yet — nobody can sign in to edit). Create one:',
  '  OFFICE_USERNAME=office OFFICE_PASSWORD=<至少10位 / 10+ chars> npm start',
  '  or: npm run create-user -- --username office --role office --password-stdin',
].join('\n');
