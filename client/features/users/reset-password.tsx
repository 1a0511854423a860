/** The office gives a user who forgot their password a new initial one, inline in the user list. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ResetPasswordSchema } from '../../../shared/schemas/auth';
import { errorMessage } from '../../components/query-state';
import { useTRPC } from '../../lib/trpc';

export function ResetPassword({ userId, username }: { userId: number; username: string }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [open, setOpen] = useState(false);
  const [password, setPassword] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const reset = useMutation(
    trpc.users.resetPassword.mutationOptions({
      onSuccess: () => {
        setPassword('');
        setOpen(false);
      },
    }),
  );

  if (!open) {
    return (
      <>
        <button
          type="button"
          className="button button-secondary button-small"
          onClick={() => {
            reset.reset();
            setOpen(true);
          }}
        >
          {t('users.reset.open')}
        </button>
        {reset.isSuccess && (
          <span className="form-success small" role="status">
            {' '}
            {t('users.reset.done', { username })}
          </span>
        )}
      </>
    );
  }

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(null);
    const parsed = ResetPasswordSchema.safeParse({ id: userId, password });
    if (!parsed.success) return setLocalError(parsed.error.issues[0]?.message ?? t('errors.generic'));
    reset.mutate(parsed.data);
  }

  const error = localError ?? (reset.error ? errorMessage(reset.error, t('errors.generic')) : null);
  return (
    <form className="inline-form" onSubmit={submit}>
      <input
        type="password"
        autoComplete="new-password"
        aria-label={t('users.reset.label', { username })}
        value={password}
        onChange={(e) => setPassword(e.target.value)}
      />
      <button type="submit" className="button button-small" disabled={reset.isPending}>
        {t('users.reset.submit')}
      </button>
      <button type="button" className="button button-secondary button-small" onClick={() => setOpen(false)}>
        {t('users.reset.cancel')}
      </button>
      {error && (
        <span className="form-error small" role="alert">
          {error}
        </span>
      )}
    </form>
  );
}
