/** The sign-in form; after signing in the user returns to the page that sent them here. */
import { useMutation, useQueryClient } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Navigate, useNavigate, useSearchParams } from 'react-router';
import { SignInSchema } from '../../../shared/schemas/auth';
import { errorMessage } from '../../components/query-state';
import { TextField } from '../../components/text-field';
import { readReturnPath } from '../../lib/search-params';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../../lib/use-current-user';

export function SignInPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const queryClient = useQueryClient();
  const navigate = useNavigate();
  const [params] = useSearchParams();
  // only paths inside this app: an open redirect would let a link send users anywhere
  const returnTo = readReturnPath(params);
  const { user } = useCurrentUser();
  const [username, setUsername] = useState('');
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);

  const signIn = useMutation(
    trpc.auth.signIn.mutationOptions({
      // every read has been refreshed for the new session by now (mutation-effects.ts)
      onSuccess: (signedIn) => {
        queryClient.setQueryData(trpc.auth.me.queryKey(), signedIn);
        void navigate(returnTo, { replace: true });
      },
    }),
  );

  if (user && !signIn.isPending && !signIn.isSuccess) return <Navigate to={returnTo} replace />;

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(null);
    const parsed = SignInSchema.safeParse({ username, password });
    if (!parsed.success) return setLocalError(parsed.error.issues[0]?.message ?? t('errors.generic'));
    signIn.mutate(parsed.data);
  }

  const error = localError ?? (signIn.error ? errorMessage(signIn.error, t('errors.network')) : null);
  return (
    <section className="page sign-in">
      <form className="card sign-in-card" onSubmit={submit} aria-labelledby="sign-in-title">
        <h1 id="sign-in-title">{t('auth.title')}</h1>
        <p className="muted">{t('auth.subtitle')}</p>
        <TextField
          label={t('auth.username')}
          name="username"
          autoComplete="username"
          value={username}
          onChange={setUsername}
          required
        />
        <TextField
          label={t('auth.password')}
          name="password"
          type="password"
          autoComplete="current-password"
          value={password}
          onChange={setPassword}
          required
        />
        <div className="form-actions">
          <button type="submit" className="button" disabled={signIn.isPending}>
            {signIn.isPending ? t('auth.submitting') : t('auth.submit')}
          </button>
          {error && (
            <p className="form-error" role="alert">
              {error}
            </p>
          )}
        </div>
        <p className="muted small">{t('auth.noAccount')}</p>
      </form>
    </section>
  );
}
