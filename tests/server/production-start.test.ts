/**
 * Issue 12 item 9: the production path. A copy of dist/ (the client from `vite build`, the server
 * bundled by scripts/build-server.mjs) with package.json and the lock file, after
 * `npm ci --omit=dev` and nothing else, starts as `node dist/server/main.js`: it migrates and seeds
 * an empty SQLite database, answers /healthz and serves the page and its assets. No tsx, vite or
 * source file is there to lean on.
 *
 * The server half of the build runs here, so the bundle tested is the one of the sources under
 * test; the client must have been built before (`npm test` runs `vite build` first, as for the
 * browser tests). The install compiles better-sqlite3 and takes minutes on the 2-core machine.
 */
import { type ChildProcess, execFile, spawn, spawnSync } from 'node:child_process';
import { existsSync } from 'node:fs';
import { cp, mkdtemp, readdir, rm } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { promisify } from 'node:util';
import { afterAll, beforeAll, expect, test } from 'vitest';

const run = promisify(execFile);
const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const PORT = 3000 + 600 + (process.pid % 300);

let copy = '';
let server: ChildProcess | undefined;
let output = '';

beforeAll(async () => {
  if (!existsSync(path.join(root, 'dist/client/index.html')))
    throw new Error('dist/client is missing: run `npx vite build` (npm test does) before this test');
  await run(process.execPath, [path.join(root, 'scripts/build-server.mjs')], { cwd: root });

  copy = await mkdtemp(path.join(tmpdir(), 'promise-tracker-deploy-'));
  await cp(path.join(root, 'dist'), path.join(copy, 'dist'), { recursive: true });
  for (const file of ['package.json', 'package-lock.json'])
    await cp(path.join(root, file), path.join(copy, file));
  await run('npm', ['ci', '--omit=dev', '--no-audit', '--no-fund', '--prefer-offline'], {
    cwd: copy,
    maxBuffer: 16 * 1024 * 1024,
  });

  server = spawn(process.execPath, ['dist/server/main.js'], {
    cwd: copy,
    // no NODE_ENV: the bundle is the production build on its own
    env: {
      PATH: process.env.PATH ?? '',
      PORT: String(PORT),
      HOST: '127.0.0.1',
      DATA_DIR: path.join(copy, 'data'),
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  await new Promise<void>((resolve, reject) => {
    const timer = setTimeout(() => reject(new Error(`did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('running: http://')) {
        clearTimeout(timer);
        resolve();
      }
    };
    server?.stdout?.on('data', onData);
    server?.stderr?.on('data', onData);
    server?.once('exit', (code) => {
      clearTimeout(timer);
      reject(new Error(`exited with ${code}: ${output}`));
    });
  });
}, 15 * 60_000);

afterAll(async () => {
  server?.kill('SIGTERM');
  if (copy) await rm(copy, { recursive: true, force: true });
});

test('the copy holds production dependencies only, and no sources', async () => {
  const modules = await readdir(path.join(copy, 'node_modules'));
  for (const dev of ['vite', 'vitest', '@biomejs', 'playwright-core', 'fast-check', 'autocannon'])
    expect(modules).not.toContain(dev);
  expect(modules).toContain('better-sqlite3');
  expect(existsSync(path.join(copy, 'server'))).toBe(false);
  expect(existsSync(path.join(copy, 'db'))).toBe(false);
});

test('node dist/server/main.js migrates, seeds, answers /healthz and serves the page', async () => {
  expect(output).toContain('0001_initial');
  expect(output).toContain('已载入种子答复函');

  const health = await fetch(`http://127.0.0.1:${PORT}/healthz`);
  expect(health.status).toBe(200);
  expect(await health.json()).toMatchObject({ status: 'ok', database: 'sqlite' });

  // a bookmarked route falls back to the page, and the page's script is served
  const page = await fetch(`http://127.0.0.1:${PORT}/review`);
  expect(page.status).toBe(200);
  const html = await page.text();
  expect(html).toContain('<div id="root">');
  const script = html.match(/<script type="module" crossorigin src="([^"]+)"/)?.[1];
  expect(script).toBeDefined();
  const asset = await fetch(`http://127.0.0.1:${PORT}${script}`);
  expect(asset.status).toBe(200);
  expect(asset.headers.get('content-type')).toMatch(/javascript/);

  // the API answers from the seeded database
  const letters = await fetch(`http://127.0.0.1:${PORT}/trpc/letters.list`);
  expect(letters.status).toBe(200);
  expect(JSON.stringify(await letters.json())).toContain('厦门市民政局');
});

test('the command-line tools run from the copy too: no tsx there, create-user adds an account', () => {
  expect(existsSync(path.join(copy, 'node_modules/tsx'))).toBe(false);
  const created = spawnSync(
    process.execPath,
    ['dist/cli/create-user.js', '--username', 'deployed', '--role', 'office', '--password-stdin'],
    {
      cwd: copy,
      env: { PATH: process.env.PATH ?? '', DATA_DIR: path.join(copy, 'data') },
      input: 'a-long-enough-password\n',
      encoding: 'utf8',
      timeout: 60_000,
    },
  );
  expect(created.stderr).toBe('');
  expect(created.status).toBe(0);
  expect(created.stdout).toContain('已创建用户 (user created)');
  expect(created.stdout).toContain('deployed · office');
});
