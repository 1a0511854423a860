/** Starts the real product (express + tRPC + built client) on a free port over a fresh SQLite file. */
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { createApp } from '../../server/app';
import { seedOnFirstStart } from '../../server/services/seed';
import type { Clock } from '../../shared/clock';
import { createRoleUsers } from './users';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
export const CLIENT_DIR = path.join(root, 'dist/client');

export interface ProductOptions {
  /** PUBLIC_READ; on by default as in the product */
  publicRead?: boolean;
  /** create one account per role (tests/support/users.ts) */
  withUsers?: boolean;
  /** DEMO_DATA: demo progress, with the seed letter's items pre-confirmed; on by default */
  demo?: boolean;
  /** the server's clock (APP_TIME_ZONE); China Standard Time by default */
  clock?: Clock;
}

export async function startProduct(options: ProductOptions = {}) {
  if (!existsSync(path.join(CLIENT_DIR, 'index.html'))) {
    throw new Error(`the built client is missing at ${CLIENT_DIR}: run \`npm run build\` (npm test does it)`);
  }
  const dataDir = mkdtempSync(path.join(tmpdir(), 'promise-tracker-'));
  const { db, dialect } = openDatabase({ dataDir });
  await migrateToLatest(db);
  await seedOnFirstStart(db, { letter: true, demo: options.demo ?? true });
  if (options.withUsers) await createRoleUsers(db);
  const app = createApp({
    db,
    dialect,
    showDemo: options.demo ?? true,
    publicRead: options.publicRead ?? true,
    clientDir: CLIENT_DIR,
    ...(options.clock ? { clock: options.clock } : {}),
  });
  const server = app.listen(0, '127.0.0.1');
  await new Promise<void>((resolve) => server.once('listening', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    close: async () => {
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await db.destroy();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
