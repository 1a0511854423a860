/**
 * What the caller may do on one letter's rows, asked before a page offers it: the same ownership
 * checks the writes run (services/access.ts), so a clerk sees 填报进度 only on commitments of
 * letters its agency answers for, and a deputy the rating form only on replies to their own
 * suggestions. The role table (permissions.ts) already decides who may try at all.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import { assertMayRate, assertMayReportFor } from './access';

async function passes(check: Promise<void>): Promise<boolean> {
  try {
    await check;
    return true;
  } catch {
    // a refusal is the answer here, not an error: the page simply does not offer the action
    return false;
  }
}

export async function letterActions(db: Kysely<Database>, user: SessionUser | null, letterId: number) {
  if (!user) return { mayReport: false, mayRate: false };
  const [mayReport, mayRate] = await Promise.all([
    user.role === 'deputy' ? false : passes(assertMayReportFor(db, user, letterId)),
    user.role === 'agency' ? false : passes(assertMayRate(db, user, letterId)),
  ]);
  return { mayReport, mayRate };
}
