/**
 * Progress over the years: the kept rate and the on-time rate at each year's end (this year: as of
 * today), for the overview's filters. A point opens the commitments due that year; the table under
 * the chart carries the same numbers as links, for the keyboard and for print.
 */
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import { CartesianGrid, Legend, Line, LineChart, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { KEPT_COLOR, ON_TIME_COLOR } from '../../components/chart-colors';
import { formatPercent, formatRate } from '../../lib/format';
import { commitmentsHref } from '../../lib/list-links';
import type { OverviewFilters } from '../../lib/overview-filters';
import type { RouterOutputs } from '../../lib/trpc';

type Trend = RouterOutputs['dashboard']['trend'];

export function ProgressTrendChart({ trend, filters }: { trend: Trend; filters: OverviewFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const navigate = useNavigate();
  const data = trend.points.map((p) => ({
    year: String(p.year),
    keptRate: p.keptRate,
    onTimeRate: p.onTimeRate,
  }));
  const open = (year: string | undefined) => {
    if (year) void navigate(commitmentsHref(filters, { year: Number(year), outcome: 'due' }));
  };
  const dot = { r: 4, cursor: 'pointer' } as const;
  return (
    <>
      <div className="chart chart-trend" data-testid="progress-trend-chart">
        <ResponsiveContainer width="100%" height={260}>
          <LineChart
            data={data}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
            onClick={(state) =>
              open(state?.activeLabel === undefined ? undefined : String(state.activeLabel))
            }
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="year" tickLine={false} padding={{ left: 20, right: 20 }} />
            <YAxis
              domain={[0, 1]}
              tickFormatter={(v: number) => formatPercent(v, lang)}
              width={48}
              tickLine={false}
            />
            <Tooltip formatter={(v) => formatRate(v === null ? null : Number(v), lang)} />
            <Legend formatter={(label) => <span className="legend-label">{label}</span>} />
            <Line
              type="linear"
              dataKey="keptRate"
              name={t('overview.keptRate')}
              stroke={KEPT_COLOR}
              strokeWidth={2}
              dot={dot}
              activeDot={{ r: 6, cursor: 'pointer' }}
              connectNulls
              isAnimationActive={false}
            />
            <Line
              type="linear"
              dataKey="onTimeRate"
              name={t('overview.onTimeRate')}
              stroke={ON_TIME_COLOR}
              strokeWidth={2}
              strokeDasharray="5 3"
              dot={dot}
              activeDot={{ r: 6, cursor: 'pointer' }}
              connectNulls
              isAnimationActive={false}
            />
          </LineChart>
        </ResponsiveContainer>
      </div>
      <div className="table-wrap">
        <table className="table trend-table" data-testid="progress-trend-table">
          <thead>
            <tr>
              <th scope="col">{t('overview.year')}</th>
              <th scope="col" className="num">
                {t('overview.dueCount')}
              </th>
              <th scope="col" className="num">
                {t('overview.keptCount')}
              </th>
              <th scope="col" className="num">
                {t('overview.onTimeCount')}
              </th>
              <th scope="col" className="num">
                {t('overview.keptRate')}
              </th>
              <th scope="col" className="num">
                {t('overview.onTimeRate')}
              </th>
            </tr>
          </thead>
          <tbody>
            {trend.points.map((p) => {
              const href = (outcome: 'due' | 'kept' | 'onTime') =>
                commitmentsHref(filters, { year: p.year, outcome });
              return (
                <tr key={p.year}>
                  <th scope="row">{t('dashboard.year', { year: p.year })}</th>
                  <td className="num">
                    <Link to={href('due')}>{p.due}</Link>
                  </td>
                  <td className="num">
                    <Link to={href('kept')}>{p.kept}</Link>
                  </td>
                  <td className="num">
                    <Link to={href('onTime')}>{p.keptOnTime}</Link>
                  </td>
                  <td className="num">{formatRate(p.keptRate, lang)}</td>
                  <td className="num">{formatRate(p.onTimeRate, lang)}</td>
                </tr>
              );
            })}
          </tbody>
        </table>
      </div>
    </>
  );
}
