import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useParams } from 'react-router';
import { DemoBadge, LoadError, Loading } from '../../components/query-state';
import { formatDate, formatNumber, formatTarget } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';
import { CommitmentDistrictChart } from '../dashboard/commitment-district-chart';

export function CommitmentPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const id = Number(useParams().id);
  const valid = Number.isInteger(id) && id > 0;
  const commitment = useQuery({ ...trpc.commitments.byId.queryOptions({ id }), enabled: valid });
  const districts = useQuery({ ...trpc.dashboard.commitmentDistricts.queryOptions({ id }), enabled: valid });

  if (!valid) return <LoadError error={new Error()} />;
  if (commitment.isPending) return <Loading />;
  if (commitment.isError)
    return <LoadError error={commitment.error} onRetry={() => void commitment.refetch()} />;
  const c = commitment.data;
  const lang = i18n.language;

  return (
    <section className="page">
      <Link to={`/letters/${c.letterId}`} className="back-link">
        {t('commitment.back')}
      </Link>
      <header className="page-header">
        <h1>
          {c.object ?? c.quote}{' '}
          <span className="headline-target">
            {formatTarget(c.min, c.max, lang)} {c.unit}
          </span>
        </h1>
        <blockquote className="quote">{c.quote}</blockquote>
        <dl className="meta-grid">
          <div>
            <dt>{t('commitment.per')}</dt>
            <dd>{c.per ? t(`per.${c.per}`) : t('commitment.wholeCity')}</dd>
          </div>
          <div>
            <dt>{t('commitment.deadline')}</dt>
            <dd>
              {c.deadlineYear ? t('letter.deadlineYear', { year: c.deadlineYear }) : t('letter.noDeadline')}
            </dd>
          </div>
          <div>
            <dt>{t('letter.meta.agency')}</dt>
            <dd>{c.agency ?? t('common.none')}</dd>
          </div>
          <div>
            <dt>{t('commitment.letter')}</dt>
            <dd>
              <Link to={`/letters/${c.letterId}`}>{c.letterTitle ?? `#${c.letterId}`}</Link>
            </dd>
          </div>
          {c.section && (
            <div>
              <dt>{t('letter.section')}</dt>
              <dd>{c.section}</dd>
            </div>
          )}
        </dl>
      </header>

      <section className="card" aria-labelledby="by-district-title">
        <h2 id="by-district-title">{t('commitment.byDistrict')}</h2>
        {c.targets.length === 0 ? (
          <p className="empty-state">{t('commitment.noTargets')}</p>
        ) : districts.isPending ? (
          <Loading />
        ) : districts.isError ? (
          <LoadError error={districts.error} onRetry={() => void districts.refetch()} />
        ) : (
          <>
            <CommitmentDistrictChart rows={districts.data.rows} unit={c.unit} />
            <div className="table-wrap">
              <table className="table">
                <thead>
                  <tr>
                    <th>{t('commitment.district')}</th>
                    <th className="num">{t('commitment.target')}</th>
                    <th className="num">{t('commitment.value')}</th>
                    <th>{t('commitment.asOf')}</th>
                  </tr>
                </thead>
                <tbody>
                  {districts.data.rows.map((row) => (
                    <tr key={row.districtId ?? 'city'}>
                      <td>{row.districtName ?? t('common.cityLevel')}</td>
                      <td className="num">{formatTarget(row.targetMin, row.targetMax, lang)}</td>
                      <td className="num">
                        {row.value === null ? t('common.none') : formatNumber(row.value, lang)}
                      </td>
                      <td>{formatDate(row.asOf, lang)}</td>
                    </tr>
                  ))}
                </tbody>
              </table>
            </div>
          </>
        )}
      </section>

      <section className="card" aria-labelledby="history-title">
        <h2 id="history-title">{t('commitment.history')}</h2>
        {c.progress.length === 0 ? (
          <p className="empty-state">{t('commitment.noHistory')}</p>
        ) : (
          <div className="table-wrap">
            <table className="table">
              <thead>
                <tr>
                  <th>{t('commitment.asOf')}</th>
                  <th>{t('commitment.district')}</th>
                  <th className="num">{t('commitment.value')}</th>
                  <th>{t('commitment.reporter')}</th>
                  <th>{t('commitment.evidence')}</th>
                </tr>
              </thead>
              <tbody>
                {c.progress.map((p) => (
                  <tr key={p.id}>
                    <td className="nowrap">{formatDate(p.asOf, lang)}</td>
                    <td>{p.districtName ?? t('common.cityLevel')}</td>
                    <td className="num">{formatNumber(p.value, lang)}</td>
                    <td>{p.isDemo ? <DemoBadge /> : p.reporterName}</td>
                    <td className="small">{p.evidenceText ?? t('common.none')}</td>
                  </tr>
                ))}
              </tbody>
            </table>
          </div>
        )}
      </section>
    </section>
  );
}
