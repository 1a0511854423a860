/**
 * `npm run bench [-- OPTIONS]`: the extraction benchmark, then for each database a generated data
 * set (server/bench/generate.ts) and on it
 *  - ingest: distinct full reply letters through the real ingest service (decode, extract, store);
 *  - summary: the overview's figures (buildSummary for a year, buildKeptRateGrid) and the annual
 *    report (buildAnnualReport), each timed in a child process that is killed past --step-timeout;
 *  - api: the real server as a child process under autocannon (dashboard.summary, the overview's
 *    figures, and dashboard.overview, its headline counts), and the server's peak RSS.
 * Progress goes to stderr; the figures to stdout, with --json as one JSON object on the last line.
 *
 * Options: --db sqlite|postgres|both (both), --scale N (1), --seed N (1), --json,
 * --steps generate,ingest,summary,api (all), --step-timeout S (120), --ingest-letters N (500),
 * --summary-runs N (50), --summary-seconds S (30: time for warm-ups and runs of each function, at
 * least one run), --warmups N (3), --api-seconds S (10), --api-connections N (50),
 * --api-log-level LEVEL (info), --no-extract, --keep (keep the databases), --data-dir DIR (data/bench),
 * --pg-schema NAME (bench). PostgreSQL: DATABASE_URL, else postgres://postgres@127.0.0.1:5432/test.
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { closeSync, mkdirSync, openSync, readFileSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { cpus, loadavg } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import pg from 'pg';
import { type Dialect, type OpenDatabase, openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { chinaClock } from '../../shared/clock';
import { decodeLetter } from '../extract/index';
import { OVERDUE_ON_PAGE } from '../routers/reports';
import { ingestLetter } from '../services/ingest-letter';
import { refreshOutcomeTalliesForToday } from '../services/outcome-tallies';
import { benchLetterText, buildCities, datasetShape } from './generate';
import { writeDataset } from './write';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const DEFAULT_POSTGRES_URL = 'postgres://postgres@127.0.0.1:5432/test';
const STEPS = ['generate', 'ingest', 'summary', 'api'] as const;
type Step = (typeof STEPS)[number];
const SUMMARY_FUNCTIONS = ['summary', 'kept_rates', 'annual_report'] as const;
type SummaryFunction = (typeof SUMMARY_FUNCTIONS)[number];

interface Options {
  databases: Dialect[];
  scale: number;
  seed: number;
  json: boolean;
  steps: Set<Step>;
  stepTimeoutMs: number;
  ingestLetters: number;
  summaryRuns: number;
  summarySeconds: number;
  warmups: number;
  apiSeconds: number;
  apiConnections: number;
  apiLogLevel: string;
  extract: boolean;
  keep: boolean;
  dataDir: string;
  pgSchema: string;
}

const say = (line: string) => process.stderr.write(`${line}\n`);
const round = (n: number, digits = 1) => Number(n.toFixed(digits));

function parseOptions(argv: string[]): Options {
  const { values } = parseArgs({
    args: argv.filter((a) => a !== '--'),
    options: {
      db: { type: 'string', default: 'both' },
      scale: { type: 'string', default: '1' },
      seed: { type: 'string', default: '1' },
      json: { type: 'boolean', default: false },
      steps: { type: 'string', default: STEPS.join(',') },
      'step-timeout': { type: 'string', default: '120' },
      'ingest-letters': { type: 'string', default: '500' },
      'summary-runs': { type: 'string', default: '50' },
      'summary-seconds': { type: 'string', default: '30' },
      warmups: { type: 'string', default: '3' },
      'api-seconds': { type: 'string', default: '10' },
      'api-connections': { type: 'string', default: '50' },
      'api-log-level': { type: 'string', default: 'info' },
      'no-extract': { type: 'boolean', default: false },
      keep: { type: 'boolean', default: false },
      'data-dir': { type: 'string', default: path.join(root, 'data/bench') },
      'pg-schema': { type: 'string', default: 'bench' },
    },
  });
  const number = (name: string, value: string | undefined, min: number) => {
    const n = Number(value);
    if (!Number.isFinite(n) || n < min) throw new Error(`--${name} must be a number ≥ ${min}, not ${value}`);
    return n;
  };
  const databases: Dialect[] =
    values.db === 'both'
      ? ['sqlite', 'postgres']
      : values.db === 'sqlite' || values.db === 'postgres'
        ? [values.db]
        : [];
  if (databases.length === 0) throw new Error(`--db must be sqlite, postgres or both, not ${values.db}`);
  const steps = new Set((values.steps ?? '').split(',').map((s) => s.trim()));
  for (const s of steps) if (!(STEPS as readonly string[]).includes(s)) throw new Error(`unknown step ${s}`);
  if (!/^[a-z_][a-z0-9_]*$/.test(values['pg-schema'] ?? ''))
    throw new Error('--pg-schema: lower-case letters, digits, _');
  return {
    databases,
    scale: number('scale', values.scale, Number.MIN_VALUE),
    seed: number('seed', values.seed, 0),
    json: values.json ?? false,
    steps: steps as Set<Step>,
    stepTimeoutMs: number('step-timeout', values['step-timeout'], 1) * 1000,
    ingestLetters: number('ingest-letters', values['ingest-letters'], 0),
    summaryRuns: number('summary-runs', values['summary-runs'], 1),
    summarySeconds: number('summary-seconds', values['summary-seconds'], 0),
    warmups: number('warmups', values.warmups, 0),
    apiSeconds: number('api-seconds', values['api-seconds'], 1),
    apiConnections: number('api-connections', values['api-connections'], 1),
    apiLogLevel: values['api-log-level'] ?? 'info',
    extract: !values['no-extract'],
    keep: values.keep ?? false,
    dataDir: path.resolve(values['data-dir'] ?? 'data/bench'),
    pgSchema: values['pg-schema'] ?? 'bench',
  };
}

/** Peak resident set of a process (VmHWM), in MB; null when /proc does not tell. */
export function peakRssMb(pid: number | 'self' = 'self'): number | null {
  try {
    const status = readFileSync(`/proc/${pid}/status`, 'utf8');
    const kb = /VmHWM:\s+(\d+) kB/.exec(status)?.[1];
    return kb ? round(Number(kb) / 1024) : null;
  } catch {
    return null;
  }
}

