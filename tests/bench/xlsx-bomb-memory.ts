/**
 * The server's peak memory while three XLSX bombs (issue 12: shared strings unzipping to 1.5 GB
 * each) are uploaded at once. Starts the product as its own process on a fresh SQLite folder,
 * signs in as the office, posts the three uploads together and reads the peak resident memory
 * (VmHWM) of the server's processes. A figure, not a test: machines differ.
 *
 *   npx tsx tests/bench/xlsx-bomb-memory.ts [--megabytes 1536] [--uploads 3] [--lie]
 *
 * --lie: the bomb's zip directory declares its shared strings at 1 KB, so only inflating tells.
 *
 * Last stdout line: one JSON object with the figures.
 */
import { spawn } from 'node:child_process';
import { mkdtempSync, readdirSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';
import { sharedStringsBomb } from '../spreadsheets/zip-bomb';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const { values } = parseArgs({
  options: {
    megabytes: { type: 'string', default: '1536' },
    uploads: { type: 'string', default: '3' },
    lie: { type: 'boolean', default: false },
  },
});
const megabytes = Number(values.megabytes);
const uploads = Number(values.uploads);
const port = 3900 + Math.floor(Math.random() * 90);
const base = `http://127.0.0.1:${port}`;

/** tsx runs the server in a child node process: the peak of the whole tree is the server's. */
function descendants(pid: number): number[] {
  const all = readdirSync('/proc').filter((d) => /^\d+$/.test(d));
  const children = all.filter((d) => {
    try {
      return readFileSync(`/proc/${d}/stat`, 'utf8').split(') ')[1]?.split(' ')[1] === String(pid);
    } catch {
      return false;
    }
  });
  return [pid, ...children.flatMap((d) => descendants(Number(d)))];
}

function peakMb(pids: readonly number[]): number {
  let peak = 0;
  for (const pid of pids) {
    try {
      const match = /VmHWM:\s+(\d+) kB/.exec(readFileSync(`/proc/${pid}/status`, 'utf8'));
      if (match) peak = Math.max(peak, Number(match[1]) / 1024);
    } catch {
      // the process ended
    }
  }
  return Math.round(peak);
}

async function main() {
  const bomb = await sharedStringsBomb(megabytes, values.lie ? 1024 : undefined);
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bomb-bench-'));
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATA_DIR: dataDir,
      DATABASE_URL: '',
      LOG_LEVEL: 'warn',
      OFFICE_USERNAME: 'office',
      OFFICE_PASSWORD: 'bench password 12',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  let exited: number | null = null;
  child.on('exit', (code) => {
    exited = code ?? -1;
  });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error(`server did not start: ${output}`)), 60_000);
      const onData = (chunk: Buffer) => {
        output += chunk.toString();
        if (output.includes('running: http://')) {
          clearTimeout(timer);
          resolve();
        }
      };
      child.stdout?.on('data', onData);
      child.stderr?.on('data', onData);
    });
    const pids = descendants(child.pid ?? 0);
    const idleMb = peakMb(pids);
    const headers = { 'content-type': 'application/json', [CSRF_HEADER]: CSRF_HEADER_VALUE, origin: base };
    const signIn = await fetch(`${base}/trpc/auth.signIn`, {
      method: 'POST',
      headers,
      body: JSON.stringify({ username: 'office', password: 'bench password 12' }),
    });
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0];
    if (!signIn.ok || !cookie) throw new Error(`sign-in failed: ${signIn.status}`);
    const body = JSON.stringify({ fileName: 'bomb.xlsx', contentBase64: bomb.toString('base64') });
    const started = performance.now();
    const replies = await Promise.all(
      Array.from({ length: uploads }, async () => {
        const response = await fetch(`${base}/trpc/progress.importSheet`, {
          method: 'POST',
          headers: { ...headers, cookie },
          body,
        }).catch((error: unknown) => ({ status: 0, text: async () => String(error) }));
        return { status: response.status, text: (await response.text()).slice(0, 200) };
      }),
    );
    const seconds = (performance.now() - started) / 1000;
    const health = await fetch(`${base}/healthz`).then(
      (r) => r.status,
      () => 0,
    );
    for (const reply of replies) console.error(`${reply.status} ${reply.text}`);
    const figures = {
      bomb_compressed_mb: Number((bomb.length / 1024 / 1024).toFixed(2)),
      bomb_unzipped_mb: megabytes,
      declared_size_lies: values.lie,
      uploads,
      statuses: replies.map((r) => r.status),
      seconds: Number(seconds.toFixed(2)),
      server_idle_peak_rss_mb: idleMb,
      server_peak_rss_mb: peakMb(pids),
      alive_after: exited === null && health === 200,
    };
    console.log(JSON.stringify(figures));
  } finally {
    child.kill('SIGTERM');
    rmSync(dataDir, { recursive: true, force: true });
  }
}

await main();
