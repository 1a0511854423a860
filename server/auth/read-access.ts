/**
 * The read rule of the plain-HTTP downloads, the same as the API's readProcedure: anyone while
 * PUBLIC_READ is on, otherwise a signed-in user (resolved from the session cookie).
 */
import type { Request } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import { readSessionToken } from './cookies';
import { resolveSession } from './sessions';

export async function mayRead(
  options: { db: Kysely<Database>; publicRead: boolean },
  req: Request,
): Promise<boolean> {
  if (options.publicRead) return true;
  const token = readSessionToken(req.get('cookie'));
  return token ? (await resolveSession(options.db, token, new Date())) !== null : false;
}
