/** Year, district and agency pickers of the overview; their values are the URL's (see use-overview-filters). */
import { useQuery } from '@tanstack/react-query';
import { useTranslation } from 'react-i18next';
import { useTRPC } from '../../lib/trpc';
import type { FilterKey, OverviewFilters } from './use-overview-filters';

export function OverviewFilterBar({
  filters,
  onChange,
  onClear,
}: {
  filters: OverviewFilters;
  onChange: (key: FilterKey, value: string | undefined) => void;
  onClear: () => void;
}) {
  const { t } = useTranslation();
  const trpc = useTRPC();
  const choices = useQuery(trpc.dashboard.filterChoices.queryOptions());
  const years = choices.data?.years ?? [];
  const districts = choices.data?.districts ?? [];
  const agencies = choices.data?.agencies ?? [];
  // A shared link may name a value this database lacks: keep it visible rather than silently dropping it.
  const withCurrent = <T,>(list: readonly T[], current: T | undefined) =>
    current === undefined || list.includes(current) ? list : [current, ...list];
  const active = Object.keys(filters).length > 0;
  return (
    <section className="filter-bar card" aria-label={t('overview.filters')}>
      <div className="filter-fields">
        <label className="inline-field">
          <span>{t('overview.year')}</span>
          <select
            value={filters.year ?? ''}
            onChange={(e) => onChange('year', e.target.value || undefined)}
            data-testid="filter-year"
          >
            <option value="">{t('overview.allYears')}</option>
            {withCurrent(years, filters.year).map((y) => (
              <option key={y} value={y}>
                {t('dashboard.year', { year: y })}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('overview.district')}</span>
          <select
            value={filters.district ?? ''}
            onChange={(e) => onChange('district', e.target.value || undefined)}
            data-testid="filter-district"
          >
            <option value="">{t('overview.allDistricts')}</option>
            {withCurrent(districts, filters.district).map((d) => (
              <option key={d} value={d}>
                {d}
              </option>
            ))}
          </select>
        </label>
        <label className="inline-field">
          <span>{t('overview.agency')}</span>
          <select
            value={filters.agency ?? ''}
            onChange={(e) => onChange('agency', e.target.value || undefined)}
            data-testid="filter-agency"
          >
            <option value="">{t('overview.allAgencies')}</option>
            {withCurrent(agencies, filters.agency).map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        {active && (
          <button type="button" className="button button-secondary button-small" onClick={onClear}>
            {t('overview.clear')}
          </button>
        )}
      </div>
      <p className="muted small">{t('overview.shareHint')}</p>
    </section>
  );
}
