/** Commitments (承诺事项): the promises found in letters, with status, targets, progress, follow-ups. */
import { CommitmentIdSchema, CommitmentListSchema } from '../../shared/schemas/commitments';
import { notFound } from '../domain/errors';
import { findCommitment, listProgress, listTargets } from '../repositories/commitments';
import { listFollowUps } from '../repositories/suggestions';
import { listTrackedCommitments } from '../services/commitment-list';
import { resolveMetricsFilter } from '../services/metric-filter';
import { attachStatuses } from '../services/statuses';
import { districtsForCommitment } from '../services/targets';
import { readProcedure, router } from '../trpc';

export const commitmentsRouter = router({
  /**
   * The counted commitments (as the overview counts them) for the overview's filters, plus the part
   * of the kept rate, free text and a letter; one page of rows and the total.
   */
  list: readProcedure.input(CommitmentListSchema).query(async ({ ctx, input }) =>
    listTrackedCommitments(
      ctx.db,
      await resolveMetricsFilter(ctx.db, input),
      {
        outcome: input.outcome ?? null,
        q: input.q || null,
        letterId: input.letterId ?? null,
        kind: input.kind ?? null,
        page: input.page,
        pageSize: input.pageSize,
      },
      { includeDemo: ctx.showDemo, today: ctx.clock.today() },
    ),
  ),

  byId: readProcedure.input(CommitmentIdSchema).query(async ({ ctx, input }) => {
    const commitment = await findCommitment(ctx.db, input.id);
    if (!commitment) throw notFound('commitment', input.id);
    const [targets, progress, followUps, districts] = await Promise.all([
      listTargets(ctx.db, { commitmentIds: [input.id] }),
      listProgress(ctx.db, { includeDemo: ctx.showDemo, commitmentIds: [input.id] }),
      listFollowUps(ctx.db, input.id),
      districtsForCommitment(ctx.db, input.id),
    ]);
    // one row in, one row out
    const tracked = attachStatuses([commitment], targets, progress, ctx.clock.today())[0]!;
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
