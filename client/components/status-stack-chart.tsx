/** One horizontal bar per district or agency, stacked by status: the side-by-side comparison. */
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, Legend, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { CommitmentStatus } from '../../shared/commitments';
import { COUNTED_STATUSES, STATUS_COLORS } from './status-colors';

export interface StatusRow {
  label: string;
  counts: Partial<Record<CommitmentStatus, number>>;
}

export function StatusStackChart({ rows, testId }: { rows: StatusRow[]; testId: string }) {
  const { t } = useTranslation();
  const data = rows.map((r) => ({ label: r.label, ...r.counts }));
  const height = Math.max(200, rows.length * 44 + 80);
  return (
    <div className="chart" data-testid={testId} style={{ minHeight: height }}>
      <ResponsiveContainer width="100%" height={height}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickLine={false} />
          <YAxis type="category" dataKey="label" width={120} tickLine={false} />
          <Tooltip />
          <Legend formatter={(label) => <span className="legend-label">{label}</span>} />
          {COUNTED_STATUSES.map((status) => (
            <Bar
              key={status}
              dataKey={status}
              name={t(`status.${status}`)}
              stackId="status"
              maxBarSize={32}
              fill={STATUS_COLORS[status]}
              isAnimationActive={false}
            />
          ))}
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
