/**
 * First start: the gazetteer, the seed letter (the reply that started this product) and,
 * unless switched off, demo progress on its commitments. Runs only on what is still empty.
 *
 * Two processes may start at once on one database (servers behind a load balancer, a server and
 * the ingest CLI). Each step is one transaction guarded by a unique key — districts by (city, name,
 * valid_from), the letter by its content hash — so when both find the table empty, the second
 * insert is refused, its transaction leaves nothing behind, and that process takes the other's
 * work as done. Demo progress is added only by the process whose letter was stored.
 * A gazetteer seeded before the file had dated versions is brought up to them on the next start.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { type Clock, chinaClock } from '../../shared/clock';
import { seedDir } from '../app-paths';
import { buildDemoProgress } from '../domain/demo-progress';
import { DuplicateLetterError } from '../domain/duplicate-letter';
import { expandVersions, type UnitSpan, type VersionChange } from '../domain/gazetteer-versions';
import { decodeLetter } from '../extract/index';
import { listTargets } from '../repositories/commitments';
import { ingestLetter } from './ingest-letter';
import { reallocateTargets } from './targets';
import { runWrite } from './write';

export const SEED_LETTER_FILE = 'reply-260.txt';
export const DEMO_REPORTER = '演示数据';

interface GazetteerFile {
  city: string;
  districts: { name: string; validFrom: number }[];
  districtsSource: string;
  /** change sets by date of effect, each with its source (server/domain/gazetteer-versions.ts) */
  versions: VersionChange[];
}

async function isEmpty(db: Kysely<Database>, table: keyof Database): Promise<boolean> {
  const row = await db.selectFrom(table).select(sql<number>`1`.as('one')).limit(1).executeTakeFirst();
  return row === undefined;
}

/**
 * The source text of the gazetteer file before it had versions (25 streets and 13 towns with
 * 东孚镇 never ending): a database seeded from it gets the versioned streets on its next start.
 */
export const UNVERSIONED_SEED_SOURCE =
  '厦门市行政区划(2015 年):6 个区,25 个街道、13 个镇,据厦门市民政局公布的区划名录整理。区划此后有调整(如翔安区、同安区部分镇改街道),按年份版本化维护。';

async function readGazetteerFile(): Promise<GazetteerFile> {
  return JSON.parse(await readFile(path.join(seedDir, 'gazetteer-xiamen.json'), 'utf8')) as GazetteerFile;
}

/** `clock`: the configured zone's, so the per-street targets remade on an upgrade count from its today. */
export async function seedGazetteer(db: Kysely<Database>, clock: Clock = chinaClock): Promise<void> {
  if (!(await isEmpty(db, 'districts'))) {
    await upgradeUnversionedGazetteer(db, clock);
    return;
  }
  const file = await readGazetteerFile();
  try {
    await db.transaction().execute((trx) => storeGazetteer(trx, file));
  } catch (error) {
    // Another process stored it between our check and our insert: its unique key refused ours.
    if (!(await isEmpty(db, 'districts'))) return;
    throw error;
  }
}

/** A street or town of the versioned file as a row: its days and, for the year filter, their years. */
const streetRow = (districtId: number, u: UnitSpan) => ({
  district_id: districtId,
  name: u.name,
  kind: u.kind,
  valid_from: Number(u.fromDate.slice(0, 4)),
  valid_to: u.toDate === null ? null : Number(u.toDate.slice(0, 4)),
  from_date: u.fromDate,
  to_date: u.toDate,
  source: u.source,
});

async function storeGazetteer(trx: Transaction<Database>, file: GazetteerFile): Promise<void> {
  const spans = expandVersions(file.versions);
  const known = new Set(file.districts.map((d) => d.name));
  const stray = spans.find((s) => !known.has(s.district));
  if (stray) throw new Error(`区划文件中的区“${stray.district}”不在区列表中`);
  for (const [order, district] of file.districts.entries()) {
    const { id } = await trx
      .insertInto('districts')
      .values({
        city: file.city,
        name: district.name,
        sort_order: order,
        valid_from: district.validFrom,
        from_date: `${district.validFrom}-01-01`,
        source: file.districtsSource,
      })
      .returning('id')
      .executeTakeFirstOrThrow();
    const units = spans.filter((s) => s.district === district.name);
    if (units.length === 0) continue;
    await trx
      .insertInto('streets')
      .values(units.map((u) => streetRow(id, u)))
      .execute();
  }
}

