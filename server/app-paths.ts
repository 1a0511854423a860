/**
 * Where the server finds the files it reads at run time: the built client and the seed files.
 * Run from source (tsx), this module is server/app-paths.ts in the repository. In the production
 * bundle (`npm run build`) every module is dist/server/main.js, the build copies db/seed to
 * dist/seed, and a copy of dist/ runs on its own (with package.json and production dependencies).
 */
import path from 'node:path';
import { fileURLToPath } from 'node:url';

/** Replaced by `true` in the bundle (scripts/build-server.mjs); not defined when run from source. */
declare const __PROMISE_TRACKER_BUNDLE__: boolean | undefined;
export const bundled = typeof __PROMISE_TRACKER_BUNDLE__ !== 'undefined' && __PROMISE_TRACKER_BUNDLE__;

const here = path.dirname(fileURLToPath(import.meta.url));
/** the repository from source, dist/ in the bundle (both one level above this file's folder) */
const base = path.resolve(here, '..');

export const clientDir = bundled ? path.join(base, 'client') : path.join(base, 'dist/client');
export const seedDir = bundled ? path.join(base, 'seed') : path.join(base, 'db/seed');