function percentile(sorted: readonly number[], p: number): number {
  if (sorted.length === 0) return Number.NaN;
  const rank = Math.ceil((p / 100) * sorted.length) - 1;
  return sorted[Math.min(sorted.length - 1, Math.max(0, rank))] as number;
}

// ---------------------------------------------------------------------------------------------
// Where each database lives.

interface Target {
  dialect: Dialect;
  open: () => OpenDatabase;
  /** what the server child needs to find the same database */
  serverEnv: Record<string, string>;
  cleanup: () => Promise<void>;
}

async function pgAdmin(url: string, statement: string) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 10_000 });
  await client.connect();
  try {
    await client.query(statement);
  } finally {
    await client.end();
  }
}

async function prepareTarget(dialect: Dialect, options: Options): Promise<Target> {
  if (dialect === 'sqlite') {
    const dir = path.join(options.dataDir, 'sqlite');
    // Without the generate step the data set kept by an earlier --keep run is measured again.
    if (options.steps.has('generate')) rmSync(dir, { recursive: true, force: true });
    mkdirSync(dir, { recursive: true });
    return {
      dialect,
      open: () => openDatabase({ dataDir: dir }),
      serverEnv: { DATA_DIR: dir },
      cleanup: async () => {
        if (!options.keep) rmSync(dir, { recursive: true, force: true });
      },
    };
  }
  const base = process.env.DATABASE_URL ?? DEFAULT_POSTGRES_URL;
  const schema = options.pgSchema;
  if (options.steps.has('generate')) {
    await pgAdmin(base, `drop schema if exists ${schema} cascade`);
    await pgAdmin(base, `create schema ${schema}`);
  }
  const serverUrl = new URL(base);
  serverUrl.searchParams.set('options', `-c search_path=${schema}`);
  return {
    dialect,
    open: () => openDatabase({ databaseUrl: base, dataDir: '', postgresSchema: schema }),
    serverEnv: { DATABASE_URL: serverUrl.toString() },
    cleanup: async () => {
      if (!options.keep) await pgAdmin(base, `drop schema if exists ${schema} cascade`);
    },
  };
}

