/**
 * How many counted commitments are in each status: one horizontal bar per status, in the status
 * colours. A bar and its count open the commitments list in that status; the counts above the
 * chart are links, so the keyboard reaches them too.
 */
import { useTranslation } from 'react-i18next';
import { Link, useNavigate } from 'react-router';
import {
  Bar,
  BarChart,
  CartesianGrid,
  Cell,
  LabelList,
  ResponsiveContainer,
  Tooltip,
  XAxis,
  YAxis,
} from 'recharts';
import { formatNumber } from '../../lib/format';
import { commitmentsHref } from '../../lib/list-links';
import type { OverviewFilters } from '../../lib/overview-filters';
import type { Summary } from './headline-figures';

const ORDER = ['achieved', 'on_track', 'behind', 'not_started', 'overdue'] as const;
/** Same hues as the status badges (styles.css .status-*), darker so bars read in print. */
export const STATUS_COLORS: Record<(typeof ORDER)[number], string> = {
  achieved: '#2f7d4f',
  on_track: '#3f6ea8',
  behind: '#c58b2b',
  not_started: '#9aa6b2',
  overdue: '#b3261e',
};

export function StatusMixChart({
  counts,
  filters,
}: {
  counts: Summary['commitments']['statusCounts'];
  filters: OverviewFilters;
}) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const data = ORDER.map((status) => ({ status, label: t(`status.${status}`), count: counts[status] }));
  return (
    <div className="chart chart-compact" data-testid="status-mix-chart">
      <ResponsiveContainer width="100%" height={240}>
        <BarChart data={data} layout="vertical" margin={{ top: 4, right: 40, bottom: 4, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickLine={false} />
          <YAxis type="category" dataKey="label" width={88} tickLine={false} />
          <Tooltip formatter={(v) => formatNumber(Number(v), i18n.language)} />
          <Bar
            dataKey="count"
            name={t('overview.statusTitle')}
            isAnimationActive={false}
            radius={[0, 3, 3, 0]}
            cursor="pointer"
            onClick={(_data, index) => {
              const status = data[index]?.status;
              if (status) void navigate(commitmentsHref(filters, { status }));
            }}
          >
            {data.map((d) => (
              <Cell key={d.status} fill={STATUS_COLORS[d.status]} />
            ))}
            <LabelList dataKey="count" position="right" />
          </Bar>
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}

export function StatusCountList({
  counts,
  filters,
}: {
  counts: Summary['commitments']['statusCounts'];
  filters: OverviewFilters;
}) {
  const { t, i18n } = useTranslation();
  return (
    <ul className="status-counts">
      {ORDER.map((status) => (
        <li key={status} data-testid={`status-count-${status}`}>
          <Link to={commitmentsHref(filters, { status })} className="status-count-link">
            <span className={`badge status status-${status}`}>{t(`status.${status}`)}</span>
            <strong>{formatNumber(counts[status], i18n.language)}</strong>
          </Link>
        </li>
      ))}
    </ul>
  );
}
