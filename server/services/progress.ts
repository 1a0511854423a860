/**
 * Recording progress: a cumulative value for one target (a district, or the city) as of a date,
 * with evidence. Append-only: a correction is a new entry that supersedes the old one, with its reason.
 */
import { createHash } from 'node:crypto';
import path from 'node:path';
import { TRPCError } from '@trpc/server';
import type { Kysely, Transaction } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import { ATTACHMENT_MAX_BYTES } from '../../shared/schemas/progress';
import { asOfProblem, describeAsOfProblem } from '../domain/progress-dates';
import { recordAudit } from '../repositories/audit';
import { assertMayReportFor } from './access';
import { markOutcomesStale } from './outcome-tallies';

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
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: '附件只支持 PDF、图片(JPG/PNG)、Word、Excel 或文本文件。',
    });
  }
  const content = new Uint8Array(Buffer.from(attachment.contentBase64, 'base64'));
  if (content.byteLength === 0) throw new TRPCError({ code: 'BAD_REQUEST', message: '附件为空。' });
  if (content.byteLength > ATTACHMENT_MAX_BYTES) {
    throw new TRPCError({
      code: 'PAYLOAD_TOO_LARGE',
      message: `附件过大(上限 ${ATTACHMENT_MAX_BYTES / 1024 / 1024} MB)。`,
    });
  }
  // Kept in the database, not on local disk, so several server processes see the same files.
  const row = await trx
    .insertInto('attachments')
    .values({
      file_name: attachment.fileName,
      mime_type: mime,
      byte_size: content.byteLength,
      sha256: createHash('sha256').update(content).digest('hex'),
      content,
      created_at: at,
    })
    .returning('id')
    .executeTakeFirstOrThrow();
  return row.id;
}

async function checkTarget(trx: Trx, input: ProgressInput, today: string) {
  const commitment = await trx
    .selectFrom('commitments')
    .innerJoin('letters', 'letters.id', 'commitments.letter_id')
    .select(['commitments.id', 'letter_id', 'kind', 'review_status', 'withdrawn_at', 'letters.letter_date'])
    .where('commitments.id', '=', input.commitmentId)
    .executeTakeFirst();
  if (!commitment)
    throw new TRPCError({ code: 'NOT_FOUND', message: `找不到编号为 ${input.commitmentId} 的承诺事项。` });
  if (commitment.kind !== 'quantified') {
    throw new TRPCError({ code: 'BAD_REQUEST', message: '节点事项没有数值目标,请标记“已完成/未完成”。' });
  }
  if (commitment.review_status !== 'confirmed') {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: '该承诺事项尚未核实,核实后才能填报进度。' });
  }
  if (commitment.withdrawn_at) {
    throw new TRPCError({ code: 'PRECONDITION_FAILED', message: '该承诺事项已取消,不再填报进度。' });
  }
  const dateProblem = asOfProblem(input.asOf, { letterDate: commitment.letter_date, today });
  if (dateProblem)
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message: `截至日期 ${describeAsOfProblem(input.asOf, dateProblem)}。`,
    });
  const targets = await trx
    .selectFrom('commitment_targets')
    .select('district_id')
    .where('commitment_id', '=', input.commitmentId)
    .execute();
  const known = targets.some((t) => t.district_id === input.districtId);
  // A commitment the gazetteer could not break down is reported for the city as a whole.
  if (!known && !(targets.length === 0 && input.districtId === null)) {
    throw new TRPCError({
      code: 'BAD_REQUEST',
      message:
        input.districtId === null
          ? '该承诺已分解到各区,请按区填报。'
          : '该承诺在所选的区没有目标,请选择有目标的区。',
    });
  }
  return commitment;
}

export async function recordProgress(
  db: Kysely<Database>,
  user: SessionUser,
  input: ProgressInput,
  now = new Date(),
) {
  return db.transaction().execute(async (trx) => {
    const at = now.toISOString();
    const commitment = await checkTarget(trx, input, at.slice(0, 10));
    await assertMayReportFor(trx, user, commitment.letter_id);
    return insertEntry(trx, user, input, { supersedesId: null, reason: null }, at);
  });
}

async function insertEntry(
  trx: Trx,
  user: SessionUser,
  input: ProgressInput,
  correction: { supersedesId: number | null; reason: string | null },
  at: string,
) {
  const attachmentId = input.attachment ? await storeAttachment(trx, input.attachment, at) : null;
  const row = await trx
    .insertInto('progress_updates')
    .values({
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
    })
    .returningAll()
    .executeTakeFirstOrThrow();
  await markOutcomesStale(trx, { commitmentIds: [input.commitmentId] });
  await recordAudit(
    trx,
    {
      actor: user.displayName,
      userId: user.id,
      action: correction.supersedesId ? 'progress.correct' : 'progress.record',
      entity: 'progress_update',
      entityId: row.id,
      after: { ...row, attachment_id: attachmentId },
    },
    at,
  );
  return row;
}

export async function correctProgress(
  db: Kysely<Database>,
  user: SessionUser,
  input: EvidenceInput & { supersedesId: number; value: number; asOf: string; reason: string },
  now = new Date(),
) {
  try {
    return await db.transaction().execute(async (trx) => {
      const at = now.toISOString();
      const old = await trx
        .selectFrom('progress_updates')
        .select(['id', 'commitment_id', 'district_id'])
        .where('id', '=', input.supersedesId)
        .executeTakeFirst();
      if (!old)
        throw new TRPCError({
          code: 'NOT_FOUND',
          message: `找不到编号为 ${input.supersedesId} 的进度记录。`,
        });
      const replaced = await trx
        .selectFrom('progress_updates')
        .select('id')
        .where('supersedes_id', '=', old.id)
        .executeTakeFirst();
      if (replaced) throw alreadyCorrected();
      const entry = { ...input, commitmentId: old.commitment_id, districtId: old.district_id };
      const commitment = await checkTarget(trx, entry, at.slice(0, 10));
      await assertMayReportFor(trx, user, commitment.letter_id);
      return insertEntry(trx, user, entry, { supersedesId: old.id, reason: input.reason }, at);
    });
  } catch (error) {
    // The unique index on supersedes_id refuses the second of two concurrent corrections.
    if (!(error instanceof TRPCError) && /unique|UNIQUE/.test(String(error))) throw alreadyCorrected();
    throw error;
  }
}

const alreadyCorrected = () =>
  new TRPCError({ code: 'CONFLICT', message: '这条进度记录已被更正过,请在最新的记录上更正。' });
