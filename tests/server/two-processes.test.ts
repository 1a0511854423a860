/**
 * Two server processes on one PostgreSQL, as behind a load balancer: a write through one is read
 * through the other, and a session made by one is honoured by the other (sessions live in the database).
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, test } from 'vitest';
import { CSRF_HEADER, CSRF_HEADER_VALUE } from '../../shared/auth';
import { adminQuery as admin, testDatabases } from '../support/databases';
import { seedLetterText } from '../support/fixtures';
import { startServerProcess } from '../support/server-process';

const postgres = testDatabases.find((d) => d.name === 'postgres');
const schema = `two_${Date.now()}_${randomBytes(3).toString('hex')}`;
const PASSWORD = 'two processes password';

async function startServer(port: number): Promise<ChildProcess> {
  const { child } = await startServerProcess(schema, port, {
    OFFICE_USERNAME: 'office',
    OFFICE_PASSWORD: PASSWORD,
    SEED: '0',
  });
  return child;
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

    // Figures the other process has computed (and keeps) move with a write made through this one.
    const tracked = async (i: number) => {
      const input = encodeURIComponent(JSON.stringify({ year: 2015 }));
      const response = await fetch(`${base(i)}/trpc/dashboard.summary?input=${input}`, {
        headers: { cookie },
      });
      expect(response.status).toBe(200);
      const body = (await response.json()) as { result: { data: { commitments: { tracked: number } } } };
      return body.result.data.commitments.tracked;
    };
    expect(await tracked(1)).toBe(0);
    expect(await tracked(1)).toBe(0);
    const letter = (await (
      await fetch(
        `${base(1)}/trpc/letters.byId?input=${encodeURIComponent(JSON.stringify({ id: result.data.letterId }))}`,
      )
    ).json()) as { result: { data: { commitments: { id: number; version: number }[] } } };
    const first = letter.result.data.commitments[0];
    if (!first) throw new Error('the seed letter has no commitments');
    expect((await post(0, 'review.confirm', { id: first.id, version: first.version }, cookie)).status).toBe(
      200,
    );
    expect(await tracked(1)).toBe(1);
    expect(await tracked(0)).toBe(1);
  });
});
