/**
 * The HTTP surface: tRPC at /trpc, /healthz, and in production the built client with a fallback
 * to index.html so every client route can be bookmarked.
 * @see https://trpc.io/docs/server/adapters/express
 */
import { existsSync } from 'node:fs';
import path from 'node:path';
import { createExpressMiddleware } from '@trpc/server/adapters/express';
import express from 'express';
import { sql } from 'kysely';
import type { Logger } from 'pino';
import { attachmentHandler } from './attachments';
import { contextFactory, type ServerContextOptions } from './context';
import { requestLogs, securityHeaders, signInRateLimit } from './http-hardening';
import { progressSheetHandler } from './progress-sheet-download';
import { reportDownloadHandler } from './report-downloads';
import { appRouter } from './routers/_app';

export interface AppOptions extends ServerContextOptions {
  /** folder of the built client (vite build); not served when absent */
  clientDir?: string | undefined;
  log?: (message: string) => void;
  /** behind a reverse proxy: req.secure and req.host follow X-Forwarded-Proto/Host */
  trustProxy?: boolean;
  /** structured request logs; none when absent (tests) */
  logger?: Logger;
  /** sign-in attempts per address and minute */
  signInsPerMinute?: number;
}

export function createApp(options: AppOptions): express.Express {
  const app = express();
  app.disable('x-powered-by');
  if (options.trustProxy) app.set('trust proxy', true);
  app.use(securityHeaders(Boolean(options.clientDir)));
  if (options.logger) app.use(requestLogs(options.logger));
  app.use('/trpc', signInRateLimit(options.signInsPerMinute ?? 10));

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
      createContext: contextFactory(options),
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
    app.use(express.static(clientDir, { index: false, maxAge: '1h' }));
    app.get(/^\/(?!trpc\/|healthz|files\/).*/, (_req, res) =>
      res.sendFile(path.join(clientDir, 'index.html')),
    );
  }
  return app;
}