// ---------------------------------------------------------------------------------------------
// Child processes (summary timings, the server, the extraction bench), all ended on exit.

const children = new Set<ChildProcess>();
process.on('exit', () => {
  for (const child of children) child.kill('SIGKILL');
});

function spawnTsx(args: string[], env: NodeJS.ProcessEnv, stdout: 'pipe' | number = 'pipe'): ChildProcess {
  const child = spawn(process.execPath, ['--import', 'tsx', ...args], {
    cwd: root,
    env,
    stdio: ['ignore', stdout, 'pipe'],
  });
  children.add(child);
  child.once('exit', () => children.delete(child));
  return child;
}

/**
 * Runs a child to its end, or kills it at the deadline: `firstMs` for its first line of output,
 * `nextMs` for each line after (a child that reports step by step gets the timeout per step).
 */
function runChild(
  args: string[],
  env: NodeJS.ProcessEnv,
  firstMs: number,
  nextMs = firstMs,
): Promise<{ lines: string[]; code: number | null; timedOut: boolean; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawnTsx(args, env);
    let out = '';
    let stderr = '';
    let timedOut = false;
    const kill = () => {
      timedOut = true;
      child.kill('SIGKILL');
    };
    let timer = setTimeout(kill, firstMs);
    child.stdout?.on('data', (chunk: Buffer) => {
      const text = chunk.toString('utf8');
      out += text;
      if (text.includes('\n')) {
        clearTimeout(timer);
        timer = setTimeout(kill, nextMs);
      }
    });
    child.stderr?.on('data', (chunk: Buffer) => {
      stderr = (stderr + chunk.toString('utf8')).slice(-4000);
    });
    child.once('close', (code) => {
      clearTimeout(timer);
      resolve({ lines: out.split('\n').filter(Boolean), code, timedOut, stderr });
    });
  });
}

// ---------------------------------------------------------------------------------------------
// Steps.

interface SummaryTiming {
  cold_ms: number | null;
  p50_ms: number | null;
  p95_ms: number | null;
  runs: number;
  peak_rss_mb: number | null;
  timed_out?: boolean;
  error?: string;
}

interface SummaryChildJob {
  functions: SummaryFunction[];
  dialect: Dialect;
  /** the SQLite folder, or the PostgreSQL schema */
  target: string;
  year: number;
  /** warm-ups and timed runs stop when this is spent (at least one run) */
  budgetMs: number;
  summaryRuns: number;
  warmups: number;
}

/**
 * In the child: times each function in turn (a cold call, warm-ups, then runs until enough or the
 * budget is spent) and prints one JSON line per function as soon as it is done.
 */
async function summaryChild(job: SummaryChildJob) {
  const { buildSummary, buildKeptRateGrid } = await import('../services/metrics');
  const { buildAnnualReport } = await import('../services/annual-report');
  const { dialect, target, year } = job;
  const { db } =
    dialect === 'sqlite'
      ? openDatabase({ dataDir: target })
      : openDatabase({ databaseUrl: process.env.DATABASE_URL, dataDir: '', postgresSchema: target });
  const options = { includeDemo: false, today: chinaClock.today() };
  const call: Record<SummaryFunction, () => Promise<unknown>> = {
    summary: () => buildSummary(db, { year, agencyId: null, districtIds: null }, options),
    kept_rates: () => buildKeptRateGrid(db, null, options),
    // as the report page asks for it: the overdue list's first page
    annual_report: () => buildAnnualReport(db, year, options, { overdueLimit: OVERDUE_ON_PAGE }),
  };
  for (const fn of job.functions) {
    const started = performance.now();
    const time = async () => {
      const t = performance.now();
      await call[fn]();
      return performance.now() - t;
    };
    const cold = await time();
    const budgetEnds = started + job.budgetMs;
    for (let i = 0; i < job.warmups && performance.now() < budgetEnds; i++) await time();
    const samples: number[] = [];
    while (samples.length < job.summaryRuns && (samples.length === 0 || performance.now() < budgetEnds)) {
      samples.push(await time());
    }
    samples.sort((a, b) => a - b);
    const result: SummaryTiming & { fn: SummaryFunction } = {
      fn,
      cold_ms: round(cold),
      p50_ms: round(percentile(samples, 50)),
      p95_ms: round(percentile(samples, 95)),
      runs: samples.length,
      peak_rss_mb: peakRssMb(),
    };
    process.stdout.write(`${JSON.stringify(result)}\n`);
  }
  await db.destroy();
}

