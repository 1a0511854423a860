/** Test users of every role, stored so foreign keys to users hold on both databases. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { Role, SessionUser } from '../../shared/auth';

export async function makeUser(
  db: Kysely<Database>,
  username: string,
  role: Role,
  links: { agencyId?: number | null; deputyId?: number | null } = {},
): Promise<SessionUser> {
  const row = await db
    .insertInto('users')
    .values({
      username,
      display_name: username,
      role,
      agency_id: links.agencyId ?? null,
      deputy_id: links.deputyId ?? null,
      password_hash: 'not-used-in-router-tests',
      created_at: new Date().toISOString(),
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return {
    id: row.id,
    username,
    displayName: username,
    role,
    agencyId: links.agencyId ?? null,
    deputyId: links.deputyId ?? null,
  };
}
