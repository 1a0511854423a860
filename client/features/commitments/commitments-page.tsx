/**
 * 承诺事项清单 at /commitments: the commitments the overview counts, with its filters in the URL
 * (year, district, agency, session, deputy, status) plus the part of the kept rate (到期 / 已兑现 /
 * 按期兑现), free text and the page. Every number on the overview and in the annual report opens
 * this list with the matching filters, and the list's total is that number.
 */
import { keepPreviousData, useQuery } from '@tanstack/react-query';
import { type FormEvent, useEffect, useState } from 'react';
import { useTranslation } from 'react-i18next';
import { Link, useSearchParams } from 'react-router';
import { OUTCOME_FILTERS } from '../../../shared/commitments';
import { TargetText, ValueText } from '../../components/commitment-cells';
import { AgencyLink, DistrictLink } from '../../components/entity-links';
import { OverviewFilterBar } from '../../components/overview-filter-bar';
import { Pagination, usePageHref } from '../../components/pagination';
import { LoadError, Loading } from '../../components/query-state';
import { StatusBadge } from '../../components/status-badge';
import { formatDate, formatNumber } from '../../lib/format';
import { useOverviewFilters } from '../../lib/overview-filters';
import { readListParams } from '../../lib/search-params';
import { type RouterOutputs, useTRPC } from '../../lib/trpc';

const PAGE_SIZE = 50;
const OWN_KEYS = ['outcome', 'kind', 'q', 'page'] as const;
const KINDS = ['quantified', 'milestone'] as const;

type ListResult = RouterOutputs['commitments']['list'];
type Row = ListResult['rows'][number];

function useListParams() {
  const [params, setParams] = useSearchParams();
  const { outcome, kind, q, page = 1 } = readListParams(params);
  const set = (changes: Record<string, string | undefined>) =>
    setParams(() => {
      // the address bar, not the last render's params (see lib/overview-filters)
      const next = new URLSearchParams(window.location.search);
      for (const [key, value] of Object.entries(changes)) {
        if (value) next.set(key, value);
        else next.delete(key);
      }
      return next;
    });
  const pageHref = usePageHref();
  return { outcome, kind, q, page, set, pageHref, params };
}

function TextSearch({ q, onSearch }: { q: string | undefined; onSearch: (q: string | undefined) => void }) {
  const { t } = useTranslation();
  const [draft, setDraft] = useState(q ?? '');
  useEffect(() => setDraft(q ?? ''), [q]);
  const submit = (event: FormEvent) => {
    event.preventDefault();
    onSearch(draft.trim() || undefined);
  };
  return (
    <form className="inline-field filter-field filter-field-wide list-search" onSubmit={submit}>
      <label htmlFor="list-q">{t('list.q')}</label>
      <span className="list-search-row">
        <input
          id="list-q"
          type="search"
          value={draft}
          onChange={(e) => setDraft(e.target.value)}
          placeholder={t('list.qPlaceholder')}
          maxLength={100}
          data-testid="filter-q"
        />
        <button type="submit" className="button button-small">
          {t('list.search')}
        </button>
      </span>
    </form>
  );
}

function RowOutcome({ row }: { row: Row }) {
  const { t } = useTranslation();
  if (!row.due) return null;
  const key = row.keptOnTime ? 'keptOnTime' : row.kept ? 'keptLate' : 'dueNotKept';
  return <div className={`muted small row-outcome row-outcome-${key}`}>{t(`list.outcomeRow.${key}`)}</div>;
}

