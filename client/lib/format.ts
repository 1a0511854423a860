/** Numbers and dates in the reader's locale. */
export function formatNumber(value: number, locale: string): string {
  return new Intl.NumberFormat(locale, { maximumFractionDigits: 2 }).format(value);
}

export function formatPercent(share: number, locale: string): string {
  return new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 0 }).format(share);
}

export function formatDate(iso: string | null, locale: string): string {
  if (!iso) return '—';
  const date = new Date(`${iso.slice(0, 10)}T00:00:00Z`);
  if (Number.isNaN(date.getTime())) return iso;
  return new Intl.DateTimeFormat(locale, {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
    timeZone: 'UTC',
  }).format(date);
}

/** 30, 3–5, ≥80 */
export function formatTarget(min: number | null, max: number | null, locale: string): string {
  if (min === null) return '—';
  if (max === null) return `≥ ${formatNumber(min, locale)}`;
  if (max === min) return formatNumber(min, locale);
  return `${formatNumber(min, locale)}–${formatNumber(max, locale)}`;
}

/** A rate in the reports and headline figures: one decimal (33.3%), “—” when nothing to divide by. */
export function formatRate(share: number | null, locale: string): string {
  if (share === null) return '—';
  return new Intl.NumberFormat(locale, {
    style: 'percent',
    minimumFractionDigits: 1,
    maximumFractionDigits: 1,
  }).format(share);
}
