/** Commitments (承诺事项): the quantified promises found in letters, with targets and progress. */
import { TRPCError } from '@trpc/server';
import { CommitmentIdSchema, CommitmentListSchema } from '../../shared/schemas/commitments';
import { findCommitment, listCommitments, listProgress, listTargets } from '../repositories/commitments';
import { readProcedure, router } from '../trpc';

export const commitmentsRouter = router({
  list: readProcedure.input(CommitmentListSchema).query(({ ctx, input }) => listCommitments(ctx.db, input)),

  byId: readProcedure.input(CommitmentIdSchema).query(async ({ ctx, input }) => {
    const commitment = await findCommitment(ctx.db, input.id);
    if (!commitment)
      throw new TRPCError({ code: 'NOT_FOUND', message: `找不到编号为 ${input.id} 的承诺事项。` });
    const [targets, progress] = await Promise.all([
      listTargets(ctx.db, [input.id]),
      listProgress(ctx.db, { includeDemo: ctx.showDemo, commitmentIds: [input.id] }),
    ]);
    return { ...commitment, targets, progress: progress.map((p) => ({ ...p, isDemo: p.isDemo === 1 })) };
  }),
});
