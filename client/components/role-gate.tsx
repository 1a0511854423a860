/**
 * Shows an action only to the roles that may use it; others see why it is missing: anonymous
 * visitors a link to sign in, signed-in users of another role a short note.
 */
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useLocation } from 'react-router';
import type { Role } from '../../shared/auth';
import { hasRole, useCurrentUser } from '../lib/use-current-user';

interface RoleGateProps {
  roles: readonly Role[];
  /** what anonymous visitors read, e.g. “登录后可录入答复函” */
  signInHint: string;
  /** what signed-in users without the role read; nothing when absent */
  otherRoleHint?: string;
  children: ReactNode;
}

export function RoleGate({ roles, signInHint, otherRoleHint, children }: RoleGateProps) {
  const { t } = useTranslation();
  const location = useLocation();
  const { user, isPending } = useCurrentUser();
  if (isPending) return null;
  if (hasRole(user, roles)) return children;
  if (user) return otherRoleHint ? <p className="role-hint muted">{otherRoleHint}</p> : null;
  const from = encodeURIComponent(`${location.pathname}${location.search}`);
  return (
    <p className="role-hint" data-testid="sign-in-hint">
      {signInHint} <Link to={`/sign-in?from=${from}`}>{t('auth.signIn')}</Link>
    </p>
  );
}
