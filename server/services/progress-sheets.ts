/**
 * Bulk progress by spreadsheet: an agency exports its open targets, fills in values, dates and
 * evidence in Excel, and imports the same file. Every row is checked first; if any row is wrong
 * nothing is written, and the user gets each problem with its row number. A good file is written
 * as progress entries in one transaction.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import type { Clock } from '../../shared/clock';
import { Forbidden } from '../domain/errors';
import { progressKey, standingEntries } from '../domain/progress-summary';
import { listProgress } from '../repositories/commitments';
import { insertProgressEntries } from '../repositories/progress-entries';
import { listSheetTargets, type SheetTargetRow } from '../repositories/progress-sheets';
import type { ExportRow } from '../spreadsheets/export';
import {
  type KnownTarget,
  parseProgressFile,
  type RowError,
  validateAgainstTargets,
} from '../spreadsheets/import';
import { runWrite, userActor } from './write';

/** Rows per INSERT: a 5,000-row file is a handful of statements, not thousands. */
const INSERT_CHUNK = 500;

async function standingFor(db: Kysely<Database>, targets: readonly SheetTargetRow[], includeDemo: boolean) {
  const ids = [...new Set(targets.map((t) => t.commitmentId))];
  return standingEntries(await listProgress(db, { includeDemo, commitmentIds: ids }));
}

/**
 * The agency's confirmed, not withdrawn, quantified targets that are not reached yet.
 * `agencyId` null: every agency (the office's export).
 */
export async function openTargetsForExport(
  db: Kysely<Database>,
  agencyId: number | null,
  includeDemo: boolean,
): Promise<ExportRow[]> {
  const targets = (await listSheetTargets(db, { agencyId })).filter(
    (t) => t.kind === 'quantified' && t.reviewStatus === 'confirmed' && t.withdrawnAt === null,
  );
  const standing = await standingFor(db, targets, includeDemo);
  return targets.flatMap((t) => {
    const latest = standing.get(progressKey(t.commitmentId, t.districtId));
    if (latest && latest.value >= t.min) return [];
    return [
      {
        commitmentId: t.commitmentId,
        districtName: t.districtName,
        agencyName: t.agencyName ?? '',
        letterRef: t.letterRef,
        object: t.object,
        quote: t.quote,
        unit: t.unit,
        targetMin: t.min,
        targetMax: t.max,
        deadlineYear: t.deadlineYear,
        latestValue: latest?.value ?? null,
        latestAsOf: latest?.asOf ?? null,
      },
    ];
  });
}

export interface SheetImportOutcome {
  imported: number;
  skippedRows: number;
  errors: RowError[];
}

export async function importProgressSheet(
  db: Kysely<Database>,
  user: SessionUser,
  file: { fileName: string; bytes: Uint8Array },
  options: { includeDemo: boolean; clock: Clock },
): Promise<SheetImportOutcome> {
  const { clock } = options;
  const now = clock.now();
  if (user.role === 'agency' && user.agencyId === null) {
    throw new Forbidden('access.noAgency', '您的账号未关联承办单位,不能批量填报。');
  }
  // A file that cannot be read at all throws ProgressFileError, an Invalid the transport maps.
  const parsed = await parseProgressFile(file.bytes, file.fileName, {
    today: clock.dateOf(now),
  });
  if (parsed.errors.length) return { imported: 0, skippedRows: parsed.skippedRows, errors: parsed.errors };

  const targets = await listSheetTargets(db, {
    commitmentIds: [...new Set(parsed.rows.map((r) => r.commitmentId))],
  });
  const standing = await standingFor(db, targets, options.includeDemo);
  const known: KnownTarget[] = targets.map((t) => {
    const latest = standing.get(progressKey(t.commitmentId, t.districtId));
    return {
      commitmentId: t.commitmentId,
      districtId: t.districtId,
      districtName: t.districtName,
      agencyId: t.agencyId,
      kind: t.kind,
      reviewStatus: t.reviewStatus,
      withdrawn: t.withdrawnAt !== null,
      letterDate: t.letterDate,
      latest: latest ? { value: latest.value, asOf: latest.asOf } : null,
    };
  });
  const check = validateAgainstTargets(parsed.rows, known, user.role === 'office' ? null : user.agencyId);
  // Progress is tracked only on reviewed commitments, as in the single-entry form.
  const unreviewed = check.matched
    .filter((m) => m.target.reviewStatus === 'unverified')
    .map((m) => ({
      row: m.row,
      column: undefined,
      message: `第 ${m.row} 行:${m.targetKey} 对应的承诺尚未核实,核实后才能填报进度。`,
    }));
  const errors = [...check.errors, ...unreviewed].sort((a, b) => a.row - b.row);
  if (errors.length) return { imported: 0, skippedRows: parsed.skippedRows, errors };

  await runWrite(db, {
    actor: userActor(user),
    action: 'progress.import',
    entity: 'progress_update',
    entityId: null,
    now,
    clock,
    after: () => ({ fileName: file.fileName, rows: check.matched.length, format: parsed.format }),
    write: async ({ trx, at, touched }) => {
      await insertProgressEntries(
        trx,
        check.matched.map((m) => ({
          commitment_id: m.commitmentId,
          district_id: m.target.districtId,
          value: m.value,
          as_of: m.asOf,
          evidence_text: m.evidenceText,
          evidence_url: m.evidenceUrl,
          reporter_user_id: user.id,
          reporter_name: user.displayName,
          created_at: at,
        })),
        INSERT_CHUNK,
      );
      touched({ commitmentIds: [...new Set(check.matched.map((m) => m.commitmentId))] });
    },
  });
  return { imported: check.matched.length, skippedRows: parsed.skippedRows, errors: [] };
}
