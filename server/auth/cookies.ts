/**
 * The session cookie: httpOnly so page scripts never see the token, SameSite=Lax so other sites'
 * forms and scripts do not carry it, Secure whenever the request arrived over https.
 */
import { parse, serialize } from 'cookie';
import type { IssuedSession } from './sessions';

export const SESSION_COOKIE = 'pt_session';

/** 32 random bytes in base64url; anything else is not ours and is not worth a database lookup. */
const TOKEN_SHAPE = /^[A-Za-z0-9_-]{43}$/;

export function readSessionToken(cookieHeader: string | undefined): string | null {
  if (!cookieHeader) return null;
  const token = parse(cookieHeader)[SESSION_COOKIE];
  return token && TOKEN_SHAPE.test(token) ? token : null;
}

export function sessionSetCookie(session: IssuedSession, secure: boolean, now: Date): string {
  return serialize(SESSION_COOKIE, session.token, {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: session.expiresAt,
    maxAge: Math.max(0, Math.round((session.expiresAt.getTime() - now.getTime()) / 1000)),
  });
}

export function clearedSessionSetCookie(secure: boolean): string {
  return serialize(SESSION_COOKIE, '', {
    httpOnly: true,
    sameSite: 'lax',
    secure,
    path: '/',
    expires: new Date(0),
    maxAge: 0,
  });
}
