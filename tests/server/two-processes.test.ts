/**
 * Two server processes on one PostgreSQL, as behind a load balancer: a write through one is read
 * through the other, and a session made by one is honoured by the other (sessions live in the database).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import pg from 'pg';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';
import { POSTGRES_URL, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const postgres = testDatabases.find((d) => d.name === 'postgres');
const schema = `two_${Date.now()}_${randomBytes(3).toString('hex')}`;
const PASSWORD = 'two processes password';

async function admin(statement: string) {
  const client = new pg.Client({ connectionString: POSTGRES_URL });
  await client.connect();
  await client.query(statement);
  await client.end();
}

function startServer(port: number): Promise<ChildProcess> {
  const url = new URL(POSTGRES_URL);
  url.searchParams.set('options', `-c search_path=${schema}`);
  const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/main.ts'], {
    cwd: root,
    env: {
      ...process.env,
      NODE_ENV: 'production',
      PORT: String(port),
      HOST: '127.0.0.1',
      DATABASE_URL: url.toString(),
      OFFICE_USERNAME: 'office',
      OFFICE_PASSWORD: PASSWORD,
      SEED: '0',
      LOG_LEVEL: 'warn',
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return new Promise((resolve, reject) => {
    let output = '';
    const timer = setTimeout(() => reject(new Error(`server on ${port} did not start: ${output}`)), 60_000);
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      if (output.includes('running: http://')) {
        clearTimeout(timer);
        resolve(child);
      }
    };
    child.stdout?.on('data', onData);
    child.stderr?.on('data', onData);
    child.once('exit', (code) => reject(new Error(`server on ${port} exited with ${code}: ${output}`)));
  });
}

describe.skipIf(postgres?.skip ?? true)('two server processes on one PostgreSQL', () => {
  const ports = [41000 + Math.floor(Math.random() * 1000), 42000 + Math.floor(Math.random() * 1000)];
  const children: ChildProcess[] = [];
  const base = (i: number) => `http://127.0.0.1:${ports[i]}`;

  beforeAll(async () => {
    await admin(`create schema ${schema}`);
    // One after the other, as a rolling start does: the first migrates and seeds, the second finds it done.
    children.push(await startServer(ports[0] ?? 0));
    children.push(await startServer(ports[1] ?? 0));
  }, 120_000);
  afterAll(async () => {
    for (const child of children) child.kill('SIGTERM');
    await new Promise((resolve) => setTimeout(resolve, 500));
    await admin(`drop schema if exists ${schema} cascade`);
  });

  test('a letter stored through one process is read through the other, with the same session', async () => {
    const post = (i: number, procedure: string, body: unknown, cookie?: string) =>
      fetch(`${base(i)}/trpc/${procedure}`, {
        method: 'POST',
        headers: {
          'content-type': 'application/json',
          [CSRF_HEADER]: CSRF_HEADER_VALUE,
          origin: base(i),
          ...(cookie ? { cookie } : {}),
        },
        body: JSON.stringify(body),
      });
    const signIn = await post(0, 'auth.signIn', { username: 'office', password: PASSWORD });
    expect(signIn.status).toBe(200);
    const cookie = signIn.headers.getSetCookie()[0]?.split(';')[0] ?? '';

    const ingest = await post(0, 'letters.ingest', { text: seedLetterText() }, cookie);
    expect(ingest.status).toBe(200);
    const { result } = (await ingest.json()) as { result: { data: { letterId: number } } };

    const read = await fetch(
      `${base(1)}/trpc/letters.byId?input=${encodeURIComponent(JSON.stringify({ id: result.data.letterId }))}`,
    );
    expect(read.status).toBe(200);
    expect(JSON.stringify(await read.json())).toContain('厦门市民政局');

    const me = await fetch(`${base(1)}/trpc/auth.me`, { headers: { cookie } });
    expect(JSON.stringify(await me.json())).toContain('"role":"office"');
  });
});
