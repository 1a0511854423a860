/** The reason codes recorded for promises withdrawn or not kept, one bar per code. */
import { useTranslation } from 'react-i18next';
import { Bar, BarChart, CartesianGrid, ResponsiveContainer, Tooltip, XAxis, YAxis } from 'recharts';
import type { ReasonCode } from '../../../shared/commitments';
import { STATUS_COLORS } from '../../components/status-colors';

export function ReasonChart({ reasons }: { reasons: { code: ReasonCode; count: number }[] }) {
  const { t } = useTranslation();
  const data = reasons.map((r) => ({ reason: t(`reason.${r.code}`), count: r.count }));
  return (
    <div className="chart" data-testid="reason-chart">
      <ResponsiveContainer width="100%" height={260}>
        <BarChart data={data} layout="vertical" margin={{ top: 8, right: 24, bottom: 8, left: 8 }}>
          <CartesianGrid strokeDasharray="3 3" horizontal={false} />
          <XAxis type="number" allowDecimals={false} tickLine={false} />
          <YAxis type="category" dataKey="reason" width={130} tickLine={false} />
          <Tooltip />
          <Bar
            dataKey="count"
            name={t('agencies.count')}
            fill={STATUS_COLORS.withdrawn}
            radius={[0, 3, 3, 0]}
            isAnimationActive={false}
          />
        </BarChart>
      </ResponsiveContainer>
    </div>
  );
}
