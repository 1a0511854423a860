/**
 * The client's "today": the date in the server's zone (APP_TIME_ZONE, China Standard Time unless
 * configured), the same clock the server judges dates with, so a date input's max, its default,
 * the report's year and the printed date neither lag a day between 00:00 and 08:00 in Beijing (the
 * browser's UTC date) nor follow the browser's own zone. The server writes its zone into the page
 * (shared/clock.ts pageWithTimeZone); a page without it (a test, a saved copy) keeps China's.
 */
import { type Clock, DEFAULT_TIME_ZONE, isTimeZone, TIME_ZONE_META, zonedClock } from '../../shared/clock';

/** The zone the page names, or China's when it names none (or one this browser does not know). */
export function pageTimeZone(page: Pick<Document, 'querySelector'> | undefined): string {
  const named = page?.querySelector(`meta[name="${TIME_ZONE_META}"]`)?.getAttribute('content');
  return named && isTimeZone(named) ? named : DEFAULT_TIME_ZONE;
}

export const clock: Clock = zonedClock(pageTimeZone(globalThis.document));

export const todayIso = () => clock.today();
