/**
 * The HTTP surface: tRPC at /trpc, /healthz, and in production the built client with a fallback
 * to index.html so every client route can be bookmarked.
 * @see https://trpc.io/docs/server/adapters/express
 */
import { existsSync, readFileSync } from 'node:fs';
import path from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { chinaClock, pageWithTimeZone } from '../shared/clock';
import { attachmentHandler } from './attachments';
import { passwordAttemptLimit } from './auth/attempt-limits';
import { contextFactory, type ServerContextOptions } from './context';
import { requestLogs, securityHeaders } from './http-hardening';
import { progressSheetHandler } from './progress-sheet-download';
import { reportDownloadHandler } from './report-downloads';
import { appRouter } from './routers/_app';

export interface AppOptions extends ServerContextOptions {
  /** folder of the built client (vite build); not served when absent */
  clientDir?: string | undefined;
  log?: (message: string) => void;
  /**
   * reverse proxies in front (TRUST_PROXY): req.ip, req.secure and req.host follow the
   * X-Forwarded-* headers those hops add. A count, never `true`: trusting every hop would let any
   * client pick its address, and with it a fresh sign-in budget, by sending X-Forwarded-For.
   */
  trustProxy?: number;
  /** structured request logs; none when absent (tests) */
  logger?: Logger;
  /** password checks (sign-in, changePassword) per account and per address and minute */
  signInsPerMinute?: number;
}

export function createApp(appOptions: AppOptions): express.Express {
  // one clock for the API, the downloads and the page: APP_TIME_ZONE's (main.ts), else China's
  const options = { ...appOptions, clock: appOptions.clock ?? chinaClock };
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', options.trustProxy);
  app.use(securityHeaders(Boolean(options.clientDir)));
  if (options.logger) app.use(requestLogs(options.logger));

  app.get('/healthz', async (_req, res) => {
    try {
      await sql`select 1`.execute(options.db);
      res.json({ status: 'ok', database: options.dialect });
    } catch {
      res.status(503).json({ status: 'unavailable', database: options.dialect });
    }
  });

  app.get('/files/attachments/:id', attachmentHandler(options));
  app.get('/files/progress-sheet.:format', progressSheetHandler(options));
  // Before the client fallback: /reports/2015 is the page, /reports/2015.xlsx the file.
  app.get('/reports/:year.xlsx', reportDownloadHandler(options, 'xlsx'));
  app.get('/reports/:year.csv', reportDownloadHandler(options, 'csv'));

  app.use(
    '/trpc',
    createExpressMiddleware({
      router: appRouter,
      createContext: contextFactory({
        ...options,
        passwordAttempts: passwordAttemptLimit(options.signInsPerMinute ?? 10),
      }),
      // a 10 MB progress spreadsheet, base64-encoded, is the largest input
      maxBodySize: 15 * 1024 * 1024,
      onError({ error, path: procedure }) {
        if (error.code === 'INTERNAL_SERVER_ERROR')
          options.log?.(`tRPC ${procedure ?? '?'} failed: ${error.stack ?? error.message}`);
      },
    }),
  );

  const clientDir = options.clientDir;
  if (clientDir && existsSync(path.join(clientDir, 'index.html'))) {
    // the page carries the zone, so the browser's "today" is the server's (shared/clock.ts)
    const page = pageWithTimeZone(
      readFileSync(path.join(clientDir, 'index.html'), 'utf8'),
      options.clock.timeZone,
    );
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!trpc\/|healthz|files\/).*/, (_req, res) => {
      res.type('html').set('Cache-Control', 'no-cache').send(page);
    });
  }
  return app;
}
