/** One district year by year: targets, targets reached and mean completion at each year end. */
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { PROGRESS_COLOR } from '../../components/chart-colors';
import { DataTable } from '../../components/data-table';
import { formatNumber, formatPercent } from '../../lib/format';

export interface DistrictYear {
  year: number;
  targets: number;
  achieved: number;
  completion: number | null;
}

export function DistrictYearTable({ years }: { years: DistrictYear[] }) {
  const { t, i18n } = useTranslation();
  return (
    <div className="view-grid">
      <DataTable
        columns={[
          t('districts.year'),
          { label: t('districts.yearTargets'), num: true },
          { label: t('districts.yearAchieved'), num: true },
          { label: t('districts.yearCompletion'), num: true },
        ]}
      >
        {years.map((y) => (
          <tr key={y.year}>
            <td>{t('dashboard.year', { year: y.year })}</td>
            <td className="num">{formatNumber(y.targets, i18n.language)}</td>
            <td className="num">{formatNumber(y.achieved, i18n.language)}</td>
            <td className="num">
              {y.completion === null ? t('common.none') : formatPercent(y.completion, i18n.language)}
            </td>
          </tr>
        ))}
      </DataTable>
      <div className="chart" data-testid="district-year-completion">
        <ResponsiveContainer width="100%" height={240}>
          <BarChart
            data={years.map((y) => ({ year: String(y.year), completion: y.completion ?? 0 }))}
            margin={{ top: 8, right: 16, bottom: 8, left: 0 }}
          >
            <CartesianGrid strokeDasharray="3 3" vertical={false} />
            <XAxis dataKey="year" tickLine={false} />
            <YAxis
              domain={[0, 1]}
              tickFormatter={(v: number) => formatPercent(v, i18n.language)}
              width={48}
              tickLine={false}
            />
            <Tooltip formatter={(v) => formatPercent(Number(v), i18n.language)} />
            <Bar
              dataKey="completion"
              name={t('districts.yearCompletion')}
              fill={PROGRESS_COLOR}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
            />
          </BarChart>
        </ResponsiveContainer>
      </div>
    </div>
  );
}