/**
 * The three functions in one child; one that overruns the step timeout (or fails) is recorded as
 * such and the rest go on in a new child.
 */
async function timeSummaries(target: Target, options: Options, dbTarget: string) {
  const timings = {} as Record<SummaryFunction, SummaryTiming>;
  let remaining: SummaryFunction[] = [...SUMMARY_FUNCTIONS];
  while (remaining.length > 0) {
    const job: SummaryChildJob = {
      functions: remaining,
      dialect: target.dialect,
      target: dbTarget,
      year: datasetShape({ scale: options.scale, seed: options.seed }).lastYear,
      budgetMs: Math.min(options.summarySeconds * 1000, options.stepTimeoutMs * 0.8),
      summaryRuns: options.summaryRuns,
      warmups: options.warmups,
    };
    const env = {
      ...process.env,
      BENCH_SUMMARY_CHILD: JSON.stringify(job),
      ...(target.dialect === 'postgres' ? { DATABASE_URL: baseUrl() } : {}),
    };
    // Start-up (tsx, imports) is not the function's time: allowed on top of the first timeout.
    const run = await runChild(
      [fileURLToPath(import.meta.url)],
      env,
      options.stepTimeoutMs + 30_000,
      options.stepTimeoutMs,
    );
    const reported = run.lines
      .filter((l) => l.startsWith('{"fn":'))
      .map((l) => JSON.parse(l) as SummaryTiming & { fn: SummaryFunction });
    for (const { fn, ...t } of reported) {
      timings[fn] = t;
      say(
        `  ${fn}: cold ${t.cold_ms} ms, p50 ${t.p50_ms} ms, p95 ${t.p95_ms} ms (${t.runs} runs), child peak RSS ${t.peak_rss_mb} MB`,
      );
    }
    const stuck = remaining[reported.length];
    if (stuck === undefined) break;
    const error = run.stderr.trim().split('\n').slice(-3).join(' | ');
    timings[stuck] = {
      cold_ms: null,
      p50_ms: null,
      p95_ms: null,
      runs: 0,
      peak_rss_mb: null,
      ...(run.timedOut ? { timed_out: true } : { error }),
    };
    say(
      `  ${stuck}: ${run.timedOut ? `timed out after ${options.stepTimeoutMs / 1000} s` : `failed: ${error}`}`,
    );
    remaining = remaining.slice(reported.length + 1);
  }
  const worst = (key: 'cold_ms' | 'p50_ms' | 'p95_ms') => {
    const values = SUMMARY_FUNCTIONS.map((fn) => timings[fn][key]);
    return values.some((v) => v === null) ? null : Math.max(...(values as number[]));
  };
  const rss = SUMMARY_FUNCTIONS.map((fn) => timings[fn].peak_rss_mb).filter((v): v is number => v !== null);
  return {
    summary_cold_ms: worst('cold_ms'),
    summary_p50_ms: worst('p50_ms'),
    summary_p95_ms: worst('p95_ms'),
    summary_peak_rss_mb: rss.length ? Math.max(...rss) : null,
    summary: timings,
  };
}

const baseUrl = () => process.env.DATABASE_URL ?? DEFAULT_POSTGRES_URL;

