/**
 * What every response and request passes through before the API: security headers with a content
 * security policy the built client satisfies, and structured request logs. (Sign-in attempts are
 * limited where the password is checked: auth/attempt-limits.ts.)
 * @see https://helmetjs.github.io/
 */
import type { RequestHandler } from 'express';
import helmet from 'helmet';
import type { Logger } from 'pino';
import { pinoHttp } from 'pino-http';

/**
 * The built client loads only its own scripts and styles; charts set inline styles through the DOM,
 * which style-src 'unsafe-inline' allows. In development Vite injects inline scripts, so the policy
 * applies only when the built client is served.
 *
 * `upgrade-insecure-requests` and HSTS are sent only when the request came over https (req.secure,
 * which follows X-Forwarded-Proto only behind the configured proxies): on a LAN address over plain
 * http they made the browser fetch every asset as https:// and the page stayed blank.
 */
export function securityHeaders(withContentSecurityPolicy: boolean): RequestHandler {
  const policy = (https: boolean) =>
    withContentSecurityPolicy
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
            // helmet adds it by default; null leaves it out
            upgradeInsecureRequests: https ? [] : null,
          },
        }
      : false;
  const overHttps = helmet({ contentSecurityPolicy: policy(true) });
  const overHttp = helmet({ contentSecurityPolicy: policy(false), strictTransportSecurity: false });
  return (req, res, next) => (req.secure ? overHttps : overHttp)(req, res, next);
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
