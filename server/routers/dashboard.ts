/** The dashboard's figures: targets against recorded progress per district and per year. */
import { TRPCError } from '@trpc/server';
import { CommitmentIdSchema } from '../../shared/schemas/commitments';
import {
  DistrictYearInputSchema,
  KeptRateGridInputSchema,
  SummaryFilterSchema,
} from '../../shared/schemas/dashboard';
import { progressKey, standingEntries } from '../domain/progress-summary';
import { findCommitment, listProgress, listTargets } from '../repositories/commitments';
import { countOverview, listAllocatedCommitments } from '../repositories/dashboard';
import { resolveAgency, resolveDistrict } from '../services/metric-filter';
import {
  buildDistrictYears,
  buildKeptRateGrid,
  buildSummary,
  listFilterChoices,
  todayIso,
} from '../services/metrics';
import { readProcedure, router } from '../trpc';

export const dashboardRouter = router({
  overview: readProcedure.query(({ ctx }) => countOverview(ctx.db, { includeDemo: ctx.showDemo })),

  /** 办复率, 满意率, A类占比, 承诺兑现率, 按期兑现率 and the status mix for a year, agency, district. */
  summary: readProcedure.input(SummaryFilterSchema).query(async ({ ctx, input }) => {
    const [agencyId, districtIds] = await Promise.all([
      resolveAgency(ctx.db, input?.agency),
      resolveDistrict(ctx.db, input?.district),
    ]);
    return buildSummary(
      ctx.db,
      { year: input?.year ?? null, agencyId, districtIds },
      { includeDemo: ctx.showDemo, today: todayIso() },
    );
  }),

  /** Years (latest first), districts and agencies the overview can be filtered by. */
  filterChoices: readProcedure.query(({ ctx }) =>
    listFilterChoices(ctx.db, { includeDemo: ctx.showDemo, today: todayIso() }),
  ),

  /** The district × year heat map of the kept rate. */
  keptRates: readProcedure.input(KeptRateGridInputSchema).query(async ({ ctx, input }) => {
    const agencyId = await resolveAgency(ctx.db, input?.agency);
    return buildKeptRateGrid(ctx.db, agencyId, { includeDemo: ctx.showDemo, today: todayIso() });
  }),

  /** Targets reached per district and year (district parts of commitments; city-wide targets have no district). */
  districtYears: readProcedure
    .input(DistrictYearInputSchema)
    .query(({ ctx, input }) =>
      buildDistrictYears(ctx.db, input, { includeDemo: ctx.showDemo, today: todayIso() }),
    ),

  allocatedCommitments: readProcedure.query(({ ctx }) => listAllocatedCommitments(ctx.db)),

  commitmentDistricts: readProcedure.input(CommitmentIdSchema).query(async ({ ctx, input }) => {
    const commitment = await findCommitment(ctx.db, input.id);
    if (!commitment)
      throw new TRPCError({ code: 'NOT_FOUND', message: `找不到编号为 ${input.id} 的承诺事项。` });
    const [targets, progress] = await Promise.all([
      listTargets(ctx.db, { commitmentIds: [input.id] }),
      listProgress(ctx.db, { includeDemo: ctx.showDemo, commitmentIds: [input.id] }),
    ]);
    const standing = standingEntries(progress);
    return {
      commitment,
      rows: targets.map((t) => {
        const entry = standing.get(progressKey(t.commitmentId, t.districtId));
        return {
          districtId: t.districtId,
          districtName: t.districtName,
          targetMin: t.min,
          targetMax: t.max,
          value: entry?.value ?? null,
          asOf: entry?.asOf ?? null,
        };
      }),
    };
  }),
});