async function seededFromUnversionedFile(db: Kysely<Database>): Promise<boolean> {
  const row = await db
    .selectFrom('streets')
    .select('id')
    .where('source', '=', UNVERSIONED_SEED_SOURCE)
    .limit(1)
    .executeTakeFirst();
  return row !== undefined;
}

/**
 * Per-street and per-town targets derived from the gazetteer, made again from the versioned one
 * (a letter of 2023 counted 38 units where there were 45). Commitments whose targets the office
 * split, or that hold breakdown parts, keep theirs: only all-derived target sets are redone.
 */
async function reallocateStreetTargets(trx: Transaction<Database>, at: string): Promise<number[]> {
  const derived = await trx
    .selectFrom('commitments')
    .select(['id', 'target_min', 'target_max', 'per_scope'])
    .where('per_scope', 'in', ['street', 'town'])
    .where('target_min', 'is not', null)
    .where(({ exists, not, selectFrom }) =>
      not(
        exists(
          selectFrom('commitment_targets')
            .select('commitment_targets.id')
            .whereRef('commitment_targets.commitment_id', '=', 'commitments.id')
            .where('commitment_targets.allocation', '!=', 'per_unit'),
        ),
      ),
    )
    .execute();
  for (const c of derived) {
    const spec = { min: c.target_min ?? 0, max: c.target_max, per: c.per_scope as 'street' | 'town' };
    await reallocateTargets(trx, c.id, spec, at);
  }
  return derived.map((c) => c.id);
}

/**
 * Replaces the streets and towns stored from the unversioned file with the versioned ones, keeping
 * the district rows (targets and progress point at them) and any row the office imported itself,
 * then remakes the per-street targets that were derived from the old counts.
 */
async function upgradeUnversionedGazetteer(db: Kysely<Database>, clock: Clock): Promise<void> {
  if (!(await seededFromUnversionedFile(db))) return;
  const file = await readGazetteerFile();
  const spans = expandVersions(file.versions);
  try {
    await runWrite(db, {
      actor: { userId: null, name: 'seed' },
      clock,
      action: 'seed.gazetteer_versions',
      entity: 'gazetteer',
      entityId: null,
      after: (redone: number) => ({ city: file.city, targetsRedone: redone }),
      write: async ({ trx, at, touched }) => {
        for (const district of file.districts) {
          const found = await trx
            .selectFrom('districts')
            .select('id')
            .where('city', '=', file.city)
            .where('name', '=', district.name)
            .where('valid_from', '=', district.validFrom)
            .executeTakeFirst();
          if (!found) continue;
          await trx
            .deleteFrom('streets')
            .where('district_id', '=', found.id)
            .where('source', '=', UNVERSIONED_SEED_SOURCE)
            .execute();
          await trx
            .updateTable('districts')
            .set({ source: file.districtsSource })
            .where('id', '=', found.id)
            .where('source', '=', UNVERSIONED_SEED_SOURCE)
            .execute();
          const kept = await trx
            .selectFrom('streets')
            .select(['name', 'valid_from'])
            .where('district_id', '=', found.id)
            .execute();
          const units = spans.filter(
            (u) =>
              u.district === district.name &&
              !kept.some((k) => k.name === u.name && k.valid_from === Number(u.fromDate.slice(0, 4))),
          );
          if (units.length)
            await trx
              .insertInto('streets')
              .values(units.map((u) => streetRow(found.id, u)))
              .execute();
        }
        const redone = await reallocateStreetTargets(trx, at);
        if (redone.length) touched({ commitmentIds: redone });
        return redone.length;
      },
    });
  } catch (error) {
    // Another process upgraded it between our check and our insert: its rows refused ours.
    if (!(await seededFromUnversionedFile(db))) return;
    throw error;
  }
}

