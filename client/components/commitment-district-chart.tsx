/** One commitment: its target in each district beside the latest recorded value there. */
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import { formatNumber } from '../lib/format';
import { PROGRESS_COLOR, TARGET_COLOR, TARGET_MAX_COLOR } from './chart-colors';

export interface CommitmentDistrictRow {
  districtName: string | null;
  targetMin: number;
  targetMax: number | null;
  value: number | null;
}

export function CommitmentDistrictChart({
  rows,
  unit,
}: {
  rows: CommitmentDistrictRow[];
  unit: string | null;
}) {
  const { t, i18n } = useTranslation();
  const data = rows.map((r) => ({
    district: r.districtName ?? t('common.cityLevel'),
    target: r.targetMin,
    // The range above the minimum is stacked on it, so 3–5 reads as a bar from 3 up to 5.
    range: r.targetMax !== null && r.targetMax > r.targetMin ? r.targetMax - r.targetMin : 0,
    progress: r.value ?? 0,
  }));
  const hasRange = data.some((d) => d.range > 0);
  const format = (v: unknown) => `${formatNumber(Number(v), i18n.language)} ${unit ?? ''}`;
  return (
    <div className="chart" data-testid="commitment-district-chart">
      <ResponsiveContainer width="100%" height={300}>
        <BarChart data={data} margin={{ top: 8, right: 16, bottom: 8, left: 0 }}>
          <CartesianGrid strokeDasharray="3 3" vertical={false} />
          <XAxis dataKey="district" tickLine={false} />
          <YAxis allowDecimals={false} width={48} tickLine={false} />
          <Tooltip
            formatter={(value, _name, item) =>
              item.dataKey === 'range'
                ? format(Number(item.payload?.target ?? 0) + Number(value))
                : format(value)
            }
          />
          <Legend formatter={(label) => <span className="legend-label">{label}</span>} />
          <Bar
            dataKey="target"
            stackId="target"
            name={t('dashboard.target')}
            fill={TARGET_COLOR}
            isAnimationActive={false}
          />
          {hasRange && (
            <Bar
              dataKey="range"
              stackId="target"
              name={t('dashboard.targetMax')}
              fill={TARGET_MAX_COLOR}
              isAnimationActive={false}
            />
          )}
          <Bar
            dataKey="progress"
            name={t('dashboard.progress')}
            fill={PROGRESS_COLOR}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
