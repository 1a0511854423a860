import { useMutation, useQuery } from '@tanstack/react-query';
import { useState } from 'react';
import { useTranslation } from 'react-i18next';
import { errorMessage, LoadError, Loading } from '../../components/query-state';
import { RoleGate } from '../../components/role-gate';
import { todayIso } from '../../lib/clock';
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

const today = todayIso;

/** Every day a city's streets and towns changed, what changed and on what source. */
function Versions({ onPick }: { onPick: (date: string) => void }) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const versions = useQuery(trpc.gazetteer.versions.queryOptions({}));
  if (versions.isPending) return <Loading />;
  if (versions.isError) return <LoadError error={versions.error} onRetry={() => void versions.refetch()} />;
  const names = (units: { district: string; name: string }[]) =>
    units.map((u) => `${u.district}${u.name}`).join('、');
  return (
    <>
      {versions.data.map(({ city, versions: list }) => (
        <div key={city} className="table-wrap">
          {versions.data.length > 1 && <h3>{city}</h3>}
          <table className="table">
            <thead>
              <tr>
                <th>{t('gazetteer.effective')}</th>
                <th>{t('gazetteer.changes')}</th>
                <th>{t('gazetteer.inForce')}</th>
                <th>{t('gazetteer.source')}</th>
              </tr>
            </thead>
            <tbody>
              {list.map((v, index) => (
                <tr key={v.date}>
                  <td className="nowrap">
                    <button
                      type="button"
                      className="button button-secondary button-small"
                      onClick={() => onPick(v.date)}
                    >
                      {v.date}
                    </button>
                  </td>
                  <td>
                    {/* the first version is the whole gazetteer: its list is the table above */}
                    {index === 0 ? (
                      <div>{t('gazetteer.first', { count: v.added.length })}</div>
                    ) : (
                      v.added.length > 0 && <div>{t('gazetteer.added', { names: names(v.added) })}</div>
                    )}
                    {v.removed.length > 0 && <div>{t('gazetteer.removed', { names: names(v.removed) })}</div>}
                  </td>
                  <td className="nowrap">
                    {t('gazetteer.totals', {
                      streets: v.counts.reduce((sum, c) => sum + c.streets, 0),
                      towns: v.counts.reduce((sum, c) => sum + c.towns, 0),
                    })}
                  </td>
                  <td className="small">
                    {v.sources.length ? (
                      v.sources.join(';')
                    ) : (
                      <span className="muted">{t('gazetteer.noSource')}</span>
                    )}
                  </td>
                </tr>
              ))}
            </tbody>
          </table>
        </div>
      ))}
    </>
  );
}

export function GazetteerPage() {
  const { t } = useTranslation();
  const trpc = useTRPC();
  // A day, not a year: changes take effect within a year (东孚镇 became a street on 2015-01-22).
  const [date, setDate] = useState(today);
  const gazetteer = useQuery(trpc.gazetteer.list.queryOptions({ date }));
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('gazetteer.title')}</h1>
        <p className="muted">{t('gazetteer.subtitle')}</p>
        <label className="inline-field">
          <span>{t('gazetteer.date')}</span>
          <input
            type="date"
            min="1990-01-01"
            max="2100-12-31"
            value={date}
            // an unfinished or cleared date field gives '', which the server would refuse
            onChange={(e) => setDate(e.target.value || today())}
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
      </section>
      <section className="card">
        <h2>{t('gazetteer.versions')}</h2>
        <p className="muted small">{t('gazetteer.versionsHint')}</p>
        <Versions onPick={setDate} />
      </section>
      <RoleGate roles={['office']} signInHint={t('review.signInNeeded')}>
        <ImportForm />
      </RoleGate>
    </section>
  );
}
