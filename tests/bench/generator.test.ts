/**
 * The benchmark's data set at a tiny scale: deterministic, true to the schema's constraints and to
 * the product's own rules (quotes at their offsets, content hashes, corrections, split targets),
 * readable by the overview and the annual report on both databases; and `npm run bench -- --json`
 * ends with one JSON line.
 */
import { spawn } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import pg from 'pg';
import { describe, expect, test } from 'vitest';
import type { Database } from '../../db/schema';
import {
  benchLetterText,
  buildCities,
  DATASET_TABLES,
  type DatasetTable,
  DigestSink,
  datasetShape,
  generateDataset,
  type RowSink,
} from '../../server/bench/generate';
import { checkForeignKeys, writeDataset } from '../../server/bench/write';
import { cityOfLetter } from '../../server/domain/letter-city';
import { extractLetter } from '../../server/extract/index';
import { buildAnnualReport } from '../../server/services/annual-report';
import { buildKeptRateGrid, buildSummary } from '../../server/services/metrics';
import { refreshOutcomeTalliesForToday } from '../../server/services/outcome-tallies';
import { POSTGRES_URL, testDatabases } from '../support/databases';

const root = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '../..');
const SCALE = 0.001;

/** Every row, as JSON lines per table (a tiny data set fits in memory). */
class CollectSink implements RowSink {
  readonly rows = new Map<DatasetTable, string[]>(DATASET_TABLES.map((t) => [t, []]));
  readonly columns = new Map<DatasetTable, string[]>();
  add<T extends DatasetTable>(table: T, row: Record<string, unknown>): void {
    if (!this.columns.has(table)) this.columns.set(table, Object.keys(row));
    this.rows.get(table)?.push(JSON.stringify(row));
  }
  checkpoint(): void {}
}

describe('generator', () => {
  test('the same seed gives the same rows; another seed other rows', async () => {
    const first = new DigestSink();
    const again = new DigestSink();
    const other = new DigestSink();
    await generateDataset({ scale: SCALE, seed: 7 }, first);
    await generateDataset({ scale: SCALE, seed: 7 }, again);
    await generateDataset({ scale: SCALE, seed: 8 }, other);
    expect(again.counts).toEqual(first.counts);
    expect(again.digests()).toEqual(first.digests());
    expect(other.digests().letters).not.toBe(first.digests().letters);
    expect(other.digests().progress_updates).not.toBe(first.digests().progress_updates);
  });

  test('scale 1 is 40 cities over 2016–2025; small scales keep at least two cities', () => {
    const full = datasetShape({ scale: 1 });
    expect(full).toMatchObject({ cities: 40, firstYear: 2016, lastYear: 2025 });
    // ~1.06 letters per suggestion, ~4.7 items per letter: about 300,000 commitments
    expect(full.cities * 10 * full.suggestionsPerCityYear * 1.06 * 4.7).toBeGreaterThan(280_000);
    expect(datasetShape({ scale: 0.0001 }).cities).toBe(2);
    expect(() => datasetShape({ scale: 0 })).toThrow();
  });

  test('every agency is found in its own city, as the ingest service looks it up', () => {
    const shape = datasetShape({ scale: 1 });
    const cities = buildCities(shape);
    const names = cities.map((c) => c.name).sort();
    for (const city of cities) {
      for (const agency of city.agencies) expect(cityOfLetter(agency.name, '', names)).toBe(city.name);
    }
  });

  test('the ingest letters are distinct and the extractor finds their promises and metadata', () => {
    const shape = datasetShape({ scale: SCALE });
    const cities = buildCities(shape);
    const texts = Array.from({ length: 20 }, (_, i) => benchLetterText(shape, cities, i));
    expect(new Set(texts).size).toBe(texts.length);
    for (const text of texts) {
      const { letter, commitments } = extractLetter(text);
      expect(letter.agency).toMatch(/市.+(局|委员会)$/);
      expect(letter.docNumber).toMatch(/函〔2025〕\d+号$/);
      expect(letter.suggestionRef).toMatch(/会议第\d+号$/);
      expect(commitments.length).toBeGreaterThan(0);
    }
  });
});

