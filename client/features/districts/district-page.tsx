/** /districts/:name — one district's commitments against its targets, then all districts compared. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DeadlineText, TargetText, ValueText } from '../../components/commitment-cells';
import { DataTable } from '../../components/data-table';
import { StatusViewPage } from '../../components/record-page';
import { StatusBadge } from '../../components/status-badge';
import { formatDate } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { DistrictComparison } from './district-comparison';
import { DistrictYearTable } from './district-year-table';
import '../../components/views.css';

export function DistrictPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const name = useParams().name ?? '';
  const view = useQuery(trpc.districts.byName.queryOptions({ name }));

  return (
    <StatusViewPage
      area="districts"
      name={name}
      query={view}
      after={
        <section className="card" aria-labelledby="district-compare">
          <h2 id="district-compare">{t('districts.title')}</h2>
          <DistrictComparison current={name} />
        </section>
      }
    >
      {(data) => (
        <>
          <section className="card" aria-labelledby="district-commitments">
            <h2 id="district-commitments">
              {t('districts.commitments', { count: data.commitments.length })}
            </h2>
            {data.commitments.length === 0 ? (
              <p className="empty-state">{t('districts.empty')}</p>
            ) : (
              <DataTable
                columns={[
                  t('districts.commitment'),
                  t('districts.agency'),
                  { label: t('districts.target'), num: true },
                  { label: t('districts.value'), num: true },
                  t('districts.deadline'),
                  t('districts.status'),
                ]}
                testId="district-commitments"
              >
                {data.commitments.map((c) => (
                  <tr key={c.commitmentId}>
                    <td>
                      <Link to={`/commitments/${c.commitmentId}`} className="row-title">
                        {c.object ?? c.quote}
                      </Link>
                      <div className="quote-cell">{c.quote}</div>
                    </td>
                    <td>
                      {c.agency ? (
                        <Link to={`/agencies/${encodeURIComponent(c.agency)}`}>{c.agency}</Link>
                      ) : (
                        t('common.none')
                      )}
                    </td>
                    <td className="num">
                      <TargetText min={c.min} max={c.max} unit={c.unit} />
                    </td>
                    <td className="num">
                      <ValueText value={c.value} unit={c.unit} />
                      {c.asOf && (
                        <div className="muted small">
                          {t('districts.asOf')} {formatDate(c.asOf, i18n.language)}
                        </div>
                      )}
                    </td>
                    <td className="nowrap">
                      <DeadlineText year={c.deadlineYear} />
                    </td>
                    <td>
                      <StatusBadge status={c.status} />
                    </td>
                  </tr>
                ))}
              </DataTable>
            )}
          </section>
          <section className="card" aria-labelledby="district-years">
            <h2 id="district-years">{t('districts.byYear')}</h2>
            <p className="muted small">{t('districts.byYearHint')}</p>
            <DistrictYearTable years={data.byYear} />
          </section>
        </>
      )}
    </StatusViewPage>
  );
}
