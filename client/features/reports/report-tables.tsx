/** The annual report's tables: outcome per district or agency, and the overdue list. */
import { useTranslation } from 'react-i18next';
import { Link } from 'react-router';
import { TargetText } from '../../components/commitment-cells';
import { formatNumber, formatRate } from '../../lib/format';
import { commitmentsHref, type ListLinkFilters } from '../../lib/list-links';
import type { RouterOutputs } from '../../lib/trpc';

export type AnnualReport = RouterOutputs['reports']['annual'];
type OutcomeRow = AnnualReport['byAgency'][number];

/** A count in a report table: opens the commitments behind it, unless the row names nothing to filter by. */
function CountCell({ value, to }: { value: number; to: string | null }) {
  const { i18n } = useTranslation();
  const text = formatNumber(value, i18n.language);
  return <td className="num">{to ? <Link to={to}>{text}</Link> : text}</td>;
}

export function OutcomeTable({
  rows,
  nameColumn,
  unnamed,
  testId,
  year,
  by,
}: {
  rows: readonly OutcomeRow[];
  nameColumn: string;
  unnamed: string;
  testId: string;
  year: number;
  /** which filter a row's name is: its counts open the list of that district's or agency's commitments */
  by: 'district' | 'agency';
}) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const href = (row: OutcomeRow, extra: ListLinkFilters) =>
    row.name === null ? null : commitmentsHref({ year, [by]: row.name }, extra);
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
              <CountCell value={row.due} to={href(row, { outcome: 'due' })} />
              <CountCell value={row.kept} to={href(row, { outcome: 'kept' })} />
              <CountCell value={row.keptOnTime} to={href(row, { outcome: 'onTime' })} />
              <CountCell value={row.overdue} to={href(row, { status: 'overdue' })} />
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
                <TargetText min={item.targetMin} max={item.targetMax} unit={item.unit} />
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
