import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, LoadError, Loading } from '../../components/query-state';
import { RoleGate } from '../../components/role-gate';
import { useTRPC } from '../../lib/trpc';

function ImportForm() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [csv, setCsv] = useState('');
  const importCsv = useMutation(trpc.gazetteer.importCsv.mutationOptions());
  return (
    <form
      className="card editor"
      onSubmit={(e) => {
        e.preventDefault();
        importCsv.mutate({ csv });
      }}
    >
      <h2>{t('gazetteer.import')}</h2>
      <p className="muted small">{t('gazetteer.importHint')}</p>
      <input
        type="file"
        accept=".csv,text/csv"
        aria-label={t('gazetteer.import')}
        onChange={async (e) => setCsv((await e.target.files?.[0]?.text()) ?? '')}
      />
      <textarea rows={4} value={csv} onChange={(e) => setCsv(e.target.value)} aria-label="CSV" />
      <div className="form-actions">
        <button type="submit" className="button" disabled={!csv.trim() || importCsv.isPending}>
          {t('gazetteer.importSubmit')}
        </button>
        {importCsv.error && (
          <p className="form-error pre">{errorMessage(importCsv.error, t('errors.generic'))}</p>
        )}
        {importCsv.data && <p className="form-success">{t('gazetteer.imported', importCsv.data)}</p>}
      </div>
    </form>
  );
}

export function GazetteerPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const [year, setYear] = useState(2015);
  const gazetteer = useQuery(trpc.gazetteer.list.queryOptions({ year }));
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('gazetteer.title')}</h1>
        <p className="muted">{t('gazetteer.subtitle')}</p>
        <label className="inline-field">
          <span>{t('gazetteer.year')}</span>
          <input
            type="number"
            min={1990}
            max={2100}
            value={year}
            onChange={(e) => setYear(Number(e.target.value) || 2015)}
          />
        </label>
      </header>
      <section className="card">
        {gazetteer.isPending ? (
          <Loading />
        ) : gazetteer.isError ? (
          <LoadError error={gazetteer.error} onRetry={() => void gazetteer.refetch()} />
        ) : (
          <table className="table">
            <thead>
              <tr>
                <th>{t('commitment.district')}</th>
                <th>{t('gazetteer.streets')}</th>
                <th>{t('gazetteer.towns')}</th>
              </tr>
            </thead>
            <tbody>
              {gazetteer.data.map((d) => (
                <tr key={d.id}>
                  <td className="nowrap">
                    <strong>{d.name}</strong>
                    <div className="muted small">{d.city}</div>
                  </td>
                  <td>
                    {d.units
                      .filter((u) => u.kind === 'street')
                      .map((u) => u.name)
                      .join('、') || t('common.none')}
                  </td>
                  <td>
                    {d.units
                      .filter((u) => u.kind === 'town')
                      .map((u) => u.name)
                      .join('、') || t('common.none')}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        )}
        {gazetteer.data?.[0]?.source && (
          <p className="muted small">
            {t('gazetteer.source')}: {gazetteer.data[0].source}
          </p>
        )}
      </section>
      <RoleGate roles={['office']} signInHint={t('review.signInNeeded')}>
        <ImportForm />
      </RoleGate>
    </section>
  );
}
