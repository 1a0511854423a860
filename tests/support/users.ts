/** Test accounts: one per role made the way the product makes them, or bare rows for router tests. */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { ensureAgency, ensureDeputy } from '../../server/repositories/parties';
import { createUserAccount } from '../../server/services/user-accounts';
import type { Role, SessionUser } from '../../shared/auth';

export const TEST_PASSWORD = 'correct horse battery';

const system = { userId: null, name: 'test' };

function asSessionUser(user: SessionUser): SessionUser {
  const { id, username, displayName, role, agencyId, deputyId } = user;
  return { id, username, displayName, role, agencyId, deputyId };
}

export async function createRoleUsers(db: Kysely<Database>): Promise<Record<Role, SessionUser>> {
  const now = new Date();
  const agencyId = await ensureAgency(db, '厦门市民政局', now.toISOString());
  const deputyId = await ensureDeputy(db, '苏辉明', now.toISOString());
  const common = { password: TEST_PASSWORD };
  const office = await createUserAccount(
    db,
    { ...common, role: 'office', username: 'office', displayName: '督查室' },
    system,
    now,
  );
  const agency = await createUserAccount(
    db,
    { ...common, role: 'agency', username: 'mzj', displayName: '民政局经办人', agencyId },
    system,
    now,
  );
  const deputy = await createUserAccount(
    db,
    { ...common, role: 'deputy', username: 'suhm', displayName: '苏辉明', deputyId },
    system,
    now,
  );
  return { office: asSessionUser(office), agency: asSessionUser(agency), deputy: asSessionUser(deputy) };
}

/** A bare user row (no usable password) so foreign keys to users hold in router tests. */
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
