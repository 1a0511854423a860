/**
 * The one clock of the product. "Today" is the date where the agencies are (China Standard Time by
 * default), not in UTC: between 00:00 and 08:00 in Beijing the UTC date is still yesterday, so a
 * clerk's correct date would be refused as later than today and the year would turn at 08:00 on
 * 1 January. Server and client both read dates through a Clock; the server's comes from
 * APP_TIME_ZONE (server/env.ts) and is injected into the context and the services.
 */
export const DEFAULT_TIME_ZONE = 'Asia/Shanghai';

export interface Clock {
  /** IANA time zone the dates are taken in */
  readonly timeZone: string;
  now(): Date;
  /** the calendar date of an instant in this zone, YYYY-MM-DD */
  dateOf(at: Date): string;
  /** today's date in this zone, YYYY-MM-DD */
  today(): string;
  /** the running year in this zone */
  year(): number;
}

const formats = new Map<string, Intl.DateTimeFormat>();

/** One formatter per zone and precision; a RangeError here means an unknown zone name. */
function formatIn(timeZone: string, toMinute: boolean): Intl.DateTimeFormat {
  const key = `${timeZone}|${toMinute}`;
  let format = formats.get(key);
  if (!format) {
    // sv-SE writes YYYY-MM-DD (and HH:mm after it)
    format = new Intl.DateTimeFormat('sv-SE', {
      timeZone,
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      ...(toMinute ? { hour: '2-digit', minute: '2-digit' } : {}),
    });
    formats.set(key, format);
  }
  return format;
}

/** Whether Intl knows the zone name (APP_TIME_ZONE is checked with it at boot). */
export function isTimeZone(name: string): boolean {
  try {
    formatIn(name, false);
    return true;
  } catch {
    return false;
  }
}

export function isoDateIn(timeZone: string, at: Date): string {
  return formatIn(timeZone, false).format(at);
}

/** An instant as a reader in the zone reads it, to the minute: 2026-12-02 09:15. */
export function isoMinuteIn(timeZone: string, at: Date): string {
  return formatIn(timeZone, true).format(at);
}

/** `now` is read on every call, so vitest's fake Date (or an injected source) moves the clock. */
export function zonedClock(timeZone: string = DEFAULT_TIME_ZONE, now: () => Date = () => new Date()): Clock {
  formatIn(timeZone, false);
  return {
    timeZone,
    now,
    dateOf: (at) => isoDateIn(timeZone, at),
    today: () => isoDateIn(timeZone, now()),
    year: () => Number(isoDateIn(timeZone, now()).slice(0, 4)),
  };
}

/**
 * The server's zone reaches the browser in the page itself (one source, read before anything
 * renders): a meta tag the server writes into index.html and client/lib/clock.ts reads.
 */
export const TIME_ZONE_META = 'app-time-zone';

/** index.html with the configured zone in its head. */
export function pageWithTimeZone(html: string, timeZone: string): string {
  // a zone name is letters, digits, '/', '_', '+' and '-' (isTimeZone checked it at boot): no escaping needed
  if (!/^[A-Za-z0-9/_+-]+$/.test(timeZone)) throw new Error(`not a zone name: ${timeZone}`);
  return html.replace('</head>', `<meta name="${TIME_ZONE_META}" content="${timeZone}" />\n</head>`);
}

/** The default clock: China Standard Time, the system's Date. */
export const chinaClock: Clock = zonedClock();
