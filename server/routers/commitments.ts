/** Commitments (承诺事项): the promises found in letters, with status, targets, progress, follow-ups. */
import { TRPCError } from '@trpc/server';
import { CommitmentIdSchema, CommitmentListSchema } from '../../shared/schemas/commitments';
import { findCommitment, listCommitments, listProgress, listTargets } from '../repositories/commitments';
import { listFollowUps } from '../repositories/suggestions';
import { attachStatuses, withStatuses } from '../services/statuses';
import { districtsForCommitment } from '../services/targets';
import { readProcedure, router } from '../trpc';

export const commitmentsRouter = router({
  list: readProcedure
    .input(CommitmentListSchema)
    .query(async ({ ctx, input }) =>
      withStatuses(ctx.db, await listCommitments(ctx.db, input), { includeDemo: ctx.showDemo }),
    ),

  byId: readProcedure.input(CommitmentIdSchema).query(async ({ ctx, input }) => {
    const commitment = await findCommitment(ctx.db, input.id);
    if (!commitment)
      throw new TRPCError({ code: 'NOT_FOUND', message: `找不到编号为 ${input.id} 的承诺事项。` });
    const [targets, progress, followUps, districts] = await Promise.all([
      listTargets(ctx.db, { commitmentIds: [input.id] }),
      listProgress(ctx.db, { includeDemo: ctx.showDemo, commitmentIds: [input.id] }),
      listFollowUps(ctx.db, input.id),
      districtsForCommitment(ctx.db, input.id),
    ]);
    // one row in, one row out
    const tracked = attachStatuses([commitment], targets, progress)[0]!;
    const supersededBy = new Map(
      progress.flatMap((p) => (p.supersedesId === null ? [] : [[p.supersedesId, p.id]])),
    );
    return {
      ...commitment,
      ...tracked,
      targets,
      followUps,
      /** the letter's city districts in its year: where a city-wide target can be split */
      districts: districts.map((d) => ({ id: d.id, name: d.name })),
      progress: progress.map((p) => ({
        ...p,
        isDemo: p.isDemo === 1,
        supersededBy: supersededBy.get(p.id) ?? null,
      })),
    };
  }),
});
