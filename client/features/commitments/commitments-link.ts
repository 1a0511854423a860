/** Links to the commitments list with filters: every number on the overview and the report opens one. */
import type { OutcomeFilter, TrackedStatus } from '../../../shared/commitments';
import type { OverviewFilters } from '../dashboard/use-overview-filters';

export interface ListLinkFilters extends OverviewFilters {
  outcome?: OutcomeFilter;
  q?: string;
}

const ORDER = ['year', 'district', 'agency', 'session', 'deputy', 'status', 'outcome', 'q'] as const;

export function commitmentsHref(filters: ListLinkFilters, extra: ListLinkFilters = {}): string {
  const merged: ListLinkFilters = { ...filters, ...extra };
  const params = new URLSearchParams();
  for (const key of ORDER) {
    const value = merged[key];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/commitments?${query}` : '/commitments';
}

export type { OutcomeFilter, TrackedStatus };
