/**
 * What every response and request passes through before the API: security headers with a content
 * security policy the built client satisfies, structured request logs, and a limit on sign-in attempts.
 * @see https://helmetjs.github.io/
 */
import type { RequestHandler } from 'express';
import { rateLimit } from 'express-rate-limit';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * The built client loads only its own scripts and styles; charts set inline styles through the DOM,
 * which style-src 'unsafe-inline' allows. In development Vite injects inline scripts, so the policy
 * applies only when the built client is served.
 */
export function securityHeaders(withContentSecurityPolicy: boolean): RequestHandler {
  return helmet({
    contentSecurityPolicy: withContentSecurityPolicy
      ? {
          directives: {
            defaultSrc: ["'self'"],
            scriptSrc: ["'self'"],
            styleSrc: ["'self'", "'unsafe-inline'"],
            imgSrc: ["'self'", 'data:'],
            connectSrc: ["'self'"],
            fontSrc: ["'self'", 'data:'],
            objectSrc: ["'none'"],
            frameAncestors: ["'none'"],
            formAction: ["'self'"],
            baseUri: ["'self'"],
          },
        }
      : false,
  });
}

/** Guessing passwords is slowed to `perMinute` sign-in attempts per address and minute. */
export function signInRateLimit(perMinute: number): RequestHandler {
  return rateLimit({
    windowMs: 60_000,
    limit: perMinute,
    standardHeaders: 'draft-8',
    legacyHeaders: false,
    skip: (req) => req.method !== 'POST' || !req.path.includes('auth.signIn'),
    handler: (_req, res) => {
      res.status(429).json({
        error: {
          message: '登录尝试过于频繁,请一分钟后再试。',
          code: -32029,
          data: { code: 'TOO_MANY_REQUESTS', httpStatus: 429 },
        },
      });
    },
  });
}

export function requestLogs(logger: Logger): RequestHandler {
  return pinoHttp({
    logger,
    // Cookies carry session tokens: never written to the logs.
    redact: ['req.headers.cookie', 'res.headers["set-cookie"]'],
    customLogLevel: (_req, res, error) =>
      error || res.statusCode >= 500 ? 'error' : res.statusCode >= 400 ? 'warn' : 'info',
  });
}
