import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { DataTable } from '../../components/data-table';
import { AgencyLink } from '../../components/entity-links';
import { LoadError, Loading } from '../../components/query-state';
import { RoleGate } from '../../components/role-gate';
import { formatDate } from '../../lib/format';
import { readLetterFilters } from '../../lib/search-params';
import { useTRPC } from '../../lib/trpc';
import { IngestPanel } from './ingest-panel';

const FILTER_KEYS = ['year', 'agency', 'session', 'deputy', 'grade', 'rating'] as const;

/** The overview's reply figures open this page with their filters in the URL (?year=2015&grade=A). */
function useLetterFilters() {
  const [params] = useSearchParams();
  return readLetterFilters(params);
}

function ActiveFilters({ filters, count }: { filters: ReturnType<typeof useLetterFilters>; count: number }) {
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
  const filters = useLetterFilters();
  const letters = useQuery(trpc.letters.list.queryOptions(filters));
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
      {letters.data && <ActiveFilters filters={filters} count={letters.data.length} />}
      <section className="card">
        {letters.isPending ? (
          <Loading />
        ) : letters.isError ? (
          <LoadError error={letters.error} onRetry={() => void letters.refetch()} />
        ) : letters.data.length === 0 ? (
          <p className="empty-state">
            {Object.keys(filters).length > 0 ? t('letters.filters.empty') : t('letters.empty')}
          </p>
        ) : (
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
            {letters.data.map((letter) => (
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
        )}
      </section>
    </section>
  );
}