async function tableRows(db: Kysely<Database>, table: DatasetTable, columns: string[]) {
  const rows = (await db
    .selectFrom(table)
    .select(columns as never[])
    .execute()) as Record<string, unknown>[];
  return rows.map((r) => JSON.stringify(Object.fromEntries(columns.map((c) => [c, r[c]]))));
}

describe.each(testDatabases)('data set on $name', ({ open, skip }) => {
  test.skipIf(skip)(
    'holds exactly the generated rows, keeps the rules, and the overview and annual report compute',
    async () => {
      const target = await open();
      try {
        const { db, dialect } = target;
        const written = await writeDataset(db, dialect, { scale: SCALE, seed: 3 });
        const expected = new CollectSink();
        await generateDataset({ scale: SCALE, seed: 3 }, expected);

        // Exactly the generated rows (any order), column for column.
        for (const table of DATASET_TABLES) {
          const columns = expected.columns.get(table) ?? [];
          const stored = await tableRows(db, table, columns);
          expect(stored.length, table).toBe(written.counts[table]);
          expect(stored.sort(), table).toEqual([...(expected.rows.get(table) ?? [])].sort());
        }
        if (dialect === 'sqlite') {
          const { rows } = await sql`pragma foreign_key_check`.execute(db);
          expect(rows).toEqual([]);
        } else {
          // Written without the per-row key triggers, then checked as a whole; the check does catch a dangling key.
          expect(written.foreignKeysCheckedAfter).toBe(true);
          await expect(
            db.transaction().execute(async (trx) => {
              await sql`set local session_replication_role = replica`.execute(trx);
              await sql`insert into follow_ups (commitment_id, request, created_at) values (999999, 'x', 'now')`.execute(
                trx,
              );
              await checkForeignKeys(trx);
            }),
          ).rejects.toThrow(/follow_ups.commitment_id point at no commitments.id/);
        }

        // Quotes at their offsets, hashes of the text.
        const letters = await db.selectFrom('letters').select(['id', 'text', 'content_hash']).execute();
        const textOf = new Map(letters.map((l) => [l.id, l.text]));
        for (const l of letters)
          expect(l.content_hash).toBe(createHash('sha256').update(l.text).digest('hex'));
        const items = await db
          .selectFrom('commitments')
          .select(['letter_id', 'quote', 'span_start', 'span_end'])
          .execute();
        for (const c of items) expect(textOf.get(c.letter_id)?.slice(c.span_start, c.span_end)).toBe(c.quote);

        // A correction stays on its entry's commitment and district.
        const progress = await db
          .selectFrom('progress_updates')
          .select(['id', 'commitment_id', 'district_id', 'supersedes_id'])
          .execute();
        const byId = new Map(progress.map((p) => [p.id, p]));
        const corrections = progress.filter((p) => p.supersedes_id !== null);
        expect(corrections.length).toBeGreaterThan(0);
        for (const c of corrections) {
          const original = byId.get(c.supersedes_id as number);
          expect(original?.commitment_id).toBe(c.commitment_id);
          expect(original?.district_id).toBe(c.district_id);
        }

        // Split targets add up to the commitment's target.
        const splits = await db
          .selectFrom('commitment_targets')
          .innerJoin('commitments', 'commitments.id', 'commitment_targets.commitment_id')
          .select(['commitments.id', 'commitments.target_min as total'])
          .select((eb) => eb.fn.sum<number>('commitment_targets.target_min').as('parts'))
          .where('commitment_targets.allocation', '=', 'split')
          .groupBy(['commitments.id', 'commitments.target_min'])
          .execute();
        for (const s of splits) expect(Number(s.parts)).toBe(Number(s.total));

        // The product's figures on it. The generated rows bypass the write door, so their tallies are
        // built the way the bench and the server's background step build them (reads never write).
        const options = { includeDemo: false, today: '2026-06-30' };
        await refreshOutcomeTalliesForToday(db, options.today);
        const summary = await buildSummary(db, { year: 2025, agencyId: null, districtIds: null }, options);
        expect(summary.replies.suggestions).toBeGreaterThan(0);
        expect(summary.replies.rated).toBeGreaterThan(0);
        expect(summary.commitments.due).toBeGreaterThan(0);
        expect(summary.commitments.kept).toBeGreaterThan(0);
        expect(summary.commitments.kept).toBeLessThan(summary.commitments.due);
        const grid = await buildKeptRateGrid(db, null, options);
        expect(grid.years).toEqual(Array.from({ length: 11 }, (_, i) => 2016 + i));
        expect(grid.cells.some((c) => c.due > 0 && c.kept > 0)).toBe(true);
        const report = await buildAnnualReport(db, 2025, options);
        expect(report.byDistrict.length).toBeGreaterThan(0);
        expect(report.byAgency.length).toBeGreaterThan(0);
        expect(report.overdue.length).toBeGreaterThan(0);
      } finally {
        await target.close();
      }
    },
    60_000,
  );
});

