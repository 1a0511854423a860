import { useTranslation } from 'react-i18next';
import type { CommitmentStatus } from '../../shared/commitments';

export function StatusBadge({ status }: { status: CommitmentStatus }) {
  const { t } = useTranslation();
  return <span className={`badge status status-${status}`}>{t(`status.${status}`)}</span>;
}
