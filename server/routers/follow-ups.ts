/** 督办: the office asks for action on a commitment by a date; the responsible agency answers. */
import { TRPCError } from '@trpc/server';
import { CommitmentIdSchema } from '../../shared/schemas/commitments';
import { AnswerFollowUpSchema, CreateFollowUpSchema } from '../../shared/schemas/supervision';
import { notFound } from '../domain/errors';
import { recordAudit } from '../repositories/audit';
import { listFollowUps } from '../repositories/suggestions';
import { assertMayReportFor } from '../services/access';
import { clerkProcedure, officeProcedure, readProcedure, router } from '../trpc';

export const followUpsRouter = router({
  list: readProcedure.input(CommitmentIdSchema).query(({ ctx, input }) => listFollowUps(ctx.db, input.id)),

  create: officeProcedure.input(CreateFollowUpSchema).mutation(async ({ ctx, input }) => {
    const commitment = await ctx.db
      .selectFrom('commitments')
      .select('id')
      .where('id', '=', input.commitmentId)
      .executeTakeFirst();
    if (!commitment) throw notFound('commitment', input.commitmentId);
    const at = new Date().toISOString();
    if (input.dueDate && input.dueDate < at.slice(0, 10)) {
      throw new TRPCError({ code: 'BAD_REQUEST', message: '办理期限不能早于今天。' });
    }
    return ctx.db.transaction().execute(async (trx) => {
      const row = await trx
        .insertInto('follow_ups')
        .values({
          commitment_id: input.commitmentId,
          request: input.request,
          due_date: input.dueDate ?? null,
          requested_by: ctx.user.id,
          created_at: at,
        })
        .returningAll()
        .executeTakeFirstOrThrow();
      await recordAudit(
        trx,
        {
          actor: ctx.user.displayName,
          userId: ctx.user.id,
          action: 'follow_up.create',
          entity: 'follow_up',
          entityId: row.id,
          after: row,
        },
        at,
      );
      return row;
    });
  }),

  answer: clerkProcedure.input(AnswerFollowUpSchema).mutation(async ({ ctx, input }) => {
    return ctx.db.transaction().execute(async (trx) => {
      const followUp = await trx
        .selectFrom('follow_ups')
        .innerJoin('commitments', 'commitments.id', 'follow_ups.commitment_id')
        .select(['follow_ups.id', 'follow_ups.response', 'commitments.letter_id'])
        .where('follow_ups.id', '=', input.id)
        .executeTakeFirst();
      if (!followUp) throw notFound('followUp', input.id);
      await assertMayReportFor(trx, ctx.user, followUp.letter_id);
      if (followUp.response !== null) {
        throw new TRPCError({ code: 'CONFLICT', message: '该督办事项已经答复;如需补充,请督查室另发督办。' });
      }
      const at = new Date().toISOString();
      await trx
        .updateTable('follow_ups')
        .set({ response: input.response, responded_by: ctx.user.id, responded_at: at })
        .where('id', '=', input.id)
        .where('response', 'is', null)
        .execute();
      await recordAudit(
        trx,
        {
          actor: ctx.user.displayName,
          userId: ctx.user.id,
          action: 'follow_up.answer',
          entity: 'follow_up',
          entityId: input.id,
          after: input,
        },
        at,
      );
      return { id: input.id, respondedAt: at };
    });
  }),
});
