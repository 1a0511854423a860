/**
 * Completion of district targets at each year end: one bar per year, grouped by district. A bar
 * opens that district's commitments counted in that year.
 */
import { useTranslation } from 'react-i18next';
import { useNavigate } from 'react-router';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { YEAR_COLORS } from '../../components/chart-colors';
import { formatPercent } from '../../lib/format';
import { commitmentsHref } from '../../lib/list-links';

export interface DistrictYearData {
  years: number[];
  districts: { id: number | null; name: string | null }[];
  cells: { districtId: number | null; year: number; completion: number; targets: number; achieved: number }[];
}

export function DistrictYearChart({ data }: { data: DistrictYearData }) {
  const { t, i18n } = useTranslation();
  const navigate = useNavigate();
  const rows = data.districts.map((d) => {
    const row: Record<string, string | number | null> = {
      district: d.name ?? t('common.cityLevel'),
      name: d.name,
    };
    for (const cell of data.cells.filter((c) => c.districtId === d.id))
      row[`y${cell.year}`] = cell.completion;
    return row;
  });
  return (
    <div className="chart" data-testid="district-year-chart">
      <ResponsiveContainer width="100%" height={320}>
        <BarChart data={rows} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="district" tickLine={false} />
          <YAxis
            domain={[0, 1]}
            tickFormatter={(v: number) => formatPercent(v, i18n.language)}
            width={48}
            tickLine={false}
          />
          <Tooltip formatter={(v) => formatPercent(Number(v), i18n.language)} />
          <Legend formatter={(label) => <span className="legend-label">{label}</span>} />
          {data.years.map((year, index) => (
            <Bar
              key={year}
              dataKey={`y${year}`}
              name={t('dashboard.year', { year })}
              fill={YEAR_COLORS[index % YEAR_COLORS.length]}
              radius={[3, 3, 0, 0]}
              isAnimationActive={false}
              cursor="pointer"
              onClick={(_data, index) => {
                const name = rows[index]?.name;
                if (typeof name === 'string') void navigate(commitmentsHref({ year, district: name }));
              }}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
