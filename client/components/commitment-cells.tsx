/**
 * A commitment's target, deadline and latest value as every table and card writes them, so the
 * district view, the promise tables, the letter and the commitment itself read the same.
 */
import { useTranslation } from 'react-i18next';
import { formatNumber, formatTarget } from '../lib/format';

/** 30 个, 3–5 个, ≥ 80 % */
export function TargetText({
  min,
  max,
  unit,
}: {
  min: number | null;
  max: number | null;
  unit: string | null;
}) {
  const { i18n } = useTranslation();
  return (
    <>
      {formatTarget(min, max, i18n.language)} {unit}
    </>
  );
}

/** 2025 年前 / 未定期限 */
export function DeadlineText({ year }: { year: number | null }) {
  const { t } = useTranslation();
  return <>{year ? t('letter.deadlineYear', { year }) : t('letter.noDeadline')}</>;
}

/** The latest reported value with its unit, or “—” when nothing is reported yet. */
export function ValueText({ value, unit }: { value: number | null; unit: string | null }) {
  const { t, i18n } = useTranslation();
  return <>{value === null ? t('common.none') : `${formatNumber(value, i18n.language)} ${unit ?? ''}`}</>;
}
