/**
 * The background step of ADR 0006 (reads never write): the running year's figures are as of
 * today, so every agency computed on an earlier day is recomputed at start and within ten minutes
 * of each day change, with any agency a writer outside the door (bench, restore) left stale; and
 * expired sessions are purged on the same beat instead of only at start. "Today" is the clock's
 * (China Standard Time by default): in UTC the day would change at 08:00 in Beijing.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Clock } from '../shared/clock';
import { purgeExpiredSessions } from './auth/sessions';
import { refreshOutcomeTalliesForToday } from './services/outcome-tallies';

export const UPKEEP_INTERVAL_MS = 10 * 60_000;

/** One beat; failures are logged, never thrown, so the next beat still runs. */
export async function upkeepOnce(
  db: Kysely<Database>,
  clock: Clock,
  logError: (error: unknown, what: string) => void,
): Promise<void> {
  await refreshOutcomeTalliesForToday(db, clock.today()).catch((error: unknown) =>
    logError(error, 'outcome tallies could not be refreshed'),
  );
  await purgeExpiredSessions(db, clock.now()).catch((error: unknown) =>
    logError(error, 'expired sessions could not be purged'),
  );
}

/** Runs a beat now and every ten minutes; the timer does not keep the process alive. */
export function startUpkeep(
  db: Kysely<Database>,
  clock: Clock,
  logError: (error: unknown, what: string) => void,
): NodeJS.Timeout {
  void upkeepOnce(db, clock, logError);
  const timer = setInterval(() => void upkeepOnce(db, clock, logError), UPKEEP_INTERVAL_MS);
  timer.unref();
  return timer;
}
