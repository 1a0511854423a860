/**
 * Per-request context. `createContextInner` needs no HTTP request, so router tests build it
 * directly over a test database and call procedures through `createCaller`; over HTTP,
 * `contextFactory` turns the session cookie into the signed-in user and refuses cross-site POSTs.
 */
import { TRPCError } from '@trpc/server';
import type { CreateExpressContextOptions } from '@trpc/server/adapters/express';
import type { Kysely } from 'kysely';
import type { Dialect } from '../db/connect';
import type { Database } from '../db/schema';
import { CSRF_HEADER, type SessionUser } from '../shared/auth';
import { type Clock, chinaClock } from '../shared/clock';
import { type PasswordAttemptLimit, unlimitedPasswordAttempts } from './auth/attempt-limits';
import { clearedSessionSetCookie, readSessionToken, sessionSetCookie } from './auth/cookies';
import { checkRequestOrigin } from './auth/csrf';
import { type IssuedSession, resolveSession } from './auth/sessions';
import { guardWrites } from './repositories/write-guard';

/** How procedures hand a session to the browser; a no-op outside HTTP (createCaller tests). */
export interface SessionCookies {
  set: (session: IssuedSession) => void;
  clear: () => void;
}

export interface ContextInner {
  db: Kysely<Database>;
  dialect: Dialect;
  /** whether demo progress (演示数据) is shown; DEMO_DATA=0 hides it without deleting anything */
  showDemo: boolean;
  /** the signed-in user, null for anonymous readers */
  user: SessionUser | null;
  /** whether anonymous readers may read (PUBLIC_READ, on by default: replies are published documents) */
  publicRead: boolean;
  /** the valid session token the request came with: sign-in replaces it, sign-out revokes it */
  sessionToken?: string | null;
  sessionCookies?: SessionCookies;
  /** how often passwords may be checked (sign-in, changePassword); unlimited outside HTTP */
  passwordAttempts?: PasswordAttemptLimit;
  /** the client's address after the trusted proxies (req.ip); null outside HTTP */
  clientAddress?: string | null;
  /** procedures in this HTTP request: more than one is a tRPC batch */
  callsInRequest?: number;
  /** "now" and "today" in the configured zone (APP_TIME_ZONE); China Standard Time when not given */
  clock?: Clock;
}

const noCookies: SessionCookies = { set: () => undefined, clear: () => undefined };

/** Procedures get the guarded handle: a write that does not go through the write door is refused. */
export function createContextInner(inner: ContextInner) {
  return {
    ...inner,
    db: guardWrites(inner.db),
    sessionToken: inner.sessionToken ?? null,
    sessionCookies: inner.sessionCookies ?? noCookies,
    passwordAttempts: inner.passwordAttempts ?? unlimitedPasswordAttempts,
    clientAddress: inner.clientAddress ?? null,
    callsInRequest: inner.callsInRequest ?? 1,
    clock: inner.clock ?? chinaClock,
  };
}

export type Context = ReturnType<typeof createContextInner>;

export type ServerContextOptions = Pick<ContextInner, 'db' | 'dialect' | 'showDemo' | 'publicRead' | 'clock'>;

export function contextFactory(options: ServerContextOptions & { passwordAttempts?: PasswordAttemptLimit }) {
  const { db, dialect, showDemo, publicRead, passwordAttempts, clock = chinaClock } = options;
  return async ({ req, res, info }: CreateExpressContextOptions): Promise<Context> => {
    const verdict = checkRequestOrigin({
      method: req.method,
      host: req.host,
      origin: req.get('origin'),
      referer: req.get('referer'),
      csrfHeader: req.get(CSRF_HEADER),
    });
    if (!verdict.ok) {
      throw new TRPCError({
        code: 'FORBIDDEN',
        message: '请求来源不可信:请直接在本平台页面中操作,不要通过其他网站提交。',
      });
    }
    const now = clock.now();
    const token = readSessionToken(req.get('cookie'));
    const user = token ? await resolveSession(db, token, now) : null;
    const sessionCookies: SessionCookies = {
      set: (session) => res.append('Set-Cookie', sessionSetCookie(session, req.secure, clock.now())),
      clear: () => res.append('Set-Cookie', clearedSessionSetCookie(req.secure)),
    };
    // An expired or revoked token is dropped from the browser instead of being sent forever.
    if (token && !user) sessionCookies.clear();
    return createContextInner({
      db,
      dialect,
      showDemo,
      publicRead,
      clock,
      user,
      sessionToken: user ? token : null,
      sessionCookies,
      ...(passwordAttempts ? { passwordAttempts } : {}),
      clientAddress: req.ip ?? null,
      // tRPC's own reading of the request, so every path form (auth%2EsignIn) and batch counts
      callsInRequest: info.calls.length,
    });
  };
}
