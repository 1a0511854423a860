/**
 * The review queue (待核实): the office confirms, corrects, rejects, or adds what the extractor
 * missed. Every change is audited with the row before and after; only confirmed items count.
 */
import type { Kysely, Transaction } from 'kysely';
import type { CommitmentRow, Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import type { Clock } from '../../shared/clock';
import type {
  AddCommitmentInput,
  ConfirmInput,
  CorrectInput,
  RejectInput,
} from '../../shared/schemas/review';
import { Invalid, notFound, PreconditionFailed } from '../domain/errors';
import {
  commitmentColumns,
  findCommitmentRow,
  insertCommitment,
  toCommitment,
  updateCommitment,
} from '../repositories/commitment-rows';
import { findLetterText } from '../repositories/letters';
import { assertMayReportFor } from './access';
import { claimVersion } from './commitment-version';
import { recordAddition, recordVerdict } from './review-outcomes';
import { reallocateTargets } from './targets';
import { type Door, runWrite, userActor } from './write';

type Trx = Transaction<Database>;

async function loadForUpdate(trx: Trx, id: number): Promise<CommitmentRow> {
  const row = await findCommitmentRow(trx, id);
  if (!row) throw notFound('commitment', id);
  return row;
}

async function letterText(trx: Trx, letterId: number): Promise<string> {
  const letter = await findLetterText(trx, letterId);
  if (!letter) throw notFound('letter', letterId);
  return letter.text;
}

function quoteOf(text: string, start: number, end: number): string {
  if (end > text.length) {
    throw new Invalid('review.spanOutside', '所选原文超出了答复函的范围,请重新选择。');
  }
  const quote = text.slice(start, end);
  if (!quote.trim()) throw new Invalid('review.spanEmpty', '所选原文为空,请重新选择。');
  return quote;
}

/**
 * A change to one commitment through the door, audited with the row before and after. `ownAgency`:
 * an agency clerk may make it only on a commitment of a reply their agency answers for. `version`:
 * the one the caller's page showed; a stale one is refused before anything is written.
 */
async function audited(
  db: Kysely<Database>,
  user: SessionUser,
  action: string,
  id: number,
  change: (trx: Trx, before: CommitmentRow, door: Door) => Promise<void>,
  options: { ownAgency?: boolean; version: number; clock: Clock; verdict?: boolean },
) {
  let before: CommitmentRow | undefined;
  return runWrite(db, {
    actor: userActor(user),
    clock: options.clock,
    action,
    entity: 'commitment',
    entityId: id,
    authorize: async (trx) => {
      const found = await loadForUpdate(trx, id);
      if (options.ownAgency) await assertMayReportFor(trx, user, found.letter_id);
      await claimVersion(trx, id, options.version, options.clock);
      // read again once the row is held: a writer that committed while this one waited changed it
      before = await loadForUpdate(trx, id);
    },
    before: async () => before,
    write: async (door) => {
      const { trx, touched } = door;
      if (!before) throw new Error('authorize loads the commitment first');
      await change(trx, before, door);
      touched({ commitmentIds: [id] });
      const after = await loadForUpdate(trx, id);
      if (options.verdict) await recordVerdict(door, before, after);
      return after;
    },
    // the audit keeps the stored row; the caller gets the commitment in the reads' names
  }).then(toCommitment);
}

export function confirmCommitment(
  db: Kysely<Database>,
  user: SessionUser,
  input: ConfirmInput,
  clock: Clock,
) {
  const { id, note, version } = input;
  return audited(
    db,
    user,
    'commitment.confirm',
    id,
    async (trx, _before, { at }) => {
      await updateCommitment(trx, id, {
        review_status: 'confirmed',
        review_note: note ?? null,
        reviewed_by: user.id,
        reviewed_at: at,
        updated_at: at,
      });
    },
    { version, clock, verdict: true },
  );
}

export function rejectCommitment(db: Kysely<Database>, user: SessionUser, input: RejectInput, clock: Clock) {
  const { id, reason, version } = input;
  return audited(
    db,
    user,
    'commitment.reject',
    id,
    async (trx, _before, { at }) => {
      await updateCommitment(trx, id, {
        review_status: 'rejected',
        review_note: reason,
        reviewed_by: user.id,
        reviewed_at: at,
        updated_at: at,
      });
    },
    { version, clock, verdict: true },
  );
}

/** A correction is also a confirmation: the reviewer has read the sentence and fixed what was wrong. */
export function correctCommitment(
  db: Kysely<Database>,
  user: SessionUser,
  input: CorrectInput,
  clock: Clock,
) {
  return audited(
    db,
    user,
    'commitment.correct',
    input.id,
    async (trx, before, { at }) => {
      const quote = quoteOf(await letterText(trx, before.letter_id), input.start, input.end);
      const quantified = before.kind === 'quantified';
      await updateCommitment(trx, input.id, {
        ...commitmentColumns({ ...input, quote }, quantified ? input : null),
        section: input.section ?? before.section,
        review_status: 'confirmed',
        review_note: input.note ?? null,
        reviewed_by: user.id,
        reviewed_at: at,
        updated_at: at,
      });
      const targetChanged =
        before.target_min !== input.min || before.target_max !== input.max || before.per_scope !== input.per;
      if (quantified && targetChanged) {
        await reallocateTargets(trx, input.id, { min: input.min, max: input.max, per: input.per }, at);
      }
    },
    { version: input.version, clock, verdict: true },
  );
}

export async function addCommitment(
  db: Kysely<Database>,
  user: SessionUser,
  input:
    | AddCommitmentInput
    | (Omit<AddCommitmentInput, 'min' | 'max' | 'unit' | 'object' | 'per'> & { kind: 'milestone' }),
  clock: Clock,
) {
  return runWrite(db, {
    actor: userActor(user),
    clock,
    action: 'commitment.add',
    entity: 'commitment',
    entityId: (row: CommitmentRow) => row.id,
    write: async (door) => {
      const { trx, at, touched } = door;
      const quote = quoteOf(await letterText(trx, input.letterId), input.start, input.end);
      const quantified = !('kind' in input);
      const row = await insertCommitment(trx, {
        letter_id: input.letterId,
        kind: quantified ? 'quantified' : 'milestone',
        ...commitmentColumns({ ...input, quote }, quantified ? input : null),
        section: input.section ?? null,
        origin: 'manual',
        review_status: 'confirmed',
        reviewed_by: user.id,
        reviewed_at: at,
        created_at: at,
        updated_at: at,
      });
      if (quantified)
        await reallocateTargets(trx, row.id, { min: input.min, max: input.max, per: input.per }, at);
      touched({ commitmentIds: [row.id] });
      await recordAddition(door, row);
      return row;
    },
  }).then(toCommitment);
}

export function withdrawCommitment(
  db: Kysely<Database>,
  user: SessionUser,
  input: {
    id: number;
    reasonCode: CommitmentRow['reason_code'] & string;
    reasonText?: string | undefined;
    version: number;
  },
  clock: Clock,
) {
  return audited(
    db,
    user,
    'commitment.withdraw',
    input.id,
    async (trx, before, { at }) => {
      if (before.review_status !== 'confirmed') {
        throw new PreconditionFailed('review.withdrawUnconfirmed', '只有已核实的承诺事项才能取消。');
      }
      await updateCommitment(trx, input.id, {
        withdrawn_at: at,
        reason_code: input.reasonCode,
        reason_text: input.reasonText ?? null,
        updated_at: at,
      });
    },
    { version: input.version, clock },
  );
}

/** Why a promise was not kept (逾期未完成): a reason code the scorecards count. */
export function explainOutcome(
  db: Kysely<Database>,
  user: SessionUser,
  input: {
    id: number;
    reasonCode: CommitmentRow['reason_code'] & string;
    reasonText?: string | undefined;
    version: number;
  },
  clock: Clock,
) {
  return audited(
    db,
    user,
    'commitment.outcome_reason',
    input.id,
    async (trx, _before, { at }) => {
      await updateCommitment(trx, input.id, {
        reason_code: input.reasonCode,
        reason_text: input.reasonText ?? null,
        updated_at: at,
      });
    },
    { ownAgency: true, version: input.version, clock },
  );
}

export function setMilestoneState(
  db: Kysely<Database>,
  user: SessionUser,
  input: {
    id: number;
    state: 'open' | 'done' | 'not_done';
    doneOn?: string | undefined;
    version: number;
  },
  clock: Clock,
) {
  return audited(
    db,
    user,
    'milestone.state',
    input.id,
    async (trx, before, { at, today }) => {
      if (before.kind !== 'milestone') {
        throw new Invalid('review.notMilestone', '这是量化承诺,请填报进度数值而不是标记完成。');
      }
      await updateCommitment(trx, input.id, {
        milestone_state: input.state,
        milestone_done_on: input.state === 'done' ? (input.doneOn ?? today) : null,
        updated_at: at,
      });
    },
    { ownAgency: true, version: input.version, clock },
  );
}
