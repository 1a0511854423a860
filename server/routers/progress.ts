/** Progress updates with evidence, corrections, withdrawal, milestone states, not-kept reasons. */
import {
  CorrectProgressSchema,
  ImportSheetSchema,
  MilestoneStateSchema,
  OutcomeReasonSchema,
  RecordProgressSchema,
  WithdrawSchema,
} from '../../shared/schemas/progress';
import { notFound } from '../domain/errors';
import { assertMayReportFor } from '../services/access';
import { correctProgress, recordProgress } from '../services/progress';
import { importProgressSheet } from '../services/progress-sheets';
import { explainOutcome, setMilestoneState, withdrawCommitment } from '../services/review';
import { clerkProcedure, officeProcedure, router } from '../trpc';

export const progressRouter = router({
  record: clerkProcedure
    .input(RecordProgressSchema)
    .mutation(({ ctx, input }) => recordProgress(ctx.db, ctx.user, input)),
  correct: clerkProcedure
    .input(CorrectProgressSchema)
    .mutation(({ ctx, input }) => correctProgress(ctx.db, ctx.user, input)),
  /** A filled-in export: every row checked, nothing written unless all are right. */
  importSheet: clerkProcedure
    .input(ImportSheetSchema)
    .mutation(({ ctx, input }) =>
      importProgressSheet(
        ctx.db,
        ctx.user,
        { fileName: input.fileName, bytes: new Uint8Array(Buffer.from(input.contentBase64, 'base64')) },
        { includeDemo: ctx.showDemo },
      ),
    ),
  withdraw: officeProcedure
    .input(WithdrawSchema)
    .mutation(({ ctx, input }) => withdrawCommitment(ctx.db, ctx.user, input)),
  explainOutcome: clerkProcedure.input(OutcomeReasonSchema).mutation(async ({ ctx, input }) => {
    await assertMayReportFor(ctx.db, ctx.user, await letterOf(ctx.db, input.id));
    return explainOutcome(ctx.db, ctx.user, input);
  }),
  setMilestone: clerkProcedure.input(MilestoneStateSchema).mutation(async ({ ctx, input }) => {
    await assertMayReportFor(ctx.db, ctx.user, await letterOf(ctx.db, input.id));
    return setMilestoneState(ctx.db, ctx.user, input);
  }),
});

async function letterOf(db: Parameters<typeof assertMayReportFor>[0], commitmentId: number): Promise<number> {
  const row = await db
    .selectFrom('commitments')
    .select('letter_id')
    .where('id', '=', commitmentId)
    .executeTakeFirst();
  if (!row) throw notFound('commitment', commitmentId);
  return row.letter_id;
}
