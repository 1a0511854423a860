/**
 * The overview's pickers — year, district, agency, session, deputy, status — whose values are the
 * URL's (see use-overview-filters). The commitments list shows the same bar with its own extras.
 */
import { useQuery } from '@tanstack/react-query';
import type { ReactNode } from 'react';
import { useTranslation } from 'react-i18next';
import { TRACKED_STATUSES } from '../../shared/commitments';
import type { FilterKey, OverviewFilters } from '../lib/overview-filters';
import { useTRPC } from '../lib/trpc';

// A shared link may name a value this database lacks: keep it visible rather than silently dropping it.
function withCurrent<T>(list: readonly T[], current: T | undefined): readonly T[] {
  return current === undefined || list.includes(current) ? list : [current, ...list];
}

function FilterSelect({
  name,
  label,
  allLabel,
  value,
  options,
  onChange,
  wide = false,
}: {
  name: FilterKey;
  label: string;
  allLabel: string;
  value: string | undefined;
  options: readonly { value: string; label: string }[];
  onChange: (key: FilterKey, value: string | undefined) => void;
  wide?: boolean;
}) {
  return (
    <label className={`inline-field filter-field${wide ? ' filter-field-wide' : ''}`}>
      <span>{label}</span>
      <select
        value={value ?? ''}
        onChange={(e) => onChange(name, e.target.value || undefined)}
        data-testid={`filter-${name}`}
      >
        <option value="">{allLabel}</option>
        {options.map((o) => (
          <option key={o.value} value={o.value}>
            {o.label}
          </option>
        ))}
      </select>
    </label>
  );
}

export function OverviewFilterBar({
  filters,
  onChange,
  onClear,
  children,
  active: activeExtra = false,
  hint,
}: {
  filters: OverviewFilters;
  onChange: (key: FilterKey, value: string | undefined) => void;
  onClear: () => void;
  /** the page's own fields, after the shared ones */
  children?: ReactNode;
  /** the page's own fields are set (shows the clear button) */
  active?: boolean;
  hint?: string;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const choices = useQuery(trpc.dashboard.filterChoices.queryOptions());
  const plain = (list: readonly string[] | undefined, current: string | undefined) =>
    withCurrent(list ?? [], current).map((v) => ({ value: v, label: v }));
  const years = withCurrent(choices.data?.years ?? [], filters.year).map((y) => ({
    value: String(y),
    label: t('dashboard.year', { year: y }),
  }));
  const active = Object.keys(filters).length > 0 || activeExtra;
  return (
    <section className="filter-bar card" aria-label={t('overview.filters')}>
      <div className="filter-fields">
        <FilterSelect
          name="year"
          label={t('overview.year')}
          allLabel={t('overview.allYears')}
          value={filters.year === undefined ? undefined : String(filters.year)}
          options={years}
          onChange={onChange}
        />
        <FilterSelect
          name="district"
          label={t('overview.district')}
          allLabel={t('overview.allDistricts')}
          value={filters.district}
          options={plain(choices.data?.districts, filters.district)}
          onChange={onChange}
        />
        <FilterSelect
          name="agency"
          label={t('overview.agency')}
          allLabel={t('overview.allAgencies')}
          value={filters.agency}
          options={plain(choices.data?.agencies, filters.agency)}
          onChange={onChange}
          wide
        />
        <FilterSelect
          name="session"
          label={t('overview.session')}
          allLabel={t('overview.allSessions')}
          value={filters.session}
          options={plain(choices.data?.sessions, filters.session)}
          onChange={onChange}
          wide
        />
        <FilterSelect
          name="deputy"
          label={t('overview.deputy')}
          allLabel={t('overview.allDeputies')}
          value={filters.deputy}
          options={plain(choices.data?.deputies, filters.deputy)}
          onChange={onChange}
        />
        <FilterSelect
          name="status"
          label={t('overview.status')}
          allLabel={t('overview.allStatuses')}
          value={filters.status}
          options={TRACKED_STATUSES.map((s) => ({ value: s, label: t(`status.${s}`) }))}
          onChange={onChange}
        />
        {children}
        {active && (
          <button type="button" className="button button-secondary button-small" onClick={onClear}>
            {t('overview.clear')}
          </button>
        )}
      </div>
      <p className="muted small">{hint ?? t('overview.shareHint')}</p>
    </section>
  );
}
