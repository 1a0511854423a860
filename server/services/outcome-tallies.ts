/**
 * Keeps the outcome tallies current. Every write that can change a figure calls
 * markOutcomesStale in its own transaction; every read of the figures first calls
 * ensureOutcomeTallies, which recomputes the agencies marked since (and, once a day, every agency,
 * since the running year's figures are as of today). Nothing is held in the process: several server
 * processes on one PostgreSQL see the same versions.
 */
import type { Kysely, Transaction } from 'kysely';
import type { Database, TallyScope } from '../../db/schema';
import { tallyOutcomes } from '../domain/outcome-tallies';
import { metricYearSpan } from '../repositories/metrics';
import {
  type AgencyOutcomeData,
  type AgencyTallies,
  agencyKeysOf,
  analyzeTallies,
  bumpFiguresRevision,
  bumpTallyVersions,
  listStaleAgencies,
  loadAgencyOutcomeData,
  replaceAgencyTallies,
} from '../repositories/outcome-tallies';

/** Marks the figures of the letters' (or commitments') agencies for recomputation. */
export async function markOutcomesStale(
  db: Kysely<Database> | Transaction<Database>,
  subject: { letterIds?: readonly number[]; commitmentIds?: readonly number[] },
) {
  await bumpTallyVersions(db, await agencyKeysOf(db, subject));
}

/** For writes that change reply figures only (ratings, handlers, deputies): computed figures are out of date. */
export async function markFiguresChanged(db: Kysely<Database> | Transaction<Database>) {
  await bumpFiguresRevision(db);
}

/** The tally scopes a reader sees: demo progress shown or left out. */
export const tallyScopes = (includeDemo: boolean): TallyScope[] => ['all', includeDemo ? 'demo' : 'real'];

/** One agency's tallies from its counted commitments, as of `today`. */
function tallyAgency(data: AgencyOutcomeData, years: readonly number[], today: string) {
  const tally = (scope: TallyScope, progress: AgencyOutcomeData['progress']): AgencyTallies => ({
    scope,
    ...tallyOutcomes({ commitments: data.commitments, targets: data.targets, progress, years, today }),
  });
  // Most agencies have no demo entries; their figures are the same shown or not, so one set serves both.
  const sets = data.progress.some((p) => p.isDemo)
    ? [
        tally(
          'real',
          data.progress.filter((p) => !p.isDemo),
        ),
        tally('demo', data.progress),
      ]
    : [tally('all', data.progress)];
  let lastYear: number | null = null;
  for (const c of data.commitments)
    for (const y of [c.deadlineYear, c.letterDate ? Number(c.letterDate.slice(0, 4)) : null])
      if (y !== null && (lastYear === null || y > lastYear)) lastYear = y;
  let firstYear: number | null = null;
  for (const set of sets)
    for (const t of set.tallies) if (firstYear === null || t.year < firstYear) firstYear = t.year;
  return { sets, firstYear, lastYear };
}

/** Agencies recomputed per round: a few queries load them all, one transaction stores them. */
const AGENCIES_PER_ROUND = 50;
/** Agencies recomputed at once after which the tally tables' planner statistics are refreshed. */
const REANALYZE_AFTER = 200;

/**
 * The years to tally an agency for: from its first letter's year to this year (earlier years count
 * nothing of it). An undated letter counts in every year the product shows, so then from the first
 * year anything was promised — read only when needed: it scans every commitment.
 */
async function yearsToTally(
  data: AgencyOutcomeData,
  thisYear: number,
  productFirstYear: () => Promise<number | null>,
): Promise<number[]> {
  let first = thisYear;
  for (const c of data.commitments) {
    const year =
      c.letterDate === null ? ((await productFirstYear()) ?? thisYear) : Number(c.letterDate.slice(0, 4));
    if (year < first) first = year;
  }
  const years: number[] = [];
  for (let y = first; y <= thisYear; y++) years.push(y);
  return years;
}

async function refresh(db: Kysely<Database>, today: string, withDayChange: boolean) {
  const stale = await listStaleAgencies(db, today, { withDayChange });
  if (stale.length === 0) return;
  const thisYear = Number(today.slice(0, 4));
  let span: Promise<number | null> | undefined;
  const productFirstYear = () => {
    span ??= metricYearSpan(db).then((s) => s?.first ?? null);
    return span;
  };
  for (let i = 0; i < stale.length; i += AGENCIES_PER_ROUND) {
    const round = stale.slice(i, i + AGENCIES_PER_ROUND);
    const data = await loadAgencyOutcomeData(
      db,
      round.map((a) => a.agencyKey),
    );
    const computed: ({ agencyKey: number; version: number } & ReturnType<typeof tallyAgency>)[] = [];
    for (const { agencyKey, version } of round) {
      const agencyData = data.get(agencyKey);
      if (!agencyData) throw new Error(`no data loaded for agency ${agencyKey}`);
      const years = await yearsToTally(agencyData, thisYear, productFirstYear);
      computed.push({ agencyKey, version, ...tallyAgency(agencyData, years, today) });
    }
    await db.transaction().execute(async (trx) => {
      for (const { agencyKey, version, sets, firstYear, lastYear } of computed)
        await replaceAgencyTallies(trx, agencyKey, { version, today, firstYear, lastYear }, sets);
    });
  }
  // After a large rebuild the planner's row counts for these tables are far off until refreshed.
  if (stale.length >= REANALYZE_AFTER) await analyzeTallies(db);
}

const running = new WeakMap<Kysely<Database>, Promise<void>>();

/**
 * Recomputes every agency computed on an earlier day (the running year's figures are as of
 * today). Run in the background at start and after midnight: a province's worth takes minutes,
 * and readers meanwhile see the running year as of the day before.
 */
export async function refreshOutcomeTalliesForToday(db: Kysely<Database>, today: string) {
  await refresh(db, today, true);
}

/**
 * Brings the tallies up to date with every write before figures are read. Callers arriving while a refresh runs
 * wait for it and then join (or start) one that began after they arrived, so a write they made
 * before asking is always counted.
 */
export async function ensureOutcomeTallies(db: Kysely<Database>, today: string) {
  const earlier = running.get(db);
  if (earlier) await earlier.catch(() => undefined);
  let current = running.get(db);
  if (!current) {
    current = refresh(db, today, false).finally(() => {
      if (running.get(db) === current) running.delete(db);
    });
    running.set(db, current);
  }
  await current;
}
