/** Links to the commitments list with filters: every number on the overview and the report opens one. */
import type { OutcomeFilter, TrackedStatus } from '../../shared/commitments';
import type { OverviewFilters } from './overview-filters';

export interface ListLinkFilters extends OverviewFilters {
  outcome?: OutcomeFilter;
  kind?: 'quantified' | 'milestone';
  q?: string;
}

const ORDER = ['year', 'district', 'agency', 'session', 'deputy', 'status', 'outcome', 'kind', 'q'] as const;

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

/**
 * Links to the letters behind a reply figure: the overview's year, agency, session and deputy (a
 * letter has no district, and statuses are the commitments'), plus a grade or a rating.
 */
export function lettersHref(
  filters: OverviewFilters,
  extra: { grade?: 'A' | 'B' | 'C' | 'D' | 'graded'; rating?: string } = {},
): string {
  const params = new URLSearchParams();
  const merged = { ...filters, ...extra };
  for (const key of ['year', 'agency', 'session', 'deputy', 'grade', 'rating'] as const) {
    const value = merged[key as keyof typeof merged];
    if (value !== undefined && value !== '') params.set(key, String(value));
  }
  const query = params.toString();
  return query ? `/letters?${query}` : '/letters';
}
