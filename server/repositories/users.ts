/**
 * User accounts: credentials for sign-in, the SessionUser every request carries, and the office's
 * user list. Password hashes leave this module only through `findCredentials`.
 */
import type { Kysely } from 'kysely';
import type { Database, UserTable } from '../../db/schema';
import type { Role, SessionUser } from '../../shared/auth';

type Db = Kysely<Database>;

export const sessionUserColumns = [
  'users.id',
  'users.username',
  'users.display_name',
  'users.role',
  'users.agency_id',
  'users.deputy_id',
] as const;

interface SessionUserRow {
  id: number;
  username: string;
  display_name: string;
  role: Role;
  agency_id: number | null;
  deputy_id: number | null;
}

export function sessionUserFromRow(row: SessionUserRow): SessionUser {
  return {
    id: row.id,
    username: row.username,
    displayName: row.display_name,
    role: row.role,
    agencyId: row.agency_id,
    deputyId: row.deputy_id,
  };
}

export interface Credentials {
  user: SessionUser;
  passwordHash: string;
  disabled: boolean;
}

export async function findCredentials(db: Db, username: string): Promise<Credentials | null> {
  const row = await db
    .selectFrom('users')
    .select([...sessionUserColumns, 'users.password_hash', 'users.disabled'])
    .where('users.username', '=', username)
    .executeTakeFirst();
  if (!row) return null;
  return { user: sessionUserFromRow(row), passwordHash: row.password_hash, disabled: row.disabled === 1 };
}

export interface UserSummary extends SessionUser {
  agencyName: string | null;
  deputyName: string | null;
  disabled: boolean;
  createdAt: string;
}

export async function listUsers(db: Db, where: { id?: number } = {}): Promise<UserSummary[]> {
  let query = db
    .selectFrom('users')
    .leftJoin('agencies', 'agencies.id', 'users.agency_id')
    .leftJoin('deputies', 'deputies.id', 'users.deputy_id')
    .select([
      ...sessionUserColumns,
      'users.disabled',
      'users.created_at',
      'agencies.name as agency_name',
      'deputies.name as deputy_name',
    ])
    .orderBy('users.id');
  if (where.id !== undefined) query = query.where('users.id', '=', where.id);
  const rows = await query.execute();
  return rows.map((row) => ({
    ...sessionUserFromRow(row),
    agencyName: row.agency_name,
    deputyName: row.deputy_name,
    disabled: row.disabled === 1,
    createdAt: row.created_at,
  }));
}

export async function findUser(db: Db, id: number): Promise<UserSummary | null> {
  return (await listUsers(db, { id }))[0] ?? null;
}

export async function usernameTaken(db: Db, username: string): Promise<boolean> {
  const row = await db.selectFrom('users').select('id').where('username', '=', username).executeTakeFirst();
  return row !== undefined;
}

export type NewUser = Pick<
  UserTable,
  'username' | 'display_name' | 'role' | 'agency_id' | 'deputy_id' | 'password_hash' | 'created_at'
>;

export async function insertUser(db: Db, user: NewUser): Promise<number> {
  const row = await db.insertInto('users').values(user).returning('id').executeTakeFirstOrThrow();
  return row.id;
}

export async function setUserDisabled(db: Db, id: number, disabled: boolean): Promise<void> {
  await db
    .updateTable('users')
    .set({ disabled: disabled ? 1 : 0 })
    .where('id', '=', id)
    .execute();
}

export async function setPasswordHash(db: Db, id: number, passwordHash: string): Promise<void> {
  await db.updateTable('users').set({ password_hash: passwordHash }).where('id', '=', id).execute();
}

export async function findPasswordHash(db: Db, id: number): Promise<string | null> {
  const row = await db.selectFrom('users').select('password_hash').where('id', '=', id).executeTakeFirst();
  return row?.password_hash ?? null;
}

export async function activeOfficeUserExists(db: Db): Promise<boolean> {
  const row = await db
    .selectFrom('users')
    .select('id')
    .where('role', '=', 'office')
    .where('disabled', '=', 0)
    .executeTakeFirst();
  return row !== undefined;
}

export async function agencyExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('agencies').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export async function deputyExists(db: Db, id: number): Promise<boolean> {
  return (await db.selectFrom('deputies').select('id').where('id', '=', id).executeTakeFirst()) !== undefined;
}

export interface NamedRecord {
  id: number;
  name: string;
}

/** What an account can belong to: the agencies and deputies known from ingested letters. */
export async function listAccountLinks(
  db: Db,
): Promise<{ agencies: NamedRecord[]; deputies: NamedRecord[] }> {
  const [agencies, deputies] = await Promise.all([
    db.selectFrom('agencies').select(['id', 'name']).orderBy('name').execute(),
    db.selectFrom('deputies').select(['id', 'name']).orderBy('name').execute(),
  ]);
  return { agencies, deputies };
}
