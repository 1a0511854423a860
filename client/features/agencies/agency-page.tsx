/** /agencies/:name — one agency's scorecard: status, kept rate, overdue items, late follow-ups, reasons. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DataTable } from '../../components/data-table';
import { PromiseTable } from '../../components/promise-table';
import { StatusViewPage } from '../../components/record-page';
import { formatDate, formatNumber, formatPercent } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { ReasonChart } from './reason-chart';
import '../../components/views.css';

export function AgencyPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const name = useParams().name ?? '';
  const card = useQuery(trpc.agencies.byName.queryOptions({ name }));

  return (
    <StatusViewPage
      area="agencies"
      name={name}
      query={card}
      extra={(data) => [
        {
          label: t('agencies.keptRate'),
          value: data.keptRate === null ? t('common.none') : formatPercent(data.keptRate, i18n.language),
        },
        {
          label: t('agencies.lateFollowUps'),
          value: formatNumber(data.lateFollowUps.length, i18n.language),
        },
      ]}
    >
      {(data) => (
        <>
          <p className="muted small">
            {t('agencies.letters', { count: data.letters })} · {t('agencies.keptRateHint')}
          </p>
          <section className="card" aria-labelledby="agency-overdue">
            <h2 id="agency-overdue">{t('agencies.overdueItems', { count: data.overdue.length })}</h2>
            {data.overdue.length === 0 ? (
              <p className="empty-state">{t('agencies.noOverdue')}</p>
            ) : (
              <PromiseTable promises={data.overdue} />
            )}
          </section>
          <section className="card" aria-labelledby="agency-projected-late">
            <h2 id="agency-projected-late">
              {t('agencies.projectedLateItems', { count: data.projectedLate.length })}
            </h2>
            <p className="muted small">{t('agencies.projectedLateHint')}</p>
            {data.projectedLate.length === 0 ? (
              <p className="empty-state">{t('agencies.noProjectedLate')}</p>
            ) : (
              <PromiseTable promises={data.projectedLate} showProjection />
            )}
          </section>
          <div className="view-grid">
            <section className="card" aria-labelledby="agency-follow-ups">
              <h2 id="agency-follow-ups">{t('agencies.followUps', { count: data.lateFollowUps.length })}</h2>
              <p className="muted small">{t('agencies.followUpsHint')}</p>
              {data.lateFollowUps.length === 0 ? (
                <p className="empty-state">{t('agencies.noLateFollowUps')}</p>
              ) : (
                <DataTable
                  columns={[
                    t('agencies.request'),
                    t('districts.commitment'),
                    t('agencies.due'),
                    t('agencies.answeredAt'),
                  ]}
                >
                  {data.lateFollowUps.map((f) => (
                    <tr key={f.id}>
                      <td>{f.request}</td>
                      <td>
                        <Link to={`/commitments/${f.commitmentId}`}>{f.object ?? f.commitmentId}</Link>
                      </td>
                      <td>{formatDate(f.dueDate, i18n.language)}</td>
                      <td>
                        {f.respondedAt ? (
                          formatDate(f.respondedAt, i18n.language)
                        ) : (
                          <span className="badge status status-overdue">{t('agencies.unanswered')}</span>
                        )}
                      </td>
                    </tr>
                  ))}
                </DataTable>
              )}
            </section>
            <section className="card" aria-labelledby="agency-reasons">
              <h2 id="agency-reasons">{t('agencies.reasons')}</h2>
              <p className="muted small">{t('agencies.reasonsHint')}</p>
              {data.reasons.every((r) => r.count === 0) ? (
                <p className="empty-state">{t('agencies.noReasons')}</p>
              ) : (
                <ReasonChart reasons={data.reasons} />
              )}
            </section>
          </div>
          <section className="card" aria-labelledby="agency-commitments">
            <h2 id="agency-commitments">{t('agencies.commitments', { count: data.commitments.length })}</h2>
            <PromiseTable promises={data.commitments} />
          </section>
        </>
      )}
    </StatusViewPage>
  );
}
