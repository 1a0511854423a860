/**
 * Cross-site request forgery guard for tRPC mutations (every POST to /trpc), two checks:
 *
 * 1. The request must carry the `x-requested-by` header that our tRPC client always sends. An
 *    HTML form cannot set headers, and a cross-origin script that sets one triggers a CORS
 *    preflight this server never answers, so another site cannot produce it.
 * 2. When the browser names where the request came from (Origin, or Referer when Origin is
 *    absent), that origin's host must be this server's host. This backs up (1) should a proxy or
 *    browser quirk ever let a custom header through.
 *
 * Requests naming no origin at all are allowed (with the header): they come from scripts and
 * command-line tools, which hold no victim's cookie. The session cookie's SameSite=Lax is a third
 * layer. Reads (GET) change nothing and are not checked.
 */
import { CSRF_HEADER_VALUE } from '../../shared/auth';

export interface RequestFacts {
  method: string;
  /** the Host the client addressed (express `req.host`: X-Forwarded-Host when the proxy is trusted) */
  host: string | undefined;
  origin: string | undefined;
  referer: string | undefined;
  csrfHeader: string | undefined;
}

export type OriginVerdict = { ok: true } | { ok: false; reason: 'missing-header' | 'foreign-origin' };

function hostOf(url: string): string | null {
  try {
    return new URL(url).host;
  } catch {
    return null;
  }
}

export function checkRequestOrigin(request: RequestFacts): OriginVerdict {
  if (request.method.toUpperCase() !== 'POST') return { ok: true };
  if (request.csrfHeader !== CSRF_HEADER_VALUE) return { ok: false, reason: 'missing-header' };
  const claimed = request.origin ?? request.referer;
  // Browsers send "Origin: null" from sandboxed frames and some redirects: never same-origin.
  if (claimed === undefined) return { ok: true };
  const claimedHost = hostOf(claimed);
  if (!claimedHost || !request.host || claimedHost.toLowerCase() !== request.host.toLowerCase()) {
    return { ok: false, reason: 'foreign-origin' };
  }
  return { ok: true };
}
