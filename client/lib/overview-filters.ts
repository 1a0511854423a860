/**
 * The overview's filters live in the URL query string (?year=2015&district=思明区&agency=…&session=…
 * &deputy=…&status=overdue), so a view can be bookmarked or sent as a link, and the back button
 * undoes a filter change. The commitments list (/commitments) reads the same parameters, so a
 * number on the overview opens the list with the overview's filters.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';
import { type OverviewFilters, readOverviewFilters } from './search-params';

export type { OverviewFilters };

export const FILTER_KEYS = [
  'year',
  'district',
  'agency',
  'session',
  'deputy',
  'status',
] as const satisfies readonly (keyof OverviewFilters)[];
export type FilterKey = (typeof FILTER_KEYS)[number];

/** The filters in a query string; values that cannot be valid (a year of 3 digits) are ignored. */
export const readFilters = readOverviewFilters;

/** `extraKeys` are the page's own parameters a filter change resets (the list's page number). */
export function useOverviewFilters(extraKeys: readonly string[] = []) {
  const [params, setParams] = useSearchParams();
  const key = FILTER_KEYS.map((k) => `${k}=${params.get(k) ?? ''}`).join('&');
  // biome-ignore lint/correctness/useExhaustiveDependencies: recomputed only when a filter value changes
  const filters = useMemo(() => readFilters(params), [key]);

  // The address bar, not the last render's params: two quick changes (a click right after
  // another) must not drop the first.
  const setFilter = useCallback(
    (name: FilterKey, value: string | undefined) =>
      setParams(() => {
        const next = new URLSearchParams(window.location.search);
        if (value) next.set(name, value);
        else next.delete(name);
        for (const extra of extraKeys) next.delete(extra);
        return next;
      }),
    [setParams, extraKeys],
  );

  const clear = useCallback(
    () =>
      setParams(() => {
        const next = new URLSearchParams(window.location.search);
        for (const k of [...FILTER_KEYS, ...extraKeys]) next.delete(k);
        return next;
      }),
    [setParams, extraKeys],
  );

  return { filters, setFilter, clear };
}
