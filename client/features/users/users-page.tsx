/** User accounts, for the supervision office: who can sign in, as what, and switching accounts off. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { DataTable } from '../../components/data-table';
import { errorMessage, LoadError, Loading } from '../../components/query-state';
import { RoleGate } from '../../components/role-gate';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { useCurrentUser } from '../../lib/use-current-user';
import { CreateUserForm } from './create-user-form';
import { ResetPassword } from './reset-password';

function UserTable() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { user: me } = useCurrentUser();
  const users = useQuery(trpc.users.list.queryOptions());
  const disable = useMutation(trpc.users.disable.mutationOptions());
  const enable = useMutation(trpc.users.enable.mutationOptions());
  const failure = disable.error ?? enable.error;

  if (users.isPending) return <Loading />;
  if (users.isError) return <LoadError error={users.error} onRetry={() => void users.refetch()} />;
  return (
    <section className="card">
      {failure && (
        <p className="form-error" role="alert">
          {errorMessage(failure, t('errors.generic'))}
        </p>
      )}
      <DataTable
        columns={[
          t('users.columns.username'),
          t('users.columns.displayName'),
          t('users.columns.role'),
          t('users.columns.belongsTo'),
          t('users.columns.created'),
          t('users.columns.status'),
          t('users.columns.password'),
        ]}
      >
        {users.data.map((u) => (
          <tr key={u.id} className={u.disabled ? 'muted' : ''}>
            <td>{u.username}</td>
            <td>{u.displayName}</td>
            <td>{t(`auth.roles.${u.role}`)}</td>
            <td>{u.agencyName ?? u.deputyName ?? t('common.none')}</td>
            <td className="nowrap">{formatDate(u.createdAt, i18n.language)}</td>
            <td className="nowrap">
              {u.disabled ? t('users.disabled') : t('users.active')}{' '}
              {u.id !== me?.id &&
                (u.disabled ? (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => enable.mutate({ id: u.id })}
                  >
                    {t('users.enable')}
                  </button>
                ) : (
                  <button
                    type="button"
                    className="button button-secondary button-small"
                    onClick={() => disable.mutate({ id: u.id })}
                  >
                    {t('users.disable')}
                  </button>
                ))}
            </td>
            <td>{!u.disabled && u.id !== me?.id && <ResetPassword userId={u.id} username={u.username} />}</td>
          </tr>
        ))}
      </DataTable>
    </section>
  );
}

export function UsersPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('users.title')}</h1>
        <p className="muted">{t('users.subtitle')}</p>
      </header>
      <RoleGate roles={['office']} signInHint={t('users.officeOnly')} otherRoleHint={t('users.officeOnly')}>
        <CreateUserForm />
        <UserTable />
      </RoleGate>
    </section>
  );
}
