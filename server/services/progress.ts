/**
 * Recording progress: a cumulative value for one target (a district, or the city) as of a date,
 * with evidence. Append-only: a correction is a new entry that supersedes the old one, with its reason.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import type { Kysely, Transaction } from 'kysely';
import type { Database, ProgressUpdateRow } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import type { Clock } from '../../shared/clock';
import { ATTACHMENT_MAX_BYTES } from '../../shared/schemas/progress';
import { Conflict, Invalid, notFound, PreconditionFailed, TooLarge } from '../domain/errors';
import { asOfProblem, describeAsOfProblem } from '../domain/progress-dates';
import type { ProgressEntry } from '../domain/progress-summary';
import {
  findCorrectionOf,
  findProgressEntry,
  findProgressSubject,
  insertAttachment,
  insertProgressEntry,
  targetDistrictsOf,
  toProgressEntry,
} from '../repositories/progress-entries';
import { isUniqueViolation } from '../repositories/unique-violation';
import { assertMayReportFor } from './access';
import { type Door, runWrite, userActor } from './write';

type Trx = Transaction<Database>;

export interface EvidenceInput {
  evidenceText?: string | undefined;
  evidenceUrl?: string | undefined;
  attachment?: { fileName: string; contentBase64: string } | undefined;
}

export interface ProgressInput extends EvidenceInput {
  commitmentId: number;
  districtId: number | null;
  value: number;
  asOf: string;
}

const MIME_TYPES: Record<string, string> = {
  '.pdf': 'application/pdf',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.png': 'image/png',
  '.doc': 'application/msword',
  '.docx': 'application/vnd.openxmlformats-officedocument.wordprocessingml.document',
  '.xls': 'application/vnd.ms-excel',
  '.xlsx': 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  '.txt': 'text/plain; charset=utf-8',
};

async function storeAttachment(trx: Trx, attachment: NonNullable<EvidenceInput['attachment']>, at: string) {
  const extension = path.extname(attachment.fileName).toLowerCase();
  const mime = MIME_TYPES[extension];
  if (!mime) {
    throw new Invalid('attachment.type', '附件只支持 PDF、图片(JPG/PNG)、Word、Excel 或文本文件。');
  }
  const content = new Uint8Array(Buffer.from(attachment.contentBase64, 'base64'));
  if (content.byteLength === 0) throw new Invalid('attachment.empty', '附件为空。');
  if (content.byteLength > ATTACHMENT_MAX_BYTES) {
    throw new TooLarge('attachment.tooLarge', `附件过大(上限 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB)。`);
  }
  // Kept in the database, not on local disk, so several server processes see the same files.
  return insertAttachment(trx, {
    fileName: attachment.fileName,
    mimeType: mime,
    sha256: createHash('sha256').update(content).digest('hex'),
    content,
    at,
  });
}

async function checkTarget(trx: Trx, input: ProgressInput, today: string) {
  const commitment = await findProgressSubject(trx, input.commitmentId);
  if (!commitment) throw notFound('commitment', input.commitmentId);
  if (commitment.kind !== 'quantified') {
    throw new Invalid('progress.milestone', '节点事项没有数值目标,请标记“已完成/未完成”。');
  }
  if (commitment.review_status !== 'confirmed') {
    throw new PreconditionFailed('progress.unconfirmed', '该承诺事项尚未核实,核实后才能填报进度。');
  }
  if (commitment.withdrawn_at) {
    throw new PreconditionFailed('progress.withdrawn', '该承诺事项已取消,不再填报进度。');
  }
  const dateProblem = asOfProblem(input.asOf, { letterDate: commitment.letter_date, today });
  if (dateProblem)
    throw new Invalid('progress.asOf', `截至日期 ${describeAsOfProblem(input.asOf, dateProblem)}。`);
  const targets = await targetDistrictsOf(trx, input.commitmentId);
  const known = targets.some((t) => t.district_id === input.districtId);
  // A commitment the gazetteer could not break down is reported for the city as a whole.
  if (!known && !(targets.length === 0 && input.districtId === null)) {
    throw input.districtId === null
      ? new Invalid('progress.byDistrict', '该承诺已分解到各区,请按区填报。')
      : new Invalid('progress.noTargetInDistrict', '该承诺在所选的区没有目标,请选择有目标的区。');
  }
  return commitment;
}

export async function recordProgress(
  db: Kysely<Database>,
  user: SessionUser,
  input: ProgressInput,
  clock: Clock,
): Promise<ProgressEntry> {
  const now = clock.now();
  // the audit keeps the stored row; the caller gets the entry in the domain's words
  const row = await runWrite(db, {
    actor: userActor(user),
    action: 'progress.record',
    entity: 'progress_update',
    entityId: (row: ProgressUpdateRow) => row.id,
    now,
    clock,
    authorize: async (trx) => {
      const commitment = await checkTarget(trx, input, clock.dateOf(now));
      await assertMayReportFor(trx, user, commitment.letter_id);
    },
    write: (door) => insertEntry(door, user, input, { supersedesId: null, reason: null }),
  });
  return toProgressEntry(row);
}

async function insertEntry(
  { trx, at, touched }: Door,
  user: SessionUser,
  input: ProgressInput,
  correction: { supersedesId: number | null; reason: string | null },
) {
  const attachmentId = input.attachment ? await storeAttachment(trx, input.attachment, at) : null;
  const row = await insertProgressEntry(trx, {
    commitment_id: input.commitmentId,
    district_id: input.districtId,
    value: input.value,
    as_of: input.asOf,
    evidence_text: input.evidenceText ?? null,
    evidence_url: input.evidenceUrl ?? null,
    attachment_id: attachmentId,
    reporter_user_id: user.id,
    reporter_name: user.displayName,
    supersedes_id: correction.supersedesId,
    correction_reason: correction.reason,
    created_at: at,
  });
  touched({ commitmentIds: [input.commitmentId] });
  return row;
}

export async function correctProgress(
  db: Kysely<Database>,
  user: SessionUser,
  input: EvidenceInput & { supersedesId: number; value: number; asOf: string; reason: string },
  clock: Clock,
): Promise<ProgressEntry> {
  const now = clock.now();
  try {
    let entry: ProgressInput | undefined;
    const row = await runWrite(db, {
      actor: userActor(user),
      action: 'progress.correct',
      entity: 'progress_update',
      entityId: (row: ProgressUpdateRow) => row.id,
      now,
      clock,
      authorize: async (trx) => {
        const old = await findProgressEntry(trx, input.supersedesId);
        if (!old) throw notFound('progress', input.supersedesId);
        const replaced = await findCorrectionOf(trx, old.id);
        if (replaced) throw alreadyCorrected();
        entry = { ...input, commitmentId: old.commitment_id, districtId: old.district_id };
        const commitment = await checkTarget(trx, entry, clock.dateOf(now));
        await assertMayReportFor(trx, user, commitment.letter_id);
      },
      write: (door) => {
        if (!entry) throw new Error('authorize finds the entry first');
        return insertEntry(door, user, entry, { supersedesId: input.supersedesId, reason: input.reason });
      },
    });
    return toProgressEntry(row);
  } catch (error) {
    // The unique index on supersedes_id refuses the second of two concurrent corrections.
    if (isUniqueViolation(error)) throw alreadyCorrected();
    throw error;
  }
}

const alreadyCorrected = () =>
  new Conflict('progress.alreadyCorrected', '这条进度记录已被更正过,请在最新的记录上更正。');
