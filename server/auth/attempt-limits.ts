/**
 * How often a password may be checked: per account and per client address, counted where the check
 * happens (sign-in, and the current password of changePassword), not by URL. A URL rule missed
 * `/trpc/auth%2EsignIn` (tRPC decodes the path) and counted a batch of 100 sign-ins once; here every
 * call reaches the same counter, whatever its path form or batch.
 *
 * Counts live in this process (an LRU, so a flood of made-up usernames cannot grow it without
 * bound); several servers behind a load balancer each keep their own.
 */

import { LRUCache } from 'lru-cache';
import { Invalid, TooManyAttempts } from '../domain/errors';

export interface PasswordAttempt {
  /** the username (sign-in) or user id (changePassword) whose password is checked */
  account: string;
  /** the client's address as express sees it (req.ip, after the trusted proxies) */
  address: string | null;
}

export interface PasswordAttemptLimit {
  /** Counts one check against the account and the address; throws TOO_MANY_REQUESTS past the limit. */
  take(attempt: PasswordAttempt): void;
}

const WINDOW_MS = 60_000;
/** Distinct accounts and addresses remembered; the oldest are forgotten first. */
const MAX_KEYS = 50_000;

export const TOO_MANY_ATTEMPTS = '登录尝试过于频繁,请一分钟后再试。';

interface Window {
  startedAt: number;
  count: number;
}

/** `perMinute` checks per account and per address in any one-minute window. */
export function passwordAttemptLimit(perMinute: number, now: () => number = Date.now): PasswordAttemptLimit {
  const windows = new LRUCache<string, Window>({ max: MAX_KEYS });
  const over = (key: string, at: number): boolean => {
    const current = windows.get(key);
    if (!current || at - current.startedAt >= WINDOW_MS) {
      windows.set(key, { startedAt: at, count: 1 });
      return false;
    }
    current.count++;
    return current.count > perMinute;
  };
  return {
    take({ account, address }) {
      const at = now();
      // both are counted even when one is already over, so a blocked address keeps its window full
      const accountOver = over(`account:${account.normalize('NFKC').toLowerCase()}`, at);
      const addressOver = address !== null && over(`address:${address}`, at);
      if (accountOver || addressOver) throw new TooManyAttempts('auth.tooManyAttempts', TOO_MANY_ATTEMPTS);
    },
  };
}

/** Outside HTTP (createCaller tests, CLI) nobody is guessing. */
export const unlimitedPasswordAttempts: PasswordAttemptLimit = { take: () => undefined };

/** A batch can carry any number of sign-ins in one request: they must come one at a time. */
export function refuseBatchedPasswordCheck(callsInRequest: number): void {
  if (callsInRequest > 1)
    throw new Invalid('auth.batchedPasswordCheck', '登录和修改密码请求不能与其他请求合并发送。');
}
