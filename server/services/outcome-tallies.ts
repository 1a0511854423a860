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
  type AgencyTallies,
  agencyKeysOf,
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

/** Recomputes one agency's tallies from its commitments, as of `today`. */
export async function recomputeAgencyTallies(
  db: Kysely<Database>,
  agencyKey: number,
  version: number,
  today: string,
  spanStart: number,
) {
  const data = await loadAgencyOutcomeData(db, agencyKey);
  const thisYear = Number(today.slice(0, 4));
  const years: number[] = [];
  for (let y = spanStart; y <= thisYear; y++) years.push(y);
  const tally = (scope: TallyScope, progress: typeof data.progress): AgencyTallies => ({
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
  const named = data.commitments.flatMap((c) => [
    c.deadlineYear,
    c.letterDate ? Number(c.letterDate.slice(0, 4)) : null,
  ]);
  const lastYear = named.reduce<number | null>(
    (last, y) => (y === null || (last !== null && last >= y) ? last : y),
    null,
  );
  const tallied = sets.flatMap((set) => set.tallies.map((t) => t.year));
  const firstYear = tallied.length ? Math.min(...tallied) : null;
  await db
    .transaction()
    .execute((trx) => replaceAgencyTallies(trx, agencyKey, { version, today, firstYear, lastYear }, sets));
}

async function refresh(db: Kysely<Database>, today: string) {
  const stale = await listStaleAgencies(db, today);
  if (stale.length === 0) return;
  const span = await metricYearSpan(db);
  const spanStart = Math.min(span?.first ?? Number(today.slice(0, 4)), Number(today.slice(0, 4)));
  for (const { agencyKey, version } of stale)
    await recomputeAgencyTallies(db, agencyKey, version, today, spanStart);
}

const running = new WeakMap<Kysely<Database>, Promise<void>>();

/**
 * Brings the tallies up to date before figures are read. Callers arriving while a refresh runs
 * wait for it and then join (or start) one that began after they arrived, so a write they made
 * before asking is always counted.
 */
export async function ensureOutcomeTallies(db: Kysely<Database>, today: string) {
  const earlier = running.get(db);
  if (earlier) await earlier.catch(() => undefined);
  let current = running.get(db);
  if (!current) {
    current = refresh(db, today).finally(() => {
      if (running.get(db) === current) running.delete(db);
    });
    running.set(db, current);
  }
  await current;
}
