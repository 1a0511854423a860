/** The office's form for a new account; the fields for an agency or a deputy appear with the role. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { ROLES, type Role } from '../../../shared/auth';
import { CreateUserSchema, PASSWORD_MIN_LENGTH } from '../../../shared/schemas/auth';
import { errorMessage } from '../../components/query-state';
import { TextField } from '../../components/text-field';
import { useTRPC } from '../../lib/trpc';

const EMPTY = { username: '', displayName: '', password: '', agencyId: '', deputyId: '' };

export function CreateUserForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const choices = useQuery(trpc.users.linkChoices.queryOptions());
  const [role, setRole] = useState<Role>('agency');
  const [fields, setFields] = useState(EMPTY);
  const [localError, setLocalError] = useState<string | null>(null);
  const create = useMutation(
    trpc.users.create.mutationOptions({
      onSuccess: () => setFields(EMPTY),
    }),
  );
  const set = (name: keyof typeof EMPTY) => (value: string) => setFields((f) => ({ ...f, [name]: value }));

  function submit(event: FormEvent) {
    event.preventDefault();
    setLocalError(null);
    const parsed = CreateUserSchema.safeParse({
      role,
      username: fields.username,
      displayName: fields.displayName,
      password: fields.password,
      ...(role === 'agency' && fields.agencyId ? { agencyId: Number(fields.agencyId) } : {}),
      ...(role === 'deputy' && fields.deputyId ? { deputyId: Number(fields.deputyId) } : {}),
    });
    if (!parsed.success) return setLocalError(parsed.error.issues[0]?.message ?? t('errors.generic'));
    create.mutate(parsed.data);
  }

  const error = localError ?? (create.error ? errorMessage(create.error, t('errors.generic')) : null);
  return (
    <form className="card user-form" onSubmit={submit} aria-labelledby="create-user-title">
      <h2 id="create-user-title">{t('users.create.title')}</h2>
      <div className="form-grid">
        <label className="field">
          <span>{t('users.columns.role')}</span>
          <select name="role" value={role} onChange={(e) => setRole(e.target.value as Role)}>
            {ROLES.map((r) => (
              <option key={r} value={r}>
                {t(`auth.roles.${r}`)}
              </option>
            ))}
          </select>
        </label>
        {role === 'agency' && (
          <label className="field">
            <span>{t('users.columns.agency')}</span>
            <select name="agencyId" value={fields.agencyId} onChange={(e) => set('agencyId')(e.target.value)}>
              <option value="">{t('users.create.choose')}</option>
              {choices.data?.agencies.map((a) => (
                <option key={a.id} value={a.id}>
                  {a.name}
                </option>
              ))}
            </select>
          </label>
        )}
        {role === 'deputy' && (
          <label className="field">
            <span>{t('users.columns.deputy')}</span>
            <select name="deputyId" value={fields.deputyId} onChange={(e) => set('deputyId')(e.target.value)}>
              <option value="">{t('users.create.choose')}</option>
              {choices.data?.deputies.map((d) => (
                <option key={d.id} value={d.id}>
                  {d.name}
                </option>
              ))}
            </select>
          </label>
        )}
        <TextField
          label={t('users.columns.username')}
          name="username"
          autoComplete="off"
          value={fields.username}
          onChange={set('username')}
        />
        <TextField
          label={t('users.columns.displayName')}
          name="displayName"
          value={fields.displayName}
          onChange={set('displayName')}
        />
        <TextField
          label={t('users.create.password', { min: PASSWORD_MIN_LENGTH })}
          name="password"
          type="password"
          autoComplete="new-password"
          value={fields.password}
          onChange={set('password')}
        />
      </div>
      <div className="form-actions">
        <button type="submit" className="button" disabled={create.isPending}>
          {t('users.create.submit')}
        </button>
        {error && (
          <p className="form-error" role="alert">
            {error}
          </p>
        )}
        {create.data && !error && (
          <p className="form-success" role="status">
            {t('users.create.done', { username: create.data.username })}
          </p>
        )}
      </div>
    </form>
  );
}
