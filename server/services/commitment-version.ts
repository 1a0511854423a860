/**
 * Optimistic concurrency for editable commitments (issue 12, item 4): an edit made from a page
 * names the version it saw; when someone changed the commitment since, the edit is refused with
 * who did it and when, so the second reviewer reloads instead of silently overwriting the first.
 */
import type { Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { type Clock, isoMinuteIn } from '../../shared/clock';
import { Conflict } from '../domain/errors';
import { lastChangeOf } from '../repositories/audit';
import { claimCommitmentVersion } from '../repositories/commitment-rows';

/**
 * Raises the commitment's version inside the write's transaction, first of all its writes, so the
 * row is held until commit; refuses with CONFLICT when `expected` is no longer the stored version.
 */
/** `clock`: the stale-edit message gives the time as a reader in the configured zone reads it. */
export async function claimVersion(trx: Transaction<Database>, id: number, expected: number, clock: Clock) {
  if (await claimCommitmentVersion(trx, id, expected)) return;
  const last = await lastChangeOf(trx, 'commitment', id);
  const who = last
    ? `已被${last.actor}于 ${isoMinuteIn(clock.timeZone, new Date(last.at))} 修改`
    : '已被他人修改';
  throw new Conflict('commitment.stale', `该承诺事项${who},您看到的是旧版本。请重新加载后再操作。`);
}
