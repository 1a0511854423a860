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
import { cachedProcedureFigures } from '../services/figures-cache';
import { resolveAgency, resolveDistrict } from '../services/metric-filter';
import { buildDistrictYears, buildKeptRateGrid, buildSummary, listFilterChoices } from '../services/metrics';
import { readProcedure, router } from '../trpc';

export const dashboardRouter = router({
  overview: readProcedure.query(({ ctx }) =>
    cachedProcedureFigures(ctx.db, ctx.showDemo, 'dashboard.overview', null, (options) =>
      countOverview(ctx.db, options),
    ),
  ),

  /** 办复率, 满意率, A类占比, 承诺兑现率, 按期兑现率 and the status mix for a year, agency, district. */
  summary: readProcedure.input(SummaryFilterSchema).query(({ ctx, input }) =>
    cachedProcedureFigures(ctx.db, ctx.showDemo, 'dashboard.summary', input, async (options) => {
      const [agencyId, districtIds] = await Promise.all([
        resolveAgency(ctx.db, input?.agency),
        resolveDistrict(ctx.db, input?.district),
      ]);
      return buildSummary(ctx.db, { year: input?.year ?? null, agencyId, districtIds }, options);
    }),
  ),

  /** Years (latest first), districts and agencies the overview can be filtered by. */
  filterChoices: readProcedure.query(({ ctx }) =>
    cachedProcedureFigures(ctx.db, ctx.showDemo, 'dashboard.filterChoices', null, (options) =>
      listFilterChoices(ctx.db, options),
    ),
  ),

  /** The district × year heat map of the kept rate. */
  keptRates: readProcedure
    .input(KeptRateGridInputSchema)
    .query(({ ctx, input }) =>
      cachedProcedureFigures(ctx.db, ctx.showDemo, 'dashboard.keptRates', input, async (options) =>
        buildKeptRateGrid(ctx.db, await resolveAgency(ctx.db, input?.agency), options),
      ),
    ),

  /** Targets reached per district and year (district parts of commitments; city-wide targets have no district). */
  districtYears: readProcedure
    .input(DistrictYearInputSchema)
    .query(({ ctx, input }) =>
      cachedProcedureFigures(ctx.db, ctx.showDemo, 'dashboard.districtYears', input, (options) =>
        buildDistrictYears(ctx.db, input, options),
      ),
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
