/**
 * `npm run build`, second half (after `vite build` has written dist/client): bundles the server
 * into dist/server/main.js and the command-line tools into dist/cli/ with esbuild and copies the
 * seed files to dist/seed, so that dist/ with package.json and package-lock.json, after
 * `npm ci --omit=dev`, runs as `node dist/server/main.js` (and `node dist/cli/create-user.js` …)
 * without tsx, vite or the sources.
 *
 * Every npm package stays external: the native ones (better-sqlite3, @node-rs/argon2) cannot be
 * bundled, pg loads pg-native optionally and pino its transports by name, so all of them are
 * resolved from node_modules at run time, as installed from the lock file. The bundle holds only
 * the project's own code (server, db with its migrations, shared).
 */
import { cp, rm } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const dist = path.join(root, 'dist');

await rm(path.join(dist, 'server'), { recursive: true, force: true });
await rm(path.join(dist, 'cli'), { recursive: true, force: true });
await rm(path.join(dist, 'seed'), { recursive: true, force: true });

// one level below dist/ each, as server/app-paths.ts expects: it finds dist/client and dist/seed
const entries = {
  'server/main': 'server/main.ts',
  'cli/create-user': 'server/cli/create-user.ts',
  'cli/ingest': 'server/cli/ingest.ts',
  'cli/backup': 'server/cli/backup.ts',
  'cli/export-gold': 'server/cli/export-gold.ts',
  'cli/extract': 'server/extract/cli.ts',
};

const result = await build({
  entryPoints: Object.entries(entries).map(([out, source]) => ({ out, in: path.join(root, source) })),
  outdir: dist,
  bundle: true,
  platform: 'node',
  format: 'esm',
  target: 'node20.19',
  packages: 'external',
  // server/app-paths.ts: look for the client and the seed files beside the bundle
  define: { __PROMISE_TRACKER_BUNDLE__: 'true' },
  sourcemap: true,
  metafile: true,
  logLevel: 'warning',
});
await cp(path.join(root, 'db/seed'), path.join(dist, 'seed'), { recursive: true });

const bytes = Object.values(result.metafile.outputs).reduce((sum, o) => sum + o.bytes, 0);
const outputs = Object.keys(entries).map((out) => `dist/${out}.js`);
console.log(`${outputs.join(', ')} (+ maps): ${(bytes / 1024).toFixed(0)} kB; dist/seed copied`);
