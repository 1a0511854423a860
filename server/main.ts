/**
 * Starts the product: opens the database (SQLite in DATA_DIR, or PostgreSQL at DATABASE_URL),
 * migrates it, seeds an empty one, and serves the API and the built client.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { pino } from 'pino';
import { openDatabase } from '../db/connect';
import { migrateToLatest } from '../db/migrate';
import { pageWithTimeZone, zonedClock } from '../shared/clock';
import { createApp } from './app';
import { bundled, clientDir } from './app-paths';
import { purgeExpiredSessions } from './auth/sessions';
import { readEnv } from './env';
import { ensureFirstOfficeAccount, FIRST_OFFICE_HINT } from './services/first-office';
import { seedOnFirstStart } from './services/seed';
import { startUpkeep } from './upkeep';

/** the repository, when run from source (the only way development mode runs) */
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

async function main() {
  const env = readEnv();
  const logger = pino({ level: env.LOG_LEVEL });
  const clock = zonedClock(env.APP_TIME_ZONE);
  const { db, dialect } = openDatabase({
    databaseUrl: env.DATABASE_URL,
    dataDir: path.resolve(env.DATA_DIR),
  });
  const applied = await migrateToLatest(db);
  if (applied.length) console.log(`数据库迁移完成 (migrations applied): ${applied.join(', ')}`);
  const seeded = await seedOnFirstStart(db, { letter: env.SEED, demo: env.DEMO_DATA, clock });
  if (seeded.letterId !== null) {
    console.log(
      `已载入种子答复函 (seed letter loaded) #${seeded.letterId}, 演示进度 (demo progress) ${seeded.demoEntries} 条`,
    );
  }

  await purgeExpiredSessions(db, clock.now());
  const office = await ensureFirstOfficeAccount(
    db,
    { username: env.OFFICE_USERNAME, password: env.OFFICE_PASSWORD },
    clock.now(),
  );
  if (office.kind === 'created') console.log(`已创建督查室账号 (office account created): ${office.username}`);
  if (office.kind === 'needs-credentials') console.log(FIRST_OFFICE_HINT);
  if (office.kind === 'invalid') throw new Error(`OFFICE_USERNAME / OFFICE_PASSWORD 无效: ${office.problem}`);

  const app = createApp({
    db,
    dialect,
    showDemo: env.DEMO_DATA,
    publicRead: env.PUBLIC_READ,
    clock,
    trustProxy: env.TRUST_PROXY,
    clientDir: env.NODE_ENV === 'production' ? clientDir : undefined,
    log: (m) => logger.error(m),
    logger,
  });
  if (env.NODE_ENV === 'development') {
    // One process in development: Vite serves the client with hot reload beside the API. Vite is a
    // dev dependency, absent from a production install: the bundle defaults to production.
    if (bundled) throw new Error('NODE_ENV=development 需要从源码运行 (npm run dev)。');
    const { createServer } = await import('vite');
    const vite = await createServer({
      configFile: path.join(root, 'vite.config.ts'),
      server: { middlewareMode: true },
      // the page is served here, not by Vite, so it carries the zone as in production
      appType: 'custom',
    });
    app.use(vite.middlewares);
    app.get(/^\/(?!trpc\/|healthz|files\/).*/, async (req, res, next) => {
      try {
        const html = await readFile(path.join(root, 'client/index.html'), 'utf8');
        res
          .type('html')
          .send(pageWithTimeZone(await vite.transformIndexHtml(req.originalUrl, html), clock.timeZone));
      } catch (error) {
        next(error);
      }
    });
  }
  // the running year's figures roll over at midnight in the clock's zone (server/upkeep.ts)
  const talliesTimer = startUpkeep(db, clock, (error, what) => logger.error({ err: error }, what));

  const server = app.listen(env.PORT, env.HOST, () => {
    const where = dialect === 'sqlite' ? path.resolve(env.DATA_DIR) : 'PostgreSQL';
    console.log(
      `承诺跟踪督办平台已启动 / Promise tracker running: http://localhost:${env.PORT}/  (database: ${dialect}, ${where})`,
    );
  });

  // Requests in flight are finished before the database closes; a stuck one does not hold the exit forever.
  const shutdown = () => {
    logger.info('shutting down: finishing requests in flight');
    clearInterval(talliesTimer);
    server.close(() => void db.destroy().then(() => process.exit(0)));
    server.closeIdleConnections();
    setTimeout(() => process.exit(1), 10_000).unref();
  };
  process.on('SIGINT', shutdown);
  process.on('SIGTERM', shutdown);
}

main().catch((error: unknown) => {
  console.error(error instanceof Error ? error.message : error);
  process.exit(1);
});
