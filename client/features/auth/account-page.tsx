/** The signed-in user's own account: who they are, and changing their password. */
import { useMutation } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ChangePasswordSchema, PASSWORD_MIN_LENGTH } from '../../../shared/schemas/auth';
import { errorMessage } from '../../components/query-state';
import { RoleGate } from '../../components/role-gate';
import { TextField } from '../../components/text-field';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../../lib/use-current-user';

function ChangePasswordForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [currentPassword, setCurrent] = useState('');
  const [newPassword, setNew] = useState('');
  const [repeated, setRepeated] = useState('');
  const [localError, setLocalError] = useState<string | null>(null);
  const change = useMutation(
    trpc.auth.changePassword.mutationOptions({
      onSuccess: () => {
        setCurrent('');
        setNew('');
        setRepeated('');
      },
    }),
  );

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(null);
    if (newPassword !== repeated) return setLocalError(t('account.mismatch'));
    const parsed = ChangePasswordSchema.safeParse({ currentPassword, newPassword });
    if (!parsed.success) return setLocalError(parsed.error.issues[0]?.message ?? t('errors.generic'));
    change.mutate(parsed.data);
  }

  const error = localError ?? (change.error ? errorMessage(change.error, t('errors.generic')) : null);
  return (
    <form className="card sign-in-card" onSubmit={submit} aria-labelledby="change-password-title">
      <h2 id="change-password-title">{t('account.changePassword')}</h2>
      <TextField
        label={t('account.current')}
        type="password"
        name="currentPassword"
        autoComplete="current-password"
        value={currentPassword}
        onChange={setCurrent}
      />
      <TextField
        label={t('account.new', { min: PASSWORD_MIN_LENGTH })}
        type="password"
        name="newPassword"
        autoComplete="new-password"
        value={newPassword}
        onChange={setNew}
      />
      <TextField
        label={t('account.repeat')}
        type="password"
        name="repeatPassword"
        autoComplete="new-password"
        value={repeated}
        onChange={setRepeated}
      />
      <div className="form-actions">
        <button type="submit" className="button" disabled={change.isPending}>
          {t('account.submit')}
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {change.isSuccess && !error && (
          <p className="form-success" role="status">
            {t('account.changed')}
          </p>
        )}
      </div>
    </form>
  );
}

export function AccountPage() {
  const { t } = useTranslation();
  const { user } = useCurrentUser();
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('account.title')}</h1>
        {user && (
          <p className="muted">
            {user.displayName} · {user.username} · {t(`auth.roles.${user.role}`)}
          </p>
        )}
      </header>
      <RoleGate roles={['office', 'agency', 'deputy']} signInHint={t('account.signInHint')}>
        <ChangePasswordForm />
      </RoleGate>
    </section>
  );
}
