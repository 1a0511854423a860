import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/data-table';
import { AgencyLink } from '../../components/entity-links';
import { Pagination, usePageHref } from '../../components/pagination';
import { LoadError, Loading } from '../../components/query-state';
import { RoleGate } from '../../components/role-gate';
import { formatDate } from '../../lib/format';
import { type LetterFilters, readLetterFilters, readLetterPage } from '../../lib/search-params';
import { useTRPC } from '../../lib/trpc';
import { IngestPanel } from './ingest-panel';

const FILTER_KEYS = ['year', 'agency', 'session', 'deputy', 'grade', 'rating'] as const;
const PAGE_SIZE = 50;

/**
 * The overview's reply figures open this page with their filters in the URL (?year=2015&grade=A);
 * the page number (?page=2) sits beside them.
 */
function useLetterFilters() {
  const [params] = useSearchParams();
  return { filters: readLetterFilters(params), page: readLetterPage(params) };
}

function ActiveFilters({ filters, count }: { filters: LetterFilters; count: number }) {
  const { t } = useTranslation();
  const labels = FILTER_KEYS.flatMap((key) => {
    const value = filters[key];
    if (value === undefined) return [];
    if (key === 'year') return [t('dashboard.year', { year: value })];
    if (key === 'grade') return [t(`letters.filters.grade.${value}`)];
    if (key === 'rating') return [t(`letters.filters.rating.${value}`)];
    return [String(value)];
  });
  if (labels.length === 0) return null;
  return (
    <div className="notice notice-info letter-filters" data-testid="letter-filters">
      <span>
        {t('letters.filters.showing', { count })}
        {labels.map((label) => (
          <span key={label} className="badge filter-chip">
            {label}
          </span>
        ))}
      </span>
      <Link to="/letters">{t('letters.filters.clear')}</Link>
    </div>
  );
}

export function LettersPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { filters, page } = useLetterFilters();
  const pageHref = usePageHref();
  // the page shown stays until the next one arrives, so paging does not blank the table
  const letters = useQuery({
    ...trpc.letters.list.queryOptions({ ...filters, page, pageSize: PAGE_SIZE }),
    placeholderData: keepPreviousData,
  });
  return (
    <section className="page">
      <header className="page-header">
        <h1>{t('letters.title')}</h1>
        <p className="muted">{t('letters.subtitle')}</p>
      </header>
      <RoleGate
        roles={['office']}
        signInHint={t('letters.ingest.signInHint')}
        otherRoleHint={t('letters.ingest.officeOnly')}
      >
        <IngestPanel />
      </RoleGate>
      {letters.data && <ActiveFilters filters={filters} count={letters.data.total} />}
      <section className="card">
        {letters.isPending ? (
          <Loading />
        ) : letters.isError ? (
          <LoadError error={letters.error} onRetry={() => void letters.refetch()} />
        ) : letters.data.total === 0 ? (
          <p className="empty-state">
            {Object.keys(filters).length > 0 ? t('letters.filters.empty') : t('letters.empty')}
          </p>
        ) : letters.data.items.length === 0 ? (
          <div className="empty-state">
            <p>{t('list.pastLastPage')}</p>
            <Link to={pageHref(1)}>{t('list.firstPage')}</Link>
          </div>
        ) : (
          <>
            <DataTable
              columns={[
                t('letters.columns.title'),
                t('letters.columns.agency'),
                t('letters.columns.date'),
                t('letters.columns.grade'),
                { label: t('letters.columns.commitments'), num: true },
                { label: t('letters.columns.milestones'), num: true },
              ]}
              testId="letters-table"
            >
              {letters.data.items.map((letter) => (
                <tr key={letter.id}>
                  <td>
                    <Link to={`/letters/${letter.id}`} className="row-title">
                      {letter.title ?? letter.sourceName ?? t('letters.untitled')}
                    </Link>
                    {letter.suggestionRef && <div className="muted small">{letter.suggestionRef}</div>}
                  </td>
                  <td>
                    <AgencyLink name={letter.agency} />
                  </td>
                  <td className="nowrap">{formatDate(letter.letterDate, i18n.language)}</td>
                  <td>
                    {letter.resultGrade ? (
                      <span
                        className={`grade grade-${letter.resultGrade}`}
                        title={t(`grade.${letter.resultGrade}`)}
                      >
                        {letter.resultGrade}
                      </span>
                    ) : (
                      t('common.none')
                    )}
                  </td>
                  <td className="num">{letter.commitments}</td>
                  <td className="num">{letter.milestones}</td>
                </tr>
              ))}
            </DataTable>
            <Pagination data={letters.data} pageHref={pageHref} />
          </>
        )}
      </section>
    </section>
  );
}
