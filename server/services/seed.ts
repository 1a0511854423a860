/**
 * First start: the gazetteer, the seed letter (the reply that started this product) and,
 * unless switched off, demo progress on its commitments. Runs only on what is still empty.
 *
 * Two processes may start at once on one database (servers behind a load balancer, a server and
 * the ingest CLI). Each step is one transaction guarded by a unique key — districts by (city, name,
 * valid_from), the letter by its content hash — so when both find the table empty, the second
 * insert is refused, its transaction leaves nothing behind, and that process takes the other's
 * work as done. Demo progress is added only by the process whose letter was stored.
 */
import { readFile } from 'node:fs/promises';
import path from 'node:path';
import { type Kysely, sql, type Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import { seedDir } from '../app-paths';
import { buildDemoProgress } from '../domain/demo-progress';
import { DuplicateLetterError } from '../domain/duplicate-letter';
import { expandVersions, type VersionChange } from '../domain/gazetteer-versions';
import { decodeLetter } from '../extract/index';
import { listTargets } from '../repositories/commitments';
import { ingestLetter } from './ingest-letter';
import { markOutcomesStale } from './outcome-tallies';

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

export async function seedGazetteer(db: Kysely<Database>): Promise<void> {
  if (!(await isEmpty(db, 'districts'))) return;
  const file = JSON.parse(
    await readFile(path.join(seedDir, 'gazetteer-xiamen.json'), 'utf8'),
  ) as GazetteerFile;
  try {
    await db.transaction().execute((trx) => storeGazetteer(trx, file));
  } catch (error) {
    // Another process stored it between our check and our insert: its unique key refused ours.
    if (!(await isEmpty(db, 'districts'))) return;
    throw error;
  }
}

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
      .values(
        units.map((u) => ({
          district_id: id,
          name: u.name,
          kind: u.kind,
          valid_from: Number(u.fromDate.slice(0, 4)),
          valid_to: u.toDate === null ? null : Number(u.toDate.slice(0, 4)),
          from_date: u.fromDate,
          to_date: u.toDate,
          source: u.source,
        })),
      )
      .execute();
  }
}

/** The seed letter's id when this call stored it; null when a letter was there already. */
export async function seedLetter(db: Kysely<Database>): Promise<number | null> {
  if (!(await isEmpty(db, 'letters'))) return null;
  const bytes = await readFile(path.join(seedDir, SEED_LETTER_FILE));
  const decoded = decodeLetter(new Uint8Array(bytes));
  try {
    const outcome = await ingestLetter(db, {
      text: decoded.text,
      sourceName: SEED_LETTER_FILE,
      encoding: decoded.encoding,
      actor: 'seed',
    });
    return outcome.letterId;
  } catch (error) {
    // Another process stored it first; that process adds the demo progress too.
    if (error instanceof DuplicateLetterError) return null;
    throw error;
  }
}

export async function seedDemoProgress(db: Kysely<Database>, letterId: number, now: Date): Promise<number> {
  const letter = await db
    .selectFrom('letters')
    .select('letter_date')
    .where('id', '=', letterId)
    .executeTakeFirstOrThrow();
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
  const year = letter.letter_date ? Number(letter.letter_date.slice(0, 4)) : now.getUTCFullYear();
  const entries = buildDemoProgress(targets, year, now.toISOString().slice(0, 10));
  await markOutcomesStale(db, { letterIds: [letterId] });
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
  options: { letter: boolean; demo: boolean; now?: Date },
): Promise<{ letterId: number | null; demoEntries: number }> {
  const now = options.now ?? new Date();
  await seedGazetteer(db);
  const letterId = options.letter ? await seedLetter(db) : null;
  const demoEntries = letterId !== null && options.demo ? await seedDemoProgress(db, letterId, now) : 0;
  return { letterId, demoEntries };
}
