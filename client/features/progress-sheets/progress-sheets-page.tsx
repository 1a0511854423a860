/** 批量填报: download the agency's open targets as a spreadsheet, fill it in, upload it back. */
import { useMutation, useQuery } from '@tanstack/react-query';
import { type FormEvent, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { PROGRESS_SHEET_MAX_BYTES } from '../../../shared/schemas/progress';
import { errorMessage } from '../../components/query-state';
import { RoleGate } from '../../components/role-gate';
import { fileToBase64 } from '../../lib/files';
import { useTRPC } from '../../lib/trpc';
import { hasRole, useCurrentUser } from '../../lib/use-current-user';

function AgencyChooser({ value, onChange }: { value: string; onChange: (id: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const links = useQuery(trpc.users.linkChoices.queryOptions());
  return (
    <label className="inline-field">
      <span>{t('sheets.agency')}</span>
      <select value={value} onChange={(e) => onChange(e.target.value)}>
        <option value="">{t('sheets.allAgencies')}</option>
        {links.data?.agencies.map((a) => (
          <option key={a.id} value={a.id}>
            {a.name}
          </option>
        ))}
      </select>
    </label>
  );
}

function SheetWorkflow() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const { user } = useCurrentUser();
  const [agency, setAgency] = useState('');
  const [file, setFile] = useState<File | null>(null);
  const [tooLarge, setTooLarge] = useState(false);
  const importSheet = useMutation(trpc.progress.importSheet.mutationOptions());
  const query = agency ? `?agency=${agency}` : '';

  async function submit(event: FormEvent) {
    event.preventDefault();
    if (!file) return;
    setTooLarge(file.size > PROGRESS_SHEET_MAX_BYTES);
    if (file.size > PROGRESS_SHEET_MAX_BYTES) return;
    importSheet.mutate({ fileName: file.name, contentBase64: await fileToBase64(file) });
  }

  const outcome = importSheet.data;
  return (
    <>
      <section className="card">
        <h2>{t('sheets.step1')}</h2>
        <p className="muted small">{t('sheets.step1Hint')}</p>
        <div className="form-actions">
          {hasRole(user, ['office']) && <AgencyChooser value={agency} onChange={setAgency} />}
          <a className="button" href={`/files/progress-sheet.xlsx${query}`}>
            {t('sheets.downloadXlsx')}
          </a>
          <a className="button button-secondary" href={`/files/progress-sheet.csv${query}`}>
            {t('sheets.downloadCsv')}
          </a>
        </div>
      </section>
      <form className="card" onSubmit={submit}>
        <h2>{t('sheets.step2')}</h2>
        <p className="muted small">{t('sheets.step2Hint')}</p>
        <label className="field">
          <span>{t('sheets.file')}</span>
          <input type="file" accept=".xlsx,.csv" onChange={(e) => setFile(e.target.files?.[0] ?? null)} />
        </label>
        <div className="form-actions">
          <button type="submit" className="button" disabled={!file || importSheet.isPending}>
            {importSheet.isPending ? t('sheets.importing') : t('sheets.import')}
          </button>
          {tooLarge && (
            <p className="form-error">
              {t('sheets.tooLarge', { mb: PROGRESS_SHEET_MAX_BYTES / 1024 / 1024 })}
            </p>
          )}
          {importSheet.error && (
            <p className="form-error">{errorMessage(importSheet.error, t('errors.generic'))}</p>
          )}
          {outcome && outcome.errors.length === 0 && (
            <p className="form-success" role="status">
              {t('sheets.imported', { count: outcome.imported, skipped: outcome.skippedRows })}
            </p>
          )}
        </div>
        {outcome && outcome.errors.length > 0 && (
          <div role="alert">
            <p className="form-error">{t('sheets.rejected', { count: outcome.errors.length })}</p>
            <table className="table">
              <thead>
                <tr>
                  <th className="num">{t('sheets.row')}</th>
                  <th>{t('sheets.column')}</th>
                  <th>{t('sheets.problem')}</th>
                </tr>
              </thead>
              <tbody>
                {outcome.errors.slice(0, 200).map((e) => (
                  <tr key={`${e.row}-${e.column ?? ''}-${e.message}`}>
                    <td className="num">{e.row}</td>
                    <td>{e.column ?? t('common.none')}</td>
                    <td>{e.message}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </form>
    </>
  );
}

export function ProgressSheetsPage() {
  const { t } = useTranslation();
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('sheets.title')}</h1>
        <p className="muted">{t('sheets.subtitle')}</p>
      </header>
      <RoleGate
        roles={['office', 'agency']}
        signInHint={t('sheets.signIn')}
        otherRoleHint={t('sheets.otherRole')}
      >
        <SheetWorkflow />
      </RoleGate>
    </section>
  );
}