async function ingestBench(open: OpenDatabase, options: Options) {
  const shape = datasetShape({ scale: options.scale, seed: options.seed });
  const cities = buildCities(shape);
  const texts = Array.from({ length: options.ingestLetters }, (_, i) => benchLetterText(shape, cities, i));
  const started = performance.now();
  let created = 0;
  let commitments = 0;
  let done = 0;
  for (const text of texts) {
    if (performance.now() - started > options.stepTimeoutMs) break;
    const bytes = new TextEncoder().encode(text);
    const decoded = decodeLetter(bytes);
    const outcome = await ingestLetter(open.db, {
      text: decoded.text,
      encoding: decoded.encoding,
      rawBytes: bytes,
      sourceName: `bench-ingest-${done}.txt`,
      actor: 'bench',
    });
    done += 1;
    created += 1;
    commitments += outcome.commitmentCount + outcome.milestoneCount;
  }
  const seconds = (performance.now() - started) / 1000;
  const figures = {
    ingest_letters_per_s: done ? round(done / seconds) : null,
    ingest_letters: done,
    ingest_letters_new: created,
    ingest_items_per_letter: done ? round(commitments / done) : null,
    ...(done < texts.length ? { ingest_timed_out: true } : {}),
  };
  say(
    `  ingest: ${done} letters in ${seconds.toFixed(1)} s = ${figures.ingest_letters_per_s} letters/s (${created} new, ${figures.ingest_items_per_letter} items each)`,
  );
  return figures;
}

function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen(0, '127.0.0.1', () => {
      const address = server.address();
      server.close(() =>
        typeof address === 'object' && address ? resolve(address.port) : reject(new Error('no port')),
      );
    });
  });
}

async function fetchWithin(url: string, timeoutMs: number) {
  const started = performance.now();
  const response = await fetch(url, { signal: AbortSignal.timeout(timeoutMs) });
  await response.arrayBuffer();
  return { status: response.status, ms: performance.now() - started };
}

/** Waits until the server answers /healthz promptly again: the previous run's requests are done. */
async function settle(url: string, timeoutMs: number) {
  const started = performance.now();
  while (performance.now() - started < timeoutMs) {
    const ms = await fetchWithin(`${url}/healthz`, timeoutMs).then(
      (r) => r.ms,
      () => Number.POSITIVE_INFINITY,
    );
    if (ms < 50) return;
    await new Promise((r) => setTimeout(r, 500));
  }
}

/** tRPC v11 httpBatchLink GETs, as the browser sends them. */
export function trpcGetPath(procedure: string, input: unknown): string {
  return `/trpc/${procedure}?batch=1&input=${encodeURIComponent(JSON.stringify({ 0: input }))}`;
}

