/**
 * The overview's filters live in the URL query string (?year=2015&district=思明区&agency=…), so a
 * view can be bookmarked or sent as a link, and the back button undoes a filter change.
 */
import { useCallback, useMemo } from 'react';
import { useSearchParams } from 'react-router';

export interface OverviewFilters {
  year?: number;
  district?: string;
  agency?: string;
}

const FILTER_KEYS = ['year', 'district', 'agency'] as const;
export type FilterKey = (typeof FILTER_KEYS)[number];

function readYear(value: string | null): number | undefined {
  if (value === null || !/^\d{4}$/.test(value)) return undefined;
  return Number(value);
}

export function useOverviewFilters() {
  const [params, setParams] = useSearchParams();
  const year = readYear(params.get('year'));
  const district = params.get('district') || undefined;
  const agency = params.get('agency') || undefined;
  const filters = useMemo<OverviewFilters>(
    () => ({
      ...(year !== undefined ? { year } : {}),
      ...(district ? { district } : {}),
      ...(agency ? { agency } : {}),
    }),
    [year, district, agency],
  );

  const setFilter = useCallback(
    (key: FilterKey, value: string | undefined) =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        if (value) next.set(key, value);
        else next.delete(key);
        return next;
      }),
    [setParams],
  );

  const clear = useCallback(
    () =>
      setParams((current) => {
        const next = new URLSearchParams(current);
        for (const key of FILTER_KEYS) next.delete(key);
        return next;
      }),
    [setParams],
  );

  return { filters, setFilter, clear };
}
