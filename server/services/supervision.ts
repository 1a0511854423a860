/**
 * The office's supervision writes and the deputies' verdicts: handlers and co-signing deputies of
 * a suggestion, satisfaction ratings, follow-ups (督办) and the agencies' answers. Each one is a
 * single pass through the write door.
 */
import type { Kysely } from 'kysely';
import type { Database } from '../../db/schema';
import type { SessionUser } from '../../shared/auth';
import type { Clock } from '../../shared/clock';
import { Conflict, Invalid, notFound } from '../domain/errors';
import { ensureAgency, ensureDeputy } from '../repositories/parties';
import {
  commitmentExists,
  findFollowUp,
  insertFollowUp,
  insertHandler,
  insertRating,
  isHandler,
  letterExists,
  linkDeputy,
  answerFollowUp as storeAnswer,
  suggestionExists,
  toFollowUp,
  toRating,
} from '../repositories/suggestions';
import { assertMayRate, assertMayReportFor } from './access';
import { runWrite, userActor } from './write';

async function mustExist(found: Promise<boolean>, missing: () => Error) {
  if (!(await found)) throw missing();
}

export function addHandler(
  db: Kysely<Database>,
  user: SessionUser,
  input: { suggestionId: number; agencyName: string; role: 'lead' | 'co' },
  clock: Clock,
) {
  return runWrite(db, {
    actor: userActor(user),
    clock,
    action: 'suggestion.add_handler',
    entity: 'suggestion',
    entityId: input.suggestionId,
    after: () => input,
    authorize: (trx) =>
      mustExist(suggestionExists(trx, input.suggestionId), () => notFound('suggestion', input.suggestionId)),
    write: async ({ trx, at }) => {
      const agencyId = await ensureAgency(trx, input.agencyName, at);
      if (await isHandler(trx, input.suggestionId, agencyId))
        throw new Conflict('suggestion.handlerTwice', `${input.agencyName} 已是该建议的承办单位。`);
      await insertHandler(trx, { suggestionId: input.suggestionId, agencyId, role: input.role });
      return { agencyId };
    },
  });
}

export function addDeputy(
  db: Kysely<Database>,
  user: SessionUser,
  input: { suggestionId: number; deputyName: string },
  clock: Clock,
) {
  return runWrite(db, {
    actor: userActor(user),
    clock,
    action: 'suggestion.add_deputy',
    entity: 'suggestion',
    entityId: input.suggestionId,
    after: () => input,
    authorize: (trx) =>
      mustExist(suggestionExists(trx, input.suggestionId), () => notFound('suggestion', input.suggestionId)),
    write: async ({ trx, at }) => {
      const deputyId = await ensureDeputy(trx, input.deputyName, at);
      await linkDeputy(trx, input.suggestionId, deputyId);
      return { deputyId };
    },
  });
}

/** The deputy's verdict on a reply; a later verdict by the deputy or the office replaces it, history kept. */
export function rateReply(
  db: Kysely<Database>,
  user: SessionUser,
  input: { letterId: number; level: 'satisfied' | 'basically' | 'unsatisfied'; comment?: string | undefined },
  clock: Clock,
) {
  return runWrite(db, {
    actor: userActor(user),
    clock,
    action: 'letter.rate',
    entity: 'letter',
    entityId: input.letterId,
    authorize: async (trx) => {
      await mustExist(letterExists(trx, input.letterId), () => notFound('letter', input.letterId));
      await assertMayRate(trx, user, input.letterId);
    },
    write: ({ trx, at }) =>
      insertRating(
        trx,
        { letterId: input.letterId, level: input.level, comment: input.comment ?? null },
        user.id,
        at,
      ),
  }).then(toRating);
}

export function createFollowUp(
  db: Kysely<Database>,
  user: SessionUser,
  input: { commitmentId: number; request: string; dueDate?: string | undefined },
  clock: Clock,
) {
  const now = clock.now();
  return runWrite(db, {
    actor: userActor(user),
    action: 'follow_up.create',
    entity: 'follow_up',
    entityId: (row: { id: number }) => row.id,
    now,
    clock,
    authorize: async (trx) => {
      await mustExist(commitmentExists(trx, input.commitmentId), () =>
        notFound('commitment', input.commitmentId),
      );
      if (input.dueDate && input.dueDate < clock.dateOf(now))
        throw new Invalid('followUp.pastDue', '办理期限不能早于今天。');
    },
    write: ({ trx, at }) =>
      insertFollowUp(
        trx,
        { commitmentId: input.commitmentId, request: input.request, dueDate: input.dueDate ?? null },
        user.id,
        at,
      ),
  }).then(toFollowUp);
}

const answeredBefore = () =>
  new Conflict('followUp.answered', '该督办事项已经答复;如需补充,请督查室另发督办。');

export function answerFollowUp(
  db: Kysely<Database>,
  user: SessionUser,
  input: { id: number; response: string },
  clock: Clock,
) {
  return runWrite(db, {
    actor: userActor(user),
    clock,
    action: 'follow_up.answer',
    entity: 'follow_up',
    entityId: input.id,
    after: () => input,
    authorize: async (trx) => {
      const followUp = await findFollowUp(trx, input.id);
      if (!followUp) throw notFound('followUp', input.id);
      await assertMayReportFor(trx, user, followUp.letterId);
      if (followUp.response !== null) throw answeredBefore();
    },
    write: async ({ trx, at }) => {
      // Two clerks answering at once: the second finds the answer there and is told so.
      if (!(await storeAnswer(trx, input.id, { response: input.response, respondedBy: user.id }, at)))
        throw answeredBefore();
      return { id: input.id, respondedAt: at };
    },
  });
}