async function apiBench(target: Target, options: Options) {
  const port = await freePort();
  const logFile = path.join(options.dataDir, `server-${target.dialect}.log`);
  mkdirSync(options.dataDir, { recursive: true });
  const logFd = openSync(logFile, 'w');
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    NODE_ENV: 'production',
    PORT: String(port),
    HOST: '127.0.0.1',
    SEED: '0',
    DEMO_DATA: '0',
    PUBLIC_READ: '1',
    LOG_LEVEL: options.apiLogLevel,
    ...target.serverEnv,
  };
  if (target.dialect === 'sqlite') delete env.DATABASE_URL;
  const server = spawnTsx(['server/main.ts'], env, logFd);
  closeSync(logFd);
  let serverStderr = '';
  server.stderr?.on('data', (chunk: Buffer) => {
    serverStderr = (serverStderr + chunk.toString('utf8')).slice(-4000);
  });
  const exited = new Promise<void>((resolve) => server.once('exit', () => resolve()));
  const url = `http://127.0.0.1:${port}`;
  const figures: Record<string, unknown> = {};
  try {
    const up = performance.now();
    for (;;) {
      if (server.exitCode !== null) throw new Error(`the server exited: ${serverStderr.trim()}`);
      if (performance.now() - up > options.stepTimeoutMs) throw new Error('the server did not start in time');
      const ok = await fetchWithin(`${url}/healthz`, 2000).then(
        (r) => r.status === 200,
        () => false,
      );
      if (ok) break;
      await new Promise((r) => setTimeout(r, 200));
    }
    figures.api_startup_s = round((performance.now() - up) / 1000);
    const year = datasetShape({ scale: options.scale, seed: options.seed }).lastYear;
    // The cheap one first: requests still in flight when a run ends would slow the next one.
    const endpoints = {
      overview: trpcGetPath('dashboard.overview', undefined),
      summary: trpcGetPath('dashboard.summary', { year }),
    };
    const results: Record<string, Record<string, number | null | string>> = {};
    for (const [name, route] of Object.entries(endpoints)) {
      await settle(url, options.stepTimeoutMs);
      const first = await fetchWithin(`${url}${route}`, options.stepTimeoutMs).catch(
        (e: unknown) => e as Error,
      );
      if (first instanceof Error || first.status !== 200) {
        const why = first instanceof Error ? first.message : `HTTP ${first.status}`;
        results[name] = { error: why };
        say(`  api ${name}: first request failed: ${why}`);
        continue;
      }
      const { default: autocannon } = await import('autocannon');
      const run = await autocannon({
        url: `${url}${route}`,
        connections: options.apiConnections,
        duration: options.apiSeconds,
        timeout: Math.max(10, Math.ceil(options.stepTimeoutMs / 1000 / 4)),
      });
      const ok = run['2xx'];
      results[name] = {
        cold_ms: round(first.ms),
        rps: round(ok / run.duration),
        p50_ms: run.latency.p50,
        p99_ms: run.latency.p99,
        max_ms: run.latency.max,
        sent: run.requests.sent,
        responses: run.requests.total,
        non2xx: run.non2xx,
        errors: run.errors,
        timeouts: run.timeouts,
      };
      say(
        `  api ${name}: ${results[name].rps} req/s, p50 ${run.latency.p50} ms, p99 ${run.latency.p99} ms, non-2xx ${run.non2xx}, errors ${run.errors} (timeouts ${run.timeouts}); first call ${round(first.ms)} ms`,
      );
    }
    const headline = results.summary ?? {};
    Object.assign(figures, {
      api_rps: headline.rps ?? null,
      api_p99_ms: headline.p99_ms ?? null,
      api_non2xx: headline.non2xx ?? null,
      api_errors: headline.errors ?? null,
      api_cold_ms: headline.cold_ms ?? null,
      api: results,
    });
  } catch (error) {
    figures.api_error = error instanceof Error ? error.message : String(error);
    say(`  api: ${figures.api_error}`);
  } finally {
    figures.peak_rss_mb = server.pid ? peakRssMb(server.pid) : null;
    say(`  server peak RSS: ${figures.peak_rss_mb} MB (log: ${path.relative(root, logFile)})`);
    server.kill('SIGTERM');
    const killer = setTimeout(() => server.kill('SIGKILL'), 15_000);
    await exited;
    clearTimeout(killer);
  }
  return figures;
}

