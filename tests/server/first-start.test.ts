/**
 * First start on one PostgreSQL by several processes at once: the gazetteer, the seed letter, its
 * demo progress and the first office account are stored once, and no process fails on the others.
 */
import type { ChildProcess } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import { sql } from 'kysely';
import { afterEach, describe, expect, test } from 'vitest';
import { openDatabase } from '../../db/connect';
import { migrateToLatest } from '../../db/migrate';
import { seedGazetteer, seedLetter, seedOnFirstStart } from '../../server/services/seed';
import { adminQuery, POSTGRES_URL, testDatabases } from '../support/databases';
import { startServerProcess } from '../support/server-process';

const postgres = testDatabases.find((d) => d.name === 'postgres');

/** Separate pools on one schema: separate connections, as separate processes would have. */
async function freshSchemaWithPools(count: number) {
  const schema = `first_${Date.now()}_${randomBytes(3).toString('hex')}`;
  await adminQuery(`create schema ${schema}`);
  const pools = Array.from(
    { length: count },
    () => openDatabase({ databaseUrl: POSTGRES_URL, dataDir: '', postgresSchema: schema }).db,
  );
  const [first] = pools;
  if (!first) throw new Error('no pool');
  await migrateToLatest(first);
  return { schema, pools, db: first };
}

async function counts(db: ReturnType<typeof openDatabase>['db']) {
  const count = async (table: 'districts' | 'streets' | 'letters' | 'progress_updates' | 'users') =>
    Number((await db.selectFrom(table).select(sql<number>`count(*)`.as('n')).executeTakeFirstOrThrow()).n);
  return {
    districts: await count('districts'),
    streets: await count('streets'),
    letters: await count('letters'),
    progress: await count('progress_updates'),
    users: await count('users'),
  };
}

describe.skipIf(postgres?.skip ?? true)('first start by several processes on one PostgreSQL', () => {
  const cleanups: (() => Promise<void>)[] = [];
  afterEach(async () => {
    for (const cleanup of cleanups.splice(0)) await cleanup();
  });

  async function setUp(poolCount: number) {
    const fresh = await freshSchemaWithPools(poolCount);
    cleanups.push(async () => {
      for (const pool of fresh.pools) await pool.destroy();
      await adminQuery(`drop schema ${fresh.schema} cascade`);
    });
    return fresh;
  }

  test('three seedings at once store the gazetteer, the letter and its demo progress once', async () => {
    const { pools, db } = await setUp(3);
    const now = new Date('2026-11-27T00:00:00Z');
    const outcomes = await Promise.all(
      pools.map((pool) => seedOnFirstStart(pool, { letter: true, demo: true, now })),
    );
    const seeded = outcomes.filter((o) => o.letterId !== null);
    expect(seeded).toHaveLength(1);
    expect(seeded[0]?.demoEntries).toBeGreaterThan(0);
    expect(outcomes.filter((o) => o.letterId === null).every((o) => o.demoEntries === 0)).toBe(true);

    const stored = await counts(db);
    expect(stored).toMatchObject({ districts: 6, letters: 1, progress: seeded[0]?.demoEntries });
    const streetNames = await db.selectFrom('streets').select(['district_id', 'name']).distinct().execute();
    expect(streetNames).toHaveLength(stored.streets);
  });

  test('two seed letters at once: one is stored, the other process learns it is there', async () => {
    const { pools, db } = await setUp(2);
    await seedGazetteer(db);
    const ids = await Promise.all(pools.map((pool) => seedLetter(pool)));
    expect(ids.filter((id) => id !== null)).toHaveLength(1);
    expect((await counts(db)).letters).toBe(1);
  });

  test('two servers started at the same moment both come up, and the first start happens once', async () => {
    const schema = `first_${Date.now()}_${randomBytes(3).toString('hex')}`;
    await adminQuery(`create schema ${schema}`);
    const children: ChildProcess[] = [];
    cleanups.push(async () => {
      for (const child of children) child.kill('SIGTERM');
      await new Promise((resolve) => setTimeout(resolve, 500));
      await adminQuery(`drop schema if exists ${schema} cascade`);
    });
    const env = {
      OFFICE_USERNAME: 'office',
      OFFICE_PASSWORD: 'first start password',
      SEED: '1',
      DEMO_DATA: '1',
    };
    const ports = [43000 + Math.floor(Math.random() * 1000), 44000 + Math.floor(Math.random() * 1000)];
    const started = await Promise.allSettled(ports.map((port) => startServerProcess(schema, port, env)));
    for (const s of started) if (s.status === 'fulfilled') children.push(s.value.child);
    expect(started.map((s) => (s.status === 'rejected' ? String(s.reason) : 'running'))).toEqual([
      'running',
      'running',
    ]);
    const outputs = started.map((s) => (s.status === 'fulfilled' ? s.value.output() : ''));
    expect(outputs.filter((o) => o.includes('已载入种子答复函'))).toHaveLength(1);

    const { db } = openDatabase({ databaseUrl: POSTGRES_URL, dataDir: '', postgresSchema: schema });
    try {
      const stored = await counts(db);
      expect(stored).toMatchObject({ districts: 6, letters: 1, users: 1 });
      const demo = Number(/演示进度 \(demo progress\) (\d+) 条/.exec(outputs.join('\n'))?.[1]);
      expect(stored.progress).toBe(demo);
    } finally {
      await db.destroy();
    }
  }, 120_000);
});
