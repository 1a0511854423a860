/**
 * The read rule of the plain-HTTP downloads, the same as the API's readProcedure: anyone while
 * PUBLIC_READ is on, otherwise a signed-in user (resolved from the session cookie).
 */
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import { readSessionToken } from './cookies';
import { resolveSession } from './sessions';

/** The user a request's session cookie belongs to, or null. */
export async function sessionUserOf(db: Kysely<Database>, req: Request): Promise<SessionUser | null> {
  const token = readSessionToken(req.get('cookie'));
  return token ? resolveSession(db, token, new Date()) : null;
}

export async function mayRead(
  options: { db: Kysely<Database>; publicRead: boolean },
  req: Request,
): Promise<boolean> {
  return options.publicRead || (await sessionUserOf(options.db, req)) !== null;
}