/** The seed letter's id when this call stored it; null when a letter was there already. */
export async function seedLetter(db: Kysely<Database>, clock: Clock = chinaClock): Promise<number | null> {
  if (!(await isEmpty(db, 'letters'))) return null;
  const bytes = await readFile(path.join(seedDir, SEED_LETTER_FILE));
  const decoded = decodeLetter(new Uint8Array(bytes));
  try {
    const outcome = await ingestLetter(
      db,
      {
        text: decoded.text,
        sourceName: SEED_LETTER_FILE,
        encoding: decoded.encoding,
        actor: 'seed',
      },
      clock,
    );
    return outcome.letterId;
  } catch (error) {
    // Another process stored it first; that process adds the demo progress too.
    if (error instanceof DuplicateLetterError) return null;
    throw error;
  }
}

export async function seedDemoProgress(
  db: Kysely<Database>,
  letterId: number,
  now: Date,
  clock: Clock = chinaClock,
): Promise<number> {
  const letter = await db
    .selectFrom('letters')
    .select('letter_date')
    .where('id', '=', letterId)
    .executeTakeFirstOrThrow();
  // One pass through the write door: confirmation, demo entries, their audit entry and the
  // agency's figures are stored together, so a process killed midway leaves no half-seeded letter.
  return runWrite(db, {
    actor: { userId: null, name: 'seed' },
    action: 'seed.demo_progress',
    entity: 'seed',
    entityId: letterId,
    now,
    clock,
    after: (count: number) => ({ letterId, demoEntries: count }),
    write: ({ trx, touched }) => {
      touched({ letterIds: [letterId] });
      return storeDemoProgress(trx, letterId, letter.letter_date, now, clock);
    },
  });
}

async function storeDemoProgress(
  db: Transaction<Database>,
  letterId: number,
  letterDate: string | null,
  now: Date,
  clock: Clock,
): Promise<number> {
  // The demo shows a reviewed letter: its extracted items are marked confirmed, noted as demo.
  await db
    .updateTable('commitments')
    .set({
      review_status: 'confirmed',
      review_note: '演示数据:首次启动时预先核实。',
      reviewed_at: now.toISOString(),
    })
    .where('letter_id', '=', letterId)
    .where('review_status', '=', 'unverified')
    .execute();
  const commitmentIds = (
    await db.selectFrom('commitments').select('id').where('letter_id', '=', letterId).execute()
  ).map((c) => c.id);
  const targets = await listTargets(db, { commitmentIds });
  const today = clock.dateOf(now);
  const year = letterDate ? Number(letterDate.slice(0, 4)) : Number(today.slice(0, 4));
  const entries = buildDemoProgress(targets, year, today);
  if (entries.length === 0) return 0;
  const at = now.toISOString();
  await db
    .insertInto('progress_updates')
    .values(
      entries.map((e) => ({
        commitment_id: e.commitmentId,
        district_id: e.districtId,
        value: e.value,
        as_of: e.asOf,
        evidence_text: '演示数据:首次启动时生成,用于展示图表,不是真实进度。',
        reporter_name: DEMO_REPORTER,
        is_demo: 1,
        created_at: at,
      })),
    )
    .execute();
  return entries.length;
}

export async function seedOnFirstStart(
  db: Kysely<Database>,
  options: { letter: boolean; demo: boolean; now?: Date; clock?: Clock },
): Promise<{ letterId: number | null; demoEntries: number }> {
  const clock = options.clock ?? chinaClock;
  const now = options.now ?? clock.now();
  await seedGazetteer(db, clock);
  const letterId = options.letter ? await seedLetter(db, clock) : null;
  const demoEntries =
    letterId !== null && options.demo ? await seedDemoProgress(db, letterId, now, clock) : 0;
  return { letterId, demoEntries };
}
