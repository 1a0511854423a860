/** The six districts side by side: a table and a stacked status chart, figures from the server. */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { LoadError, Loading } from '../../components/query-state';
import { StatusStackChart } from '../../components/status-stack-chart';
import { formatNumber, formatPercent } from '../../lib/format';
import { useTRPC } from '../../lib/trpc';

export function DistrictComparison({ current }: { current?: string }) {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const compare = useQuery(trpc.districts.compare.queryOptions());
  if (compare.isPending) return <Loading />;
  if (compare.isError) return <LoadError error={compare.error} onRetry={() => void compare.refetch()} />;
  const rows = compare.data;
  const n = (v: number) => formatNumber(v, i18n.language);
  const total = (pick: (r: (typeof rows)[number]) => number) => rows.reduce((s, r) => s + pick(r), 0);
  return (
    <div className="view-grid">
      <div className="table-wrap">
        <table className="table" data-testid="district-comparison">
          <thead>
            <tr>
              <th>{t('districts.district')}</th>
              <th className="num">{t('districts.targets')}</th>
              <th className="num">{t('districts.achieved')}</th>
              <th className="num">{t('districts.onTrack')}</th>
              <th className="num">{t('districts.notStarted')}</th>
              <th className="num">{t('districts.behind')}</th>
              <th className="num">{t('districts.overdue')}</th>
              <th className="num">{t('districts.completion')}</th>
            </tr>
          </thead>
          <tbody>
            {rows.map((r) => (
              <tr key={`${r.city}-${r.name}`} className={r.name === current ? 'current' : undefined}>
                <td>
                  <Link to={`/districts/${encodeURIComponent(r.name)}`} className="row-title">
                    {r.name}
                  </Link>
                </td>
                <td className="num">{n(r.targets)}</td>
                <td className="num">{n(r.achieved)}</td>
                <td className="num">{n(r.onTrack)}</td>
                <td className="num">{n(r.notStarted)}</td>
                <td className="num">{n(r.behind)}</td>
                <td className="num">{n(r.overdue)}</td>
                <td className="num">
                  {r.completion === null ? t('common.none') : formatPercent(r.completion, i18n.language)}
                </td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <td>{t('common.cityLevel')}</td>
              <td className="num">{n(total((r) => r.targets))}</td>
              <td className="num">{n(total((r) => r.achieved))}</td>
              <td className="num">{n(total((r) => r.onTrack))}</td>
              <td className="num">{n(total((r) => r.notStarted))}</td>
              <td className="num">{n(total((r) => r.behind))}</td>
              <td className="num">{n(total((r) => r.overdue))}</td>
              <td className="num" />
            </tr>
          </tfoot>
        </table>
      </div>
      <StatusStackChart
        testId="district-status-chart"
        rows={rows.map((r) => ({
          label: r.name,
          counts: {
            achieved: r.achieved,
            on_track: r.onTrack,
            not_started: r.notStarted,
            behind: r.behind,
            overdue: r.overdue,
          },
        }))}
      />
    </div>
  );
}
