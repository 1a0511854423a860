/**
 * 年度办理情况报告 at /reports/:year: the figures officials publish, on a page that prints on A4
 * (styles.css @media print) and downloads as XLSX and CSV made from the same report on the server.
 */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, Navigate, useNavigate, useParams } from 'react-router';
import { LoadError, Loading } from '../../components/query-state';
import { clock } from '../../lib/clock';
import { formatDate, formatNumber, formatRate } from '../../lib/format';
import { commitmentsHref, lettersHref } from '../../lib/list-links';
import { useTRPC } from '../../lib/trpc';
import { type AnnualReport, OutcomeTable, OverdueTable } from './report-tables';

const GRADES = ['A', 'B', 'C', 'D'] as const;

function Figure({
  label,
  value,
  testId,
  to,
}: {
  label: string;
  value: string;
  testId: string;
  /** the commitments behind the figure */
  to?: string;
}) {
  return (
    <div className="report-figure" data-testid={testId}>
      <div className="report-figure-value">{to ? <Link to={to}>{value}</Link> : value}</div>
      <div className="report-figure-label">{label}</div>
    </div>
  );
}

function RepliesSection({ report }: { report: AnnualReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const r = report.replies;
  return (
    <section className="report-section" aria-labelledby="report-replies">
      <h2 id="report-replies">{t('report.repliesTitle')}</h2>
      <div className="report-figures">
        <Figure
          label={t('report.suggestions')}
          value={formatNumber(r.suggestions, lang)}
          testId="report-suggestions"
        />
        <Figure
          label={t('report.answered')}
          value={formatNumber(r.answered, lang)}
          testId="report-answered"
        />
        <Figure
          label={t('report.replyRate')}
          value={formatRate(r.replyRate, lang)}
          testId="report-reply-rate"
        />
        <Figure
          label={t('report.letters')}
          value={formatNumber(r.letters, lang)}
          testId="report-letters"
          to={lettersHref({ year: report.year })}
        />
      </div>
      <table className="table report-table grade-table" data-testid="report-grades">
        <caption>{t('report.grades')}</caption>
        <thead>
          <tr>
            <th scope="col">{t('letters.columns.grade')}</th>
            <th scope="col" className="num">
              {t('report.gradeCount')}
            </th>
            <th scope="col" className="num">
              {t('report.gradeShare')}
            </th>
          </tr>
        </thead>
        <tbody>
          {GRADES.map((g) => (
            <tr key={g}>
              <th scope="row">
                <span className={`grade grade-${g}`}>{g}</span> {t(`grade.${g}`).split('·')[1]?.trim()}
              </th>
              <td className="num">
                <Link to={lettersHref({ year: report.year }, { grade: g })}>
                  {formatNumber(r.grades[g], lang)}
                </Link>
              </td>
              <td className="num">{formatRate(r.gradeShares[g], lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
      {r.ungraded > 0 && <p className="muted small">{t('report.ungraded', { count: r.ungraded })}</p>}
    </section>
  );
}

function SatisfactionSection({ report }: { report: AnnualReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const r = report.replies;
  return (
    <section className="report-section" aria-labelledby="report-satisfaction">
      <h2 id="report-satisfaction">{t('report.satisfactionTitle')}</h2>
      <div className="report-figures">
        <Figure
          label={t('report.rated')}
          value={formatNumber(r.rated, lang)}
          testId="report-rated"
          to={lettersHref({ year: report.year }, { rating: 'rated' })}
        />
        <Figure
          label={t('report.satisfied')}
          value={formatNumber(r.satisfied, lang)}
          testId="report-satisfied"
          to={lettersHref({ year: report.year }, { rating: 'satisfied' })}
        />
        <Figure
          label={t('report.basically')}
          value={formatNumber(r.basically, lang)}
          testId="report-basically"
          to={lettersHref({ year: report.year }, { rating: 'basically' })}
        />
        <Figure
          label={t('report.unsatisfied')}
          value={formatNumber(r.unsatisfied, lang)}
          testId="report-unsatisfied"
          to={lettersHref({ year: report.year }, { rating: 'unsatisfied' })}
        />
        <Figure
          label={t('report.satisfactionRate')}
          value={formatRate(r.satisfactionRate, lang)}
          testId="report-satisfaction-rate"
        />
      </div>
    </section>
  );
}

function CommitmentsSection({ report }: { report: AnnualReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const c = report.commitments;
  return (
    <section className="report-section" aria-labelledby="report-commitments">
      <h2 id="report-commitments">{t('report.commitmentsTitle')}</h2>
      <p className="muted small">{t('report.commitmentsHint', { year: report.year })}</p>
      <div className="report-figures">
        <Figure
          label={t('report.due')}
          value={formatNumber(c.due, lang)}
          testId="report-due"
          to={commitmentsHref({ year: report.year, outcome: 'due' })}
        />
        <Figure
          label={t('report.kept')}
          value={formatNumber(c.kept, lang)}
          testId="report-kept"
          to={commitmentsHref({ year: report.year, outcome: 'kept' })}
        />
        <Figure
          label={t('report.keptOnTime')}
          value={formatNumber(c.keptOnTime, lang)}
          testId="report-kept-on-time"
          to={commitmentsHref({ year: report.year, outcome: 'onTime' })}
        />
        <Figure label={t('report.keptRate')} value={formatRate(c.keptRate, lang)} testId="report-kept-rate" />
        <Figure
          label={t('report.onTimeRate')}
          value={formatRate(c.onTimeRate, lang)}
          testId="report-on-time-rate"
        />
        <Figure
          label={t('report.overdue')}
          value={formatNumber(c.statusCounts.overdue, lang)}
          testId="report-overdue-count"
          to={commitmentsHref({ year: report.year, status: 'overdue' })}
        />
      </div>
    </section>
  );
}

function ReportToolbar({ year, years }: { year: number; years: readonly number[] }) {
  const { t } = useTranslation();
  const navigate = useNavigate();
  const choices = years.includes(year) ? years : [year, ...years];
  return (
    <div className="report-toolbar no-print">
      <label className="inline-field">
        <span>{t('report.chooseYear')}</span>
        <select value={year} onChange={(e) => void navigate(`/reports/${e.target.value}`)}>
          {choices.map((y) => (
            <option key={y} value={y}>
              {t('dashboard.year', { year: y })}
            </option>
          ))}
        </select>
      </label>
      <a className="button" href={`/reports/${year}.xlsx`} download>
        {t('report.downloadXlsx')}
      </a>
      <a className="button button-secondary" href={`/reports/${year}.csv`} download>
        {t('report.downloadCsv')}
      </a>
      <button type="button" className="button button-secondary" onClick={() => window.print()}>
        {t('report.print')}
      </button>
    </div>
  );
}

function ReportBody({ report }: { report: AnnualReport }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const empty =
    report.replies.suggestions === 0 && report.replies.letters === 0 && report.commitments.tracked === 0;
  if (empty) return <p className="empty-state">{t('report.empty', { year: report.year })}</p>;
  return (
    <>
      <RepliesSection report={report} />
      <SatisfactionSection report={report} />
      <CommitmentsSection report={report} />
      <section className="report-section" aria-labelledby="report-districts">
        <h2 id="report-districts">{t('report.byDistrictTitle')}</h2>
        <p className="muted small">{t('report.byDistrictHint')}</p>
        <OutcomeTable
          rows={report.byDistrict}
          nameColumn={t('report.districtColumn')}
          unnamed={t('common.cityLevel')}
          testId="report-by-district"
          year={report.year}
          by="district"
        />
      </section>
      <section className="report-section" aria-labelledby="report-agencies">
        <h2 id="report-agencies">{t('report.byAgencyTitle')}</h2>
        <OutcomeTable
          rows={report.byAgency}
          nameColumn={t('report.agencyColumn')}
          unnamed={t('report.unknownAgency')}
          testId="report-by-agency"
          year={report.year}
          by="agency"
        />
      </section>
      <section className="report-section" aria-labelledby="report-overdue-list">
        <h2 id="report-overdue-list">{t('report.overdueTitle')}</h2>
        {report.overdueTotal > report.overdue.length ? (
          <p className="muted small" data-testid="report-overdue-shown">
            {t('report.overdueShown', {
              total: formatNumber(report.overdueTotal, lang),
              shown: formatNumber(report.overdue.length, lang),
            })}{' '}
            <Link to={commitmentsHref({ year: report.year, status: 'overdue', outcome: 'due' })}>
              {t('report.overdueAll', { total: formatNumber(report.overdueTotal, lang) })}
            </Link>
          </p>
        ) : null}
        <OverdueTable items={report.overdue} />
      </section>
    </>
  );
}

export function AnnualReportPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const params = useParams();
  const year = /^\d{4}$/.test(params.year ?? '') ? Number(params.year) : null;
  const report = useQuery({
    ...trpc.reports.annual.queryOptions({ year: year ?? 0 }),
    enabled: year !== null,
  });
  const choices = useQuery(trpc.dashboard.filterChoices.queryOptions());
  if (year === null) return <p className="state state-error">{t('report.invalidYear')}</p>;
  return (
    <article className="page report-page">
      <header className="page-header report-header">
        <h1>{t('report.title', { year })}</h1>
        {report.data && (
          <p className="muted">
            {t('report.subtitle', { date: formatDate(report.data.cutoff, i18n.language) })}
          </p>
        )}
        <ReportToolbar year={year} years={choices.data?.years ?? []} />
      </header>
      {report.isPending ? (
        <Loading />
      ) : report.isError ? (
        <LoadError error={report.error} onRetry={() => void report.refetch()} />
      ) : (
        <ReportBody report={report.data} />
      )}
      <footer className="report-footer muted small">{t('report.footer')}</footer>
    </article>
  );
}

/** /reports without a year: the latest year with data. */
export function LatestReportRedirect() {
  const trpc = useTRPC();
  const choices = useQuery(trpc.dashboard.filterChoices.queryOptions());
  if (choices.isPending) return <Loading />;
  const latest = choices.data?.years[0] ?? clock.year();
  return <Navigate to={`/reports/${latest}`} replace />;
}
