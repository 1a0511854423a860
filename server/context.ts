/**
 * Per-request context. `createContextInner` needs no HTTP request, so router tests build it
 * directly over a test database and call procedures through `createCaller`.
 */
import type { CreateExpressContextOptions } from '@trpc/server/adapters/express';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect';
import type { Database } from '../db/schema';
import type { SessionUser } from '../shared/auth';

export interface ContextInner {
  db: Kysely<Database>;
  dialect: Dialect;
  /** whether demo progress (演示数据) is shown; DEMO_DATA=0 hides it without deleting anything */
  showDemo: boolean;
  /** the signed-in user, null for anonymous readers */
  user: SessionUser | null;
  /** whether anonymous readers may read (PUBLIC_READ, on by default: replies are published documents) */
  publicRead: boolean;
}

export function createContextInner(inner: ContextInner) {
  return { ...inner };
}

export type Context = ReturnType<typeof createContextInner>;

export type ServerContextOptions = Omit<ContextInner, 'user'>;

export function contextFactory(options: ServerContextOptions) {
  return (_opts: CreateExpressContextOptions): Context => createContextInner({ ...options, user: null });
}