async function benchDatabase(dialect: Dialect, options: Options) {
  say(`\n== ${dialect} (scale ${options.scale}, seed ${options.seed}) ==`);
  const target = await prepareTarget(dialect, options);
  const figures: Record<string, unknown> = {};
  try {
    const open = target.open();
    try {
      await migrateToLatest(open.db);
      if (options.steps.has('generate')) {
        say('  generating …');
        const result = await writeDataset(open.db, dialect, {
          scale: options.scale,
          seed: options.seed,
          log: say,
        });
        Object.assign(figures, {
          generate_s: round(result.seconds),
          analyze_s: round(result.analyzeSeconds),
          rows: result.counts,
          commitments: result.counts.commitments,
          progress_updates: result.counts.progress_updates,
        });
        say(
          `  generated in ${result.seconds.toFixed(1)} s (+ analyze ${result.analyzeSeconds.toFixed(1)} s): ${result.counts.letters} letters, ${result.counts.commitments} commitments, ${result.counts.commitment_targets} targets, ${result.counts.progress_updates} progress updates`,
        );
      }
      if (options.steps.has('summary') || options.steps.has('api')) {
        // The generated rows bypass the write path, so every agency's tallies are built here from
        // scratch: the figures' one-off cost on a database that never had them (a migration, a restore).
        say('  building the outcome tallies …');
        const started = performance.now();
        await refreshOutcomeTalliesForToday(open.db, chinaClock.today());
        figures.tallies_build_s = round((performance.now() - started) / 1000);
        say(`  tallies built in ${figures.tallies_build_s} s`);
      }
      if (options.steps.has('ingest') && options.ingestLetters > 0)
        Object.assign(figures, await ingestBench(open, options));
    } finally {
      await open.db.destroy();
    }
    if (options.steps.has('summary')) {
      const where = dialect === 'sqlite' ? (target.serverEnv.DATA_DIR as string) : options.pgSchema;
      Object.assign(figures, await timeSummaries(target, options, where));
    }
    if (options.steps.has('api')) Object.assign(figures, await apiBench(target, options));
  } finally {
    await target.cleanup();
  }
  const p95 = figures.summary_p95_ms as number | null | undefined;
  const rps = figures.api_rps as number | null | undefined;
  const rss = figures.peak_rss_mb as number | null | undefined;
  figures.targets_met = {
    summary_p95_under_100_ms: p95 == null ? null : p95 < 100,
    api_at_least_1000_rps: rps == null ? null : rps >= 1000,
    server_rss_under_500_mb: rss == null ? null : rss < 500,
  };
  return figures;
}

async function extractBench(): Promise<Record<string, unknown>> {
  say('== extraction ==');
  const run = await runChild([path.join(root, 'server/extract/bench.ts')], process.env, 120_000);
  const last = run.lines.at(-1);
  if (run.code !== 0 || !last) {
    say(`  extraction bench failed: ${run.stderr.trim().split('\n').at(-1)}`);
    return { extract_letters_per_s: null, extract_error: run.stderr.trim().split('\n').at(-1) ?? 'failed' };
  }
  const result = JSON.parse(last) as { letters_per_s: number };
  say(`  ${last}`);
  return { extract_letters_per_s: result.letters_per_s, extract: result };
}

async function main() {
  const argv = process.argv.slice(2);
  const child = process.env.BENCH_SUMMARY_CHILD;
  if (child) {
    await summaryChild(JSON.parse(child) as SummaryChildJob);
    return;
  }
  const options = parseOptions(argv);
  const shape = datasetShape({ scale: options.scale, seed: options.seed });
  say(
    `benchmark: scale ${options.scale} (${shape.cities} cities × ${shape.lastYear - shape.firstYear + 1} years, ${shape.suggestionsPerCityYear} suggestions per city-year), databases: ${options.databases.join(', ')}`,
  );
  // Other work on the machine skews every figure: the load before and after says how much.
  const report: Record<string, unknown> = {
    scale: options.scale,
    seed: options.seed,
    machine: { cpus: cpus().length, load_avg_1m_before: round(loadavg()[0] ?? 0, 2) },
  };
  if (options.extract) Object.assign(report, await extractBench());
  for (const dialect of options.databases) {
    try {
      report[dialect] = await benchDatabase(dialect, options);
    } catch (error) {
      const message = error instanceof Error ? error.message : String(error);
      say(`  ${dialect} failed: ${message}`);
      report[dialect] = { error: message };
    }
  }
  report.bench_peak_rss_mb = peakRssMb();
  (report.machine as Record<string, number>).load_avg_1m_after = round(loadavg()[0] ?? 0, 2);
  if (options.json) {
    process.stdout.write(`${JSON.stringify(report)}\n`);
  } else {
    process.stdout.write(`${JSON.stringify(report, null, 2)}\n`);
  }
}

main().then(
  () => process.exit(0),
  (error: unknown) => {
    say(error instanceof Error ? (error.stack ?? error.message) : String(error));
    process.exit(1);
  },
);
