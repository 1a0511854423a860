/** A commitment's projected finish in words: "按目前进度预计 2027年3月完成, 晚于期限 15 个月". */
import { useTranslation } from 'react-i18next';
import type { CompletionProjection } from '../../shared/completion-projection';
import { formatDate } from '../lib/format';

function formatMonth(iso: string, locale: string): string {
  // noon UTC keeps the month whatever the browser's zone
  return new Intl.DateTimeFormat(locale, { year: 'numeric', month: 'long', timeZone: 'UTC' }).format(
    new Date(`${iso.slice(0, 10)}T12:00:00Z`),
  );
}

export function ProjectionText({ projection }: { projection: CompletionProjection | null }) {
  const { t, i18n } = useTranslation();
  if (projection === null) return null;
  const hint = t('progress.projectionHint');
  if (projection.kind === 'unreported')
    return (
      <span className="projection projection-late" title={hint}>
        {t('progress.projectedUnreported', { date: formatDate(projection.lastAsOf, i18n.language) })}
      </span>
    );
  if (projection.kind === 'stalled')
    return (
      <span className="projection projection-late" title={hint}>
        {t('progress.projectedStalled')}
      </span>
    );
  const late = (projection.monthsLate ?? 0) > 0;
  return (
    <span className={late ? 'projection projection-late' : 'projection'} title={hint}>
      {t('progress.projected', { month: formatMonth(projection.date, i18n.language) })}
      {projection.monthsLate !== null &&
        `, ${late ? t('progress.projectedLate', { count: projection.monthsLate }) : t('progress.projectedOnTime')}`}
    </span>
  );
}
