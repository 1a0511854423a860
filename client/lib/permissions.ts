/**
 * What the signed-in user may call, read from the same table the server enforces
 * (server/permissions.ts), so a screen never offers an action the server would refuse for the
 * role. Ownership (a clerk's own agency, a deputy's own suggestions) is checked by the server per
 * row; pages narrow further where they know the row.
 */

import { type Access, PERMISSIONS } from '../../server/permissions';
import type { SessionUser } from '../../shared/auth';

export function mayCall(user: SessionUser | null, procedure: string): boolean {
  const allowed: readonly Access[] = PERMISSIONS[procedure] ?? [];
  return user ? allowed.includes(user.role) : allowed.includes('public') || allowed.includes('anyone');
}
