/** The officials' headline rates: 办复率, 满意率, A类占比, 承诺兑现率, 按期兑现率, each with its fraction. */
import { useTranslation } from 'react-i18next';
import { formatDate, formatRate } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';

export type Summary = RouterOutputs['dashboard']['summary'];

export function HeadlineFigures({ summary }: { summary: Summary }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const r = summary.replies;
  const c = summary.commitments;
  const graded = r.grades.A + r.grades.B + r.grades.C + r.grades.D;
  const figures = [
    {
      key: 'replyRate',
      value: r.replyRate,
      detail: t('overview.replyRateDetail', { answered: r.answered, total: r.suggestions }),
    },
    {
      key: 'satisfactionRate',
      value: r.satisfactionRate,
      detail: t('overview.satisfactionDetail', { count: r.satisfied + r.basically, rated: r.rated }),
    },
    {
      key: 'aShare',
      value: r.gradeShares.A,
      detail: t('overview.aShareDetail', { count: r.grades.A, graded }),
    },
    { key: 'keptRate', value: c.keptRate, detail: t('overview.keptDetail', { kept: c.kept, due: c.due }) },
    {
      key: 'onTimeRate',
      value: c.onTimeRate,
      detail: t('overview.onTimeDetail', { count: c.keptOnTime, due: c.due }),
    },
  ] as const;
  return (
    <section aria-label={t('dashboard.title')} className="headline">
      <div className="stat-grid headline-grid">
        {figures.map((f) => (
          <div className={`stat stat-${f.key}`} key={f.key} data-testid={`figure-${f.key}`}>
            <div className="stat-label">{t(`overview.${f.key}`)}</div>
            <div className="stat-value">{formatRate(f.value, lang)}</div>
            <div className="stat-detail">{f.detail}</div>
          </div>
        ))}
      </div>
      <p className="muted small">
        {t('overview.asOf', { date: formatDate(summary.cutoff, lang) })} · {t('overview.repliesCityWide')}
      </p>
    </section>
  );
}
