/** Progress updates with evidence, corrections, withdrawal, milestone states, not-kept reasons. */
import {
  CorrectProgressSchema,
  ImportSheetSchema,
  MilestoneStateSchema,
  OutcomeReasonSchema,
  RecordProgressSchema,
  WithdrawSchema,
} from '../../shared/schemas/progress';
import { correctProgress, recordProgress } from '../services/progress';
import { importProgressSheet } from '../services/progress-sheets';
import { explainOutcome, setMilestoneState, withdrawCommitment } from '../services/review';
import { clerkProcedure, officeProcedure, router } from '../trpc';

export const progressRouter = router({
  record: clerkProcedure
    .input(RecordProgressSchema)
    .mutation(({ ctx, input }) => recordProgress(ctx.db, ctx.user, input, ctx.clock)),
  correct: clerkProcedure
    .input(CorrectProgressSchema)
    .mutation(({ ctx, input }) => correctProgress(ctx.db, ctx.user, input, ctx.clock)),
  /** A filled-in export: every row checked, nothing written unless all are right. */
  importSheet: clerkProcedure
    .input(ImportSheetSchema)
    .mutation(({ ctx, input }) =>
      importProgressSheet(
        ctx.db,
        ctx.user,
        { fileName: input.fileName, bytes: new Uint8Array(Buffer.from(input.contentBase64, 'base64')) },
        { includeDemo: ctx.showDemo, clock: ctx.clock },
      ),
    ),
  withdraw: officeProcedure
    .input(WithdrawSchema)
    .mutation(({ ctx, input }) => withdrawCommitment(ctx.db, ctx.user, input, ctx.clock)),
  explainOutcome: clerkProcedure
    .input(OutcomeReasonSchema)
    .mutation(({ ctx, input }) => explainOutcome(ctx.db, ctx.user, input, ctx.clock)),
  setMilestone: clerkProcedure
    .input(MilestoneStateSchema)
    .mutation(({ ctx, input }) => setMilestoneState(ctx.db, ctx.user, input, ctx.clock)),
});