function runBench(
  args: string[],
  env: NodeJS.ProcessEnv,
): Promise<{ code: number | null; stdout: string; stderr: string }> {
  return new Promise((resolve) => {
    const child = spawn(path.join(root, 'node_modules/.bin/tsx'), ['server/bench/run.ts', ...args], {
      cwd: root,
      env: { ...process.env, ...env },
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let stdout = '';
    let stderr = '';
    child.stdout.on('data', (c: Buffer) => {
      stdout += c.toString();
    });
    child.stderr.on('data', (c: Buffer) => {
      stderr += c.toString();
    });
    child.on('close', (code) => resolve({ code, stdout, stderr }));
  });
}

const postgresSkipped = testDatabases.find((d) => d.name === 'postgres')?.skip ?? true;

test('npm run bench -- --json ends with one JSON object with the figures of each database', async () => {
  const dataDir = mkdtempSync(path.join(tmpdir(), 'bench-test-'));
  const schema = `bench_test_${randomBytes(4).toString('hex')}`;
  try {
    const databases = postgresSkipped ? ['sqlite'] : ['sqlite', 'postgres'];
    const { code, stdout, stderr } = await runBench(
      [
        '--json',
        '--db',
        postgresSkipped ? 'sqlite' : 'both',
        '--scale',
        String(SCALE),
        '--no-extract',
        '--ingest-letters',
        '5',
        '--summary-runs',
        '3',
        '--warmups',
        '1',
        '--api-seconds',
        '1',
        '--api-connections',
        '5',
        '--api-log-level',
        'warn',
        '--data-dir',
        dataDir,
        '--pg-schema',
        schema,
      ],
      { DATABASE_URL: POSTGRES_URL },
    );
    expect(code, stderr).toBe(0);
    const lines = stdout.trim().split('\n');
    const report = JSON.parse(lines.at(-1) as string);
    expect(report.scale).toBe(SCALE);
    expect(report.bench_peak_rss_mb).toBeGreaterThan(0);
    for (const name of databases) {
      const figures = report[name];
      expect(figures.error, name).toBeUndefined();
      expect(figures.commitments).toBeGreaterThan(0);
      expect(figures.ingest_letters).toBe(5);
      expect(figures.ingest_letters_per_s).toBeGreaterThan(0);
      for (const key of ['summary_cold_ms', 'summary_p50_ms', 'summary_p95_ms'])
        expect(figures[key]).toBeGreaterThan(0);
      expect(figures.summary.annual_report.runs).toBeGreaterThan(0);
      expect(figures.api_rps).toBeGreaterThan(0);
      expect(figures.api_p99_ms).toBeGreaterThanOrEqual(0);
      expect(figures.api_non2xx).toBe(0);
      expect(figures.api_errors).toBe(0);
      expect(figures.api.overview.rps).toBeGreaterThan(0);
      expect(figures.peak_rss_mb).toBeGreaterThan(0);
    }
  } finally {
    rmSync(dataDir, { recursive: true, force: true });
    // The bench drops its schema itself; this is for a run that failed half-way.
    if (!postgresSkipped) {
      const client = new pg.Client({ connectionString: POSTGRES_URL });
      await client.connect();
      await client.query(`drop schema if exists ${schema} cascade`);
      await client.end();
    }
  }
}, 120_000);
