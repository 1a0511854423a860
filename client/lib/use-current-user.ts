/**
 * Who is signed in, from `auth.me`. Pages use it to show only the actions the user's role may take;
 * the server enforces the same rules (server/permissions.ts), this only avoids offering what would
 * be refused.
 */
import { useQuery } from '@tanstack/react-query';
import type { Role, SessionUser } from '../../shared/auth';
import { useTRPC } from './trpc';

export interface CurrentUser {
  user: SessionUser | null;
  /** true until the first answer: render nothing role-dependent yet, to avoid a flash */
  isPending: boolean;
}

export function useCurrentUser(): CurrentUser {
  const trpc = useTRPC();
  const me = useQuery(trpc.auth.me.queryOptions(undefined, { staleTime: 5 * 60_000 }));
  return { user: me.data ?? null, isPending: me.isPending };
}

export function hasRole(user: SessionUser | null, roles: readonly Role[]): boolean {
  return user !== null && roles.includes(user.role);
}
