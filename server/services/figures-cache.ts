/**
 * Computed figures kept in the server process until the figures revision moves (any write that can
 * change a figure raises it in its own transaction, server/repositories/outcome-tallies.ts) or the
 * day changes. The revision is read from the database on every request, so several processes on one
 * PostgreSQL never serve figures older than the last write any of them saw committed. Concurrent
 * requests for the same figures share one computation.
 */
import type { Kysely } from 'kysely';
import { LRUCache } from 'lru-cache';
import type { Database } from '../../db/schema';
import type { Clock } from '../../shared/clock';
import { readFiguresRevision } from '../repositories/outcome-tallies';

/** Distinct filter combinations kept per database; the least recently read go first. */
const ENTRIES = 500;

const caches = new WeakMap<Kysely<Database>, LRUCache<string, Promise<unknown>>>();

function cacheOf(db: Kysely<Database>) {
  let cache = caches.get(db);
  if (!cache) {
    cache = new LRUCache<string, Promise<unknown>>({ max: ENTRIES });
    caches.set(db, cache);
  }
  return cache;
}

/**
 * The figures named by `key` (what and for which filter) as of `today`: from the cache when nothing
 * changed since they were computed, else computed now. A failed computation is not kept.
 */
export async function cachedFigures<T>(
  db: Kysely<Database>,
  key: string,
  today: string,
  compute: () => Promise<T>,
): Promise<T> {
  const cache = cacheOf(db);
  const entry = `${await readFiguresRevision(db)}|${today}|${key}`;
  const kept = cache.get(entry) as Promise<T> | undefined;
  if (kept) return kept;
  const pending = compute();
  cache.set(entry, pending);
  pending.catch(() => cache.delete(entry));
  return pending;
}

/**
 * cachedFigures for a tRPC query: the key is its path, whether demo data shows, and its input, so
 * no two procedures or inputs can share an entry.
 */
export function cachedProcedureFigures<T>(
  call: { ctx: { db: Kysely<Database>; showDemo: boolean; clock: Clock }; path: string; input: unknown },
  compute: (options: { includeDemo: boolean; today: string }) => Promise<T>,
): Promise<T> {
  const { db, showDemo: includeDemo } = call.ctx;
  const today = call.ctx.clock.today();
  const key = `${call.path}:${includeDemo ? 'demo' : 'real'}:${JSON.stringify(call.input ?? null)}`;
  return cachedFigures(db, key, today, () => compute({ includeDemo, today }));
}
