/** Headline counts by status for one district, deputy or agency. */
import { useTranslation } from 'react-i18next';
import type { CommitmentStatus } from '../../shared/commitments';
import { formatNumber } from '../lib/format';
import { COUNTED_STATUSES, STATUS_COLORS } from './status-colors';

export function StatusCounts({
  counts,
  extra = [],
}: {
  counts: Record<CommitmentStatus, number>;
  /** further figures shown after the statuses, e.g. the kept rate */
  extra?: { label: string; value: string }[];
}) {
  const { t, i18n } = useTranslation();
  return (
    <div className="stat-grid view-stats">
      {COUNTED_STATUSES.map((status) => (
        <div className="stat" key={status} style={{ borderLeftColor: STATUS_COLORS[status] }}>
          <div className="stat-value" style={{ color: STATUS_COLORS[status] }}>
            {formatNumber(counts[status], i18n.language)}
          </div>
          <div className="stat-label">{t(`status.${status}`)}</div>
        </div>
      ))}
      {counts.withdrawn > 0 && (
        <div className="stat" style={{ borderLeftColor: STATUS_COLORS.withdrawn }}>
          <div className="stat-value" style={{ color: STATUS_COLORS.withdrawn }}>
            {formatNumber(counts.withdrawn, i18n.language)}
          </div>
          <div className="stat-label">{t('status.withdrawn')}</div>
        </div>
      )}
      {extra.map((e) => (
        <div className="stat" key={e.label}>
          <div className="stat-value">{e.value}</div>
          <div className="stat-label">{e.label}</div>
        </div>
      ))}
    </div>
  );
}