function ListTable({ data, showDistrict }: { data: ListResult; showDistrict: boolean }) {
  const { t, i18n } = useTranslation();
  const lang = i18n.language;
  const valueLabel = t('list.columns.value', { date: formatDate(data.cutoff, lang) });
  return (
    <div className="table-wrap">
      <table className="table list-table" data-testid="commitment-list">
        <thead>
          <tr>
            <th scope="col">{t('list.columns.commitment')}</th>
            <th scope="col">{t('list.columns.letter')}</th>
            {showDistrict && <th scope="col">{t('list.columns.district')}</th>}
            <th scope="col" className="num">
              {t('list.columns.target')}
            </th>
            <th scope="col" className="num">
              {valueLabel}
            </th>
            <th scope="col" className="num">
              {t('list.columns.deadline')}
            </th>
            <th scope="col">{t('list.columns.status')}</th>
          </tr>
        </thead>
        <tbody>
          {data.rows.map((row) => (
            <tr key={`${row.commitmentId}:${row.districtId ?? 'all'}`}>
              <td className="list-commitment">
                <Link to={`/commitments/${row.commitmentId}`} className="row-title">
                  {row.object ?? (row.kind === 'milestone' ? t('list.milestone') : t('list.untitled'))}
                </Link>
                <div className="muted small list-quote">{row.quote}</div>
              </td>
              <td className="list-letter" data-label={t('list.columns.letter')}>
                <div>
                  <Link to={`/letters/${row.letterId}`}>
                    {row.docNumber ?? row.letterTitle ?? t('list.letterNumber', { id: row.letterId })}
                  </Link>
                  <div className="muted small">
                    <AgencyLink name={row.agency} />
                  </div>
                  {row.suggestionRef && <div className="muted small">{row.suggestionRef}</div>}
                </div>
              </td>
              {showDistrict && (
                <td data-label={t('list.columns.district')}>
                  <DistrictLink name={row.districtName} />
                </td>
              )}
              <td className="num nowrap" data-label={t('list.columns.target')}>
                {row.kind === 'milestone' ? (
                  t('list.milestoneTarget')
                ) : (
                  <TargetText min={row.targetMin} max={row.targetMax} unit={row.unit} />
                )}
              </td>
              <td className="num nowrap" data-label={t('list.columns.valueShort')}>
                <ValueText value={row.value} unit={row.unit} />
              </td>
              <td className="num" data-label={t('list.columns.deadline')}>
                {row.deadlineYear ?? '—'}
              </td>
              <td data-label={t('list.columns.status')}>
                <div>
                  <StatusBadge status={row.status} />
                  <RowOutcome row={row} />
                </div>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  );
}

export function CommitmentsPage() {
  const { t, i18n } = useTranslation();
  const trpc = useTRPC();
  const { filters, setFilter, clear } = useOverviewFilters(OWN_KEYS);
  const { outcome, kind, q, page, set, pageHref, params } = useListParams();
  const list = useQuery({
    ...trpc.commitments.list.queryOptions({
      ...filters,
      ...(outcome ? { outcome } : {}),
      ...(kind ? { kind } : {}),
      ...(q ? { q } : {}),
      page,
      pageSize: PAGE_SIZE,
    }),
    placeholderData: keepPreviousData,
  });
  const overviewParams = new URLSearchParams(params);
  for (const key of OWN_KEYS) overviewParams.delete(key);
  const overviewHref = overviewParams.size ? `/overview?${overviewParams.toString()}` : '/overview';
  const data = list.data;
  return (
    <section className="page">
      <header className="page-header page-header-row">
        <div>
          <h1>{t('list.title')}</h1>
          <p className="muted">{t('list.subtitle')}</p>
        </div>
        <Link className="button button-secondary" to={overviewHref}>
          ← {t('list.backToOverview')}
        </Link>
      </header>
      <OverviewFilterBar
        filters={filters}
        onChange={setFilter}
        onClear={clear}
        active={Boolean(outcome || kind || q)}
        hint={t('list.filterHint')}
      >
        <label className="inline-field filter-field">
          <span>{t('list.outcome')}</span>
          <select
            value={outcome ?? ''}
            onChange={(e) => set({ outcome: e.target.value || undefined, page: undefined })}
            data-testid="filter-outcome"
          >
            <option value="">{t('list.allOutcomes')}</option>
            {OUTCOME_FILTERS.map((o) => (
              <option key={o} value={o}>
                {t(`list.outcomes.${o}`)}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field filter-field">
          <span>{t('list.kind')}</span>
          <select
            value={kind ?? ''}
            onChange={(e) => set({ kind: e.target.value || undefined, page: undefined })}
            data-testid="filter-kind"
          >
            <option value="">{t('list.allKinds')}</option>
            {KINDS.map((k) => (
              <option key={k} value={k}>
                {t(`list.kinds.${k}`)}
              </option>
            ))}
          </select>
        </label>
        <TextSearch q={q} onSearch={(value) => set({ q: value, page: undefined })} />
      </OverviewFilterBar>
      <section className="card" aria-live="polite" aria-busy={list.isFetching}>
        {list.isPending ? (
          <Loading />
        ) : list.isError ? (
          <LoadError error={list.error} onRetry={() => void list.refetch()} />
        ) : data ? (
          <>
            <div className="list-summary">
              <p>
                <strong data-testid="list-total">{formatNumber(data.total, i18n.language)}</strong>{' '}
                {t('list.totalSuffix')}
                <span className="muted small">
                  {' '}
                  · {t('overview.asOf', { date: formatDate(data.cutoff, i18n.language) })}
                </span>
              </p>
              {data.total > 0 && (
                <p className="muted small">
                  {t('list.showing', {
                    from: (data.page - 1) * data.pageSize + 1,
                    to: (data.page - 1) * data.pageSize + data.rows.length,
                  })}
                </p>
              )}
            </div>
            {data.total === 0 ? (
              <div className="empty-state">
                <p>{t('list.empty')}</p>
                <button type="button" className="button button-secondary button-small" onClick={clear}>
                  {t('overview.clear')}
                </button>
              </div>
            ) : data.rows.length === 0 ? (
              <div className="empty-state">
                <p>{t('list.pastLastPage')}</p>
                <Link to={pageHref(1)}>{t('list.firstPage')}</Link>
              </div>
            ) : (
              <>
                <ListTable data={data} showDistrict={filters.district !== undefined} />
                <Pagination data={data} pageHref={pageHref} />
              </>
            )}
          </>
        ) : null}
      </section>
    </section>
  );
}
