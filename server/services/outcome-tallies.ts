/**
 * Keeps the outcome tallies current, without any read writing (ADR 0006). The write door
 * (services/write.ts) recomputes the agencies a write touched inside its own transaction
 * (bringAgenciesCurrent); a background step (server/main.ts) recomputes every agency computed on an
 * earlier day, since the running year's figures are as of today, and any marked stale by a writer
 * outside the door. Nothing is held in the process: several server processes on one PostgreSQL see
 * the same versions.
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
  bumpTallyVersions,
  listStaleAgencies,
  loadAgencyOutcomeData,
  replaceAgencyTallies,
  tallyVersions,
} from '../repositories/outcome-tallies';

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

type Computed = { agencyKey: number; version: number } & ReturnType<typeof tallyAgency>;

/** Tallies for one round of agencies at the versions given, read through `db` (a transaction sees its own writes). */
async function computeRound(
  db: Kysely<Database> | Transaction<Database>,
  round: readonly { agencyKey: number; version: number }[],
  today: string,
  productFirstYear: () => Promise<number | null>,
): Promise<Computed[]> {
  const thisYear = Number(today.slice(0, 4));
  const data = await loadAgencyOutcomeData(
    db,
    round.map((a) => a.agencyKey),
  );
  const computed: Computed[] = [];
  for (const { agencyKey, version } of round) {
    const agencyData = data.get(agencyKey);
    if (!agencyData) throw new Error(`no data loaded for agency ${agencyKey}`);
    const years = await yearsToTally(agencyData, thisYear, productFirstYear);
    computed.push({ agencyKey, version, ...tallyAgency(agencyData, years, today) });
  }
  return computed;
}

async function storeRound(trx: Transaction<Database>, computed: readonly Computed[], today: string) {
  for (const { agencyKey, version, sets, firstYear, lastYear } of computed)
    await replaceAgencyTallies(trx, agencyKey, { version, today, firstYear, lastYear }, sets);
}

function firstYearOnce(db: Kysely<Database> | Transaction<Database>) {
  let span: Promise<number | null> | undefined;
  return () => {
    span ??= metricYearSpan(db).then((s) => s?.first ?? null);
    return span;
  };
}

async function refresh(db: Kysely<Database>, today: string, withDayChange: boolean) {
  const stale = await listStaleAgencies(db, today, { withDayChange });
  if (stale.length === 0) return;
  const productFirstYear = firstYearOnce(db);
  for (let i = 0; i < stale.length; i += AGENCIES_PER_ROUND) {
    const computed = await computeRound(db, stale.slice(i, i + AGENCIES_PER_ROUND), today, productFirstYear);
    await db.transaction().execute((trx) => storeRound(trx, computed, today));
  }
  // After a large rebuild the planner's row counts for these tables are far off until refreshed.
  if (stale.length >= REANALYZE_AFTER) await analyzeTallies(db);
}

/**
 * The write path's half (server/services/write.ts): the agencies a write touched are marked and
 * recomputed inside its own transaction, so the figures read after it commits already count it and
 * no read has to write. The version bump takes the agencies' state rows first, in key order: two
 * writers on one agency queue there instead of computing over each other.
 */
export async function bringAgenciesCurrent(
  trx: Transaction<Database>,
  subject: { letterIds?: readonly number[]; commitmentIds?: readonly number[] },
  today: string,
) {
  const keys = await agencyKeysOf(trx, subject);
  if (keys.length === 0) return;
  await bumpTallyVersions(trx, keys);
  const round = await tallyVersions(trx, keys);
  await storeRound(trx, await computeRound(trx, round, today, firstYearOnce(trx)), today);
}

/**
 * Recomputes every agency computed on an earlier day (the running year's figures are as of
 * today). Run in the background at start and after midnight: a province's worth takes minutes,
 * and readers meanwhile see the running year as of the day before.
 */
export async function refreshOutcomeTalliesForToday(db: Kysely<Database>, today: string) {
  await refresh(db, today, true);
}
