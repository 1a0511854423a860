/** The annual report's tables: outcome per district or agency, and the overdue list. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { formatNumber, formatRate, formatTarget } from '../../lib/format';
import type { RouterOutputs } from '../../lib/trpc';

export type AnnualReport = RouterOutputs['reports']['annual'];
type OutcomeRow = AnnualReport['byAgency'][number];

export function OutcomeTable({
  rows,
  nameColumn,
  unnamed,
  testId,
}: {
  rows: readonly OutcomeRow[];
  nameColumn: string;
  unnamed: string;
  testId: string;
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (rows.length === 0) return <p className="empty-state">{t('report.noneDue')}</p>;
  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid={testId}>
        <thead>
          <tr>
            <th scope="col">{nameColumn}</th>
            <th scope="col" className="num">
              {t('report.due')}
            </th>
            <th scope="col" className="num">
              {t('report.kept')}
            </th>
            <th scope="col" className="num">
              {t('report.keptOnTime')}
            </th>
            <th scope="col" className="num">
              {t('report.overdue')}
            </th>
            <th scope="col" className="num">
              {t('report.keptRate')}
            </th>
            <th scope="col" className="num">
              {t('report.onTimeRate')}
            </th>
          </tr>
        </thead>
        <tbody>
          {rows.map((row) => (
            <tr key={row.name ?? ''}>
              <th scope="row">{row.name ?? unnamed}</th>
              <td className="num">{formatNumber(row.due, lang)}</td>
              <td className="num">{formatNumber(row.kept, lang)}</td>
              <td className="num">{formatNumber(row.keptOnTime, lang)}</td>
              <td className="num">{formatNumber(row.overdue, lang)}</td>
              <td className="num">{formatRate(row.keptRate, lang)}</td>
              <td className="num">{formatRate(row.onTimeRate, lang)}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function OverdueTable({ items }: { items: AnnualReport['overdue'] }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  if (items.length === 0) return <p className="empty-state">{t('report.overdueEmpty')}</p>;
  return (
    <div className="table-wrap">
      <table className="table report-table" data-testid="report-overdue">
        <thead>
          <tr>
            <th scope="col">{t('report.commitmentColumn')}</th>
            <th scope="col">{t('report.agencyColumn')}</th>
            <th scope="col" className="num">
              {t('report.targetColumn')}
            </th>
            <th scope="col" className="num">
              {t('report.valueColumn')}
            </th>
            <th scope="col" className="num">
              {t('report.deadlineColumn')}
            </th>
            <th scope="col">{t('report.reasonColumn')}</th>
          </tr>
        </thead>
        <tbody>
          {items.map((item) => (
            <tr key={item.commitmentId}>
              <td>
                <Link to={`/commitments/${item.commitmentId}`} className="row-title">
                  {item.object ?? t('report.milestone')}
                </Link>
                {/* the quote is the promise in the letter's words; long milestone sentences are clamped */}
                <div className="muted small report-quote">{item.quote}</div>
              </td>
              <td className="nowrap">
                {item.agency ?? t('report.unknownAgency')}
                {item.docNumber && <div className="muted small">{item.docNumber}</div>}
              </td>
              <td className="num nowrap">
                {formatTarget(item.targetMin, item.targetMax, lang)} {item.unit ?? ''}
              </td>
              <td className="num">{item.value === null ? '—' : formatNumber(item.value, lang)}</td>
              <td className="num">{item.deadlineYear ?? '—'}</td>
              <td>{item.reasonCode ? t(`reason.${item.reasonCode}`) : '—'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}
