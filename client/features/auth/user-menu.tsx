/** The header's account corner: who is signed in and a sign-out button, or a link to sign in. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useLocation, useNavigate } from 'react-router';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../../lib/use-current-user';

export function UserMenu() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const location = useLocation();
  const { user, isPending } = useCurrentUser();
  const signOut = useMutation(
    trpc.auth.signOut.mutationOptions({
      // every read is refreshed by the mutation cache (mutation-effects.ts); the header need not wait for it
      onSuccess: () => queryClient.setQueryData(trpc.auth.me.queryKey(), null),
      onSettled: () => void navigate('/'),
    }),
  );

  if (isPending) return <div className="user-menu" aria-hidden="true" />;
  if (!user) {
    if (location.pathname === '/sign-in') return <div className="user-menu" />;
    const from = `${location.pathname}${location.search}`;
    return (
      <div className="user-menu">
        <Link className="sign-in-link" to={`/sign-in?from=${encodeURIComponent(from)}`}>
          {t('auth.signIn')}
        </Link>
      </div>
    );
  }
  return (
    <div className="user-menu">
      <Link className="user-name" to="/account" data-testid="current-user" title={t('account.title')}>
        {user.displayName}
        {user.displayName !== t(`auth.roles.${user.role}`) && (
          <span className="user-role">{t(`auth.roles.${user.role}`)}</span>
        )}
      </Link>
      <button
        type="button"
        className="sign-out"
        onClick={() => signOut.mutate()}
        disabled={signOut.isPending}
      >
        {t('auth.signOut')}
      </button>
    </div>
  );
}
