/** The review queue (待核实) and the office's decisions on extracted commitments. */
import {
  AddCommitmentSchema,
  AddMilestoneSchema,
  ConfirmSchema,
  CorrectSchema,
  QualityInputSchema,
  RejectSchema,
} from '../../shared/schemas/review';
import { listCommitments } from '../repositories/commitments';
import { extractionQuality } from '../services/extraction-quality';
import { addCommitment, confirmCommitment, correctCommitment, rejectCommitment } from '../services/review';
import { officeProcedure, readProcedure, router } from '../trpc';

export const reviewRouter = router({
  /** What waits for review, grouped by letter; the count is public so the backlog is visible. */
  queue: readProcedure.query(async ({ ctx }) => {
    const waiting = await listCommitments(ctx.db, { reviewStatus: 'unverified' });
    const letters = new Map<
      number,
      { letterId: number; agency: string | null; letterDate: string | null; waiting: number }
    >();
    for (const item of waiting) {
      const entry = letters.get(item.letterId) ?? {
        letterId: item.letterId,
        agency: item.agency,
        letterDate: item.letterDate,
        waiting: 0,
      };
      entry.waiting += 1;
      letters.set(item.letterId, entry);
    }
    return { waiting: waiting.length, letters: [...letters.values()], items: waiting };
  }),
  confirm: officeProcedure
    .input(ConfirmSchema)
    .mutation(({ ctx, input }) => confirmCommitment(ctx.db, ctx.user, input, ctx.clock)),
  correct: officeProcedure
    .input(CorrectSchema)
    .mutation(({ ctx, input }) => correctCommitment(ctx.db, ctx.user, input, ctx.clock)),
  reject: officeProcedure
    .input(RejectSchema)
    .mutation(({ ctx, input }) => rejectCommitment(ctx.db, ctx.user, input, ctx.clock)),
  addCommitment: officeProcedure
    .input(AddCommitmentSchema)
    .mutation(({ ctx, input }) => addCommitment(ctx.db, ctx.user, input, ctx.clock)),
  /** The office's decisions as ground truth: the extractor's real precision and recall (识别质量). */
  quality: officeProcedure
    .input(QualityInputSchema)
    .query(({ ctx, input }) => extractionQuality(ctx.db, input?.year)),
  addMilestone: officeProcedure
    .input(AddMilestoneSchema)
    .mutation(({ ctx, input }) =>
      addCommitment(ctx.db, ctx.user, { ...input, kind: 'milestone' }, ctx.clock),
    ),
});
