/**
 * Per-request context. `createContextInner` needs no HTTP request, so router tests build it
 * directly over a test database and call procedures through `createCaller`.
 */
import type { CreateExpressContextOptions } from '@trpc/server/adapters/express';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect';
import type { Database } from '../db/schema';

export interface ContextInner {
  db: Kysely<Database>;
  dialect: Dialect;
  /** whether demo progress (演示数据) is shown; DEMO_DATA=0 hides it without deleting anything */
  showDemo: boolean;
}

export function createContextInner(inner: ContextInner) {
  return { ...inner };
}

export type Context = ReturnType<typeof createContextInner>;

export function contextFactory(inner: ContextInner) {
  return (_opts: CreateExpressContextOptions): Context => createContextInner(inner);
}
