/**
 * The gazetteer as versions: each version is the day a set of streets and towns took effect (or
 * ended) and the source that says so. Stored rows carry their own first and last day; a version
 * file (db/seed/gazetteer-*.json) lists changes, and expandVersions turns it into those rows.
 * versionsOf reads the rows back into versions for the gazetteer page.
 */

export type UnitKind = 'street' | 'town';

/** One street or town over the days it was valid. */
export interface UnitSpan {
  district: string;
  name: string;
  kind: UnitKind;
  /** ISO date, first day valid */
  fromDate: string;
  /** ISO date, last day valid; null while still valid */
  toDate: string | null;
  source: string | null;
}

/** A change set in a version file: what took effect on `from`, and on whose authority. */
export interface VersionChange {
  from: string;
  /** 'code-list': only the statistics code list's date is known, the change may be older. */
  dated: 'document' | 'code-list';
  source: string;
  add?: Record<string, { streets?: string[]; towns?: string[] }>;
  remove?: Record<string, string[]>;
}

export interface GazetteerVersion {
  date: string;
  /** the sources of the rows that start that day; empty when rows only end (no source recorded) */
  sources: string[];
  added: { district: string; name: string; kind: UnitKind }[];
  removed: { district: string; name: string; kind: UnitKind }[];
  /** per district in force from that day on, in the order the districts were given */
  counts: { district: string; streets: number; towns: number }[];
}

const ISO_DATE = /^\d{4}-\d{2}-\d{2}$/;

export function isIsoDate(value: string): boolean {
  if (!ISO_DATE.test(value)) return false;
  const date = new Date(`${value}T00:00:00Z`);
  return !Number.isNaN(date.getTime()) && date.toISOString().slice(0, 10) === value;
}

function shiftDays(iso: string, days: number): string {
  const date = new Date(`${iso}T00:00:00Z`);
  date.setUTCDate(date.getUTCDate() + days);
  return date.toISOString().slice(0, 10);
}

/** The day before: a unit removed on a version's date was last valid the day before. */
export const dayBefore = (iso: string) => shiftDays(iso, -1);
export const dayAfter = (iso: string) => shiftDays(iso, 1);

/** True when the span covers the day. */
export const validOn = (span: { fromDate: string; toDate: string | null }, day: string) =>
  span.fromDate <= day && (span.toDate === null || span.toDate >= day);

/**
 * Replays the changes in date order. Refuses a file that adds a unit already in force, removes
 * one that is not, or is out of order: a wrong gazetteer silently changes every per-street target.
 */
export function expandVersions(changes: readonly VersionChange[]): UnitSpan[] {
  const spans: UnitSpan[] = [];
  const open = new Map<string, UnitSpan>();
  const keyOf = (district: string, name: string) => `${district}|${name}`;
  let previous = '';
  for (const change of changes) {
    if (!isIsoDate(change.from)) throw new Error(`区划版本日期无效:${change.from}`);
    if (change.from <= previous) throw new Error(`区划版本须按日期先后排列:${change.from}`);
    previous = change.from;
    // A source must say how the date is known: the file's readers and the page show it as is.
    if (change.dated !== 'document' && change.dated !== 'code-list') {
      throw new Error(`${change.from}:dated 应为 document 或 code-list`);
    }
    if (!change.source.trim()) throw new Error(`${change.from}:缺少来源`);
    const source = change.source;
    for (const [district, names] of Object.entries(change.remove ?? {})) {
      for (const name of names) {
        const span = open.get(keyOf(district, name));
        if (!span) throw new Error(`${change.from}:${district}${name}此前不存在,无法撤销`);
        span.toDate = dayBefore(change.from);
        open.delete(keyOf(district, name));
      }
    }
    for (const [district, units] of Object.entries(change.add ?? {})) {
      const added = [
        ...(units.streets ?? []).map((name) => ({ name, kind: 'street' as const })),
        ...(units.towns ?? []).map((name) => ({ name, kind: 'town' as const })),
      ];
      for (const { name, kind } of added) {
        if (open.has(keyOf(district, name))) throw new Error(`${change.from}:${district}${name}已存在`);
        const span: UnitSpan = { district, name, kind, fromDate: change.from, toDate: null, source };
        spans.push(span);
        open.set(keyOf(district, name), span);
      }
    }
  }
  return spans;
}

/**
 * The versions the rows describe: every day a row starts or the day after one ends, with what
 * changed and the counts in force from then on. `districts` fixes the order of the counts.
 */
export function versionsOf(districts: readonly string[], spans: readonly UnitSpan[]): GazetteerVersion[] {
  const days = new Set<string>();
  for (const s of spans) {
    days.add(s.fromDate);
    if (s.toDate !== null) days.add(dayAfter(s.toDate));
  }
  return [...days].sort().map((date) => {
    const starting = spans.filter((s) => s.fromDate === date);
    const ending = spans.filter((s) => s.toDate !== null && dayAfter(s.toDate) === date);
    const inForce = spans.filter((s) => validOn(s, date));
    const unit = (s: UnitSpan) => ({ district: s.district, name: s.name, kind: s.kind });
    return {
      date,
      sources: [...new Set(starting.map((s) => s.source).filter((s): s is string => Boolean(s)))],
      added: starting.map(unit),
      removed: ending.map(unit),
      counts: districts.map((district) => ({
        district,
        streets: inForce.filter((s) => s.district === district && s.kind === 'street').length,
        towns: inForce.filter((s) => s.district === district && s.kind === 'town').length,
      })),
    };
  });
}
