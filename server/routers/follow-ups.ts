/** 督办: the office asks for action on a commitment by a date; the responsible agency answers. */
import { CommitmentIdSchema } from '../../shared/schemas/commitments';
import { AnswerFollowUpSchema, CreateFollowUpSchema } from '../../shared/schemas/supervision';
import { listFollowUps } from '../repositories/suggestions';
import { answerFollowUp, createFollowUp } from '../services/supervision';
import { clerkProcedure, officeProcedure, readProcedure, router } from '../trpc';

export const followUpsRouter = router({
  list: readProcedure.input(CommitmentIdSchema).query(({ ctx, input }) => listFollowUps(ctx.db, input.id)),

  create: officeProcedure
    .input(CreateFollowUpSchema)
    .mutation(({ ctx, input }) => createFollowUp(ctx.db, ctx.user, input, ctx.clock)),

  answer: clerkProcedure
    .input(AnswerFollowUpSchema)
    .mutation(({ ctx, input }) => answerFollowUp(ctx.db, ctx.user, input, ctx.clock)),
});
