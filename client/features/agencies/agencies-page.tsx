/** /agencies: every responding agency's commitments by status, side by side. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { DemoProgressNotice } from '../../components/demo-progress-notice';
import { LoadError, Loading } from '../../components/query-state';
import { COUNTED_STATUSES } from '../../components/status-colors';
import { StatusStackChart } from '../../components/status-stack-chart';
import { formatNumber, formatPercent } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import '../../components/views.css';

export function AgenciesPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const cards = useQuery(trpc.agencies.list.queryOptions());
  const n = (v: number) => formatNumber(v, i18n.language);
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('agencies.title')}</h1>
        <p className="muted">{t('agencies.subtitle')}</p>
      </header>
      {cards.isPending ? (
        <Loading />
      ) : cards.isError ? (
        <LoadError error={cards.error} onRetry={() => void cards.refetch()} />
      ) : cards.data.length === 0 ? (
        <p className="empty-state">{t('agencies.empty')}</p>
      ) : (
        <>
          <DemoProgressNotice />
          <section className="card" aria-labelledby="agency-compare">
            <h2 id="agency-compare">{t('agencies.chart')}</h2>
            <div className="table-wrap">
              <table className="table" data-testid="agency-scorecards">
                <thead>
                  <tr>
                    <th>{t('agencies.agency')}</th>
                    {COUNTED_STATUSES.map((s) => (
                      <th key={s} className="num">
                        {t(`status.${s}`)}
                      </th>
                    ))}
                    <th className="num">{t('status.withdrawn')}</th>
                    <th className="num">{t('agencies.keptRate')}</th>
                    <th className="num">{t('agencies.lateFollowUps')}</th>
                  </tr>
                </thead>
                <tbody>
                  {cards.data.map((a) => (
                    <tr key={a.name}>
                      <td>
                        <Link to={`/agencies/${encodeURIComponent(a.name)}`} className="row-title">
                          {a.name}
                        </Link>
                        <div className="muted small">{t('agencies.letters', { count: a.letters })}</div>
                      </td>
                      {COUNTED_STATUSES.map((s) => (
                        <td key={s} className="num">
                          {n(a.counts[s])}
                        </td>
                      ))}
                      <td className="num">{n(a.counts.withdrawn)}</td>
                      <td className="num">
                        {a.keptRate === null ? t('common.none') : formatPercent(a.keptRate, i18n.language)}
                      </td>
                      <td className="num">{n(a.lateFollowUps)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
            <p className="muted small">{t('agencies.keptRateHint')}</p>
            <StatusStackChart
              testId="agency-status-chart"
              rows={cards.data.map((a) => ({ label: a.name, counts: a.counts }))}
            />
          </section>
        </>
      )}
    </section>
  );
}
