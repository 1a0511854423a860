/**
 * The officials' headline rates: 办复率, 满意率, A类占比, 承诺兑现率, 按期兑现率, each with its fraction.
 * The commitment figures' numbers open the commitments list with the overview's filters: the rate
 * and the “due” count the commitments due, the numerators the ones kept (on time).
 */
import { Trans, useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatDate, formatRate } from '../../lib/format';
import { commitmentsHref, lettersHref } from '../../lib/list-links';
import type { OverviewFilters } from '../../lib/overview-filters';
import type { RouterOutputs } from '../../lib/trpc';

export type Summary = RouterOutputs['dashboard']['summary'];

function CommitmentFigure({
  figure,
  rate,
  count,
  due,
  countOutcome,
  filters,
}: {
  figure: 'keptRate' | 'onTimeRate';
  rate: number | null;
  count: number;
  due: number;
  countOutcome: 'kept' | 'onTime';
  filters: OverviewFilters;
}) {
  const { t, i18n } = useTranslation();
  const dueHref = commitmentsHref(filters, { outcome: 'due' });
  return (
    <div className={`stat stat-${figure}`} data-testid={`figure-${figure}`}>
      <div className="stat-label">{t(`overview.${figure}`)}</div>
      <div className="stat-value">
        <Link
          to={dueHref}
          className="figure-link"
          aria-label={t('overview.openDue', { rate: formatRate(rate, i18n.language), due })}
        >
          {formatRate(rate, i18n.language)}
        </Link>
      </div>
      <div className="stat-detail">
        <Trans
          i18nKey={figure === 'keptRate' ? 'overview.keptDetail' : 'overview.onTimeDetail'}
          values={{ count, due }}
          components={{
            count: (
              <Link
                to={commitmentsHref(filters, { outcome: countOutcome })}
                className="count-link"
                data-testid={`figure-${figure}-count`}
              />
            ),
            due: <Link to={dueHref} className="count-link" data-testid={`figure-${figure}-due`} />,
          }}
        />
      </div>
    </div>
  );
}

export function HeadlineFigures({ summary, filters }: { summary: Summary; filters: OverviewFilters }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const r = summary.replies;
  const c = summary.commitments;
  const graded = r.grades.A + r.grades.B + r.grades.C + r.grades.D;
  const replyFigures = [
    {
      key: 'replyRate',
      value: r.replyRate,
      detail: t('overview.replyRateDetail', { answered: r.answered, total: r.suggestions }),
    },
    {
      key: 'satisfactionRate',
      value: r.satisfactionRate,
      detail: (
        <Trans
          i18nKey="overview.satisfactionDetail"
          values={{ count: r.satisfied + r.basically, rated: r.rated }}
          components={{
            count: <Link to={lettersHref(filters, { rating: 'favourable' })} className="count-link" />,
            rated: (
              <Link
                to={lettersHref(filters, { rating: 'rated' })}
                className="count-link"
                data-testid="figure-rated"
              />
            ),
          }}
        />
      ),
    },
    {
      key: 'aShare',
      value: r.gradeShares.A,
      detail: (
        <Trans
          i18nKey="overview.aShareDetail"
          values={{ count: r.grades.A, graded }}
          components={{
            count: (
              <Link
                to={lettersHref(filters, { grade: 'A' })}
                className="count-link"
                data-testid="figure-gradeA"
              />
            ),
            graded: (
              <Link
                to={lettersHref(filters, { grade: 'graded' })}
                className="count-link"
                data-testid="figure-graded"
              />
            ),
          }}
        />
      ),
    },
  ];
  return (
    <section aria-label={t('dashboard.title')} className="headline">
      <div className="stat-grid headline-grid">
        {replyFigures.map((f) => (
          <div className={`stat stat-${f.key}`} key={f.key} data-testid={`figure-${f.key}`}>
            <div className="stat-label">{t(`overview.${f.key}`)}</div>
            <div className="stat-value">{formatRate(f.value, lang)}</div>
            <div className="stat-detail">{f.detail}</div>
          </div>
        ))}
        <CommitmentFigure
          figure="keptRate"
          rate={c.keptRate}
          count={c.kept}
          due={c.due}
          countOutcome="kept"
          filters={filters}
        />
        <CommitmentFigure
          figure="onTimeRate"
          rate={c.onTimeRate}
          count={c.keptOnTime}
          due={c.due}
          countOutcome="onTime"
          filters={filters}
        />
      </div>
      <p className="muted small">
        {t('overview.asOf', { date: formatDate(summary.cutoff, lang) })} · {t('overview.repliesCityWide')}
        {filters.status && <> · {t('overview.statusFiltered', { status: t(`status.${filters.status}`) })}</>}
      </p>
    </section>
  );
}
