/** The dashboard's figures: targets against recorded progress per district and per year. */
import { CommitmentIdSchema } from '../../shared/schemas/commitments';
import {
  AgencyRankingInputSchema,
  DistrictYearInputSchema,
  KeptRateGridInputSchema,
  SummaryFilterSchema,
  TrendInputSchema,
} from '../../shared/schemas/dashboard';
import { notFound } from '../domain/errors';
import { progressKey, standingEntries } from '../domain/progress-summary';
import { findCommitment, listProgress, listTargets } from '../repositories/commitments';
import { countOverview, listAllocatedCommitments } from '../repositories/dashboard';
import { cachedProcedureFigures } from '../services/figures-cache';
import { resolveAgency, resolveMetricsFilter } from '../services/metric-filter';
import { buildDistrictYears, buildKeptRateGrid, buildSummary } from '../services/metrics';
import { buildTrend, listOverviewChoices, rankAgencies } from '../services/overview-charts';
import { resolveScope } from '../services/suggestion-scope';
import { readProcedure, router } from '../trpc';

export const dashboardRouter = router({
  overview: readProcedure.query(({ ctx, path, input }) =>
    cachedProcedureFigures({ ctx, path, input }, (options) => countOverview(ctx.db, options)),
  ),

  /**
   * 办复率, 满意率, A类占比, 承诺兑现率, 按期兑现率 and the status mix for a year, agency, district,
   * session, deputy and status.
   */
  summary: readProcedure
    .input(SummaryFilterSchema)
    .query(({ ctx, input, path }) =>
      cachedProcedureFigures({ ctx, path, input }, async (options) =>
        buildSummary(ctx.db, await resolveMetricsFilter(ctx.db, input), options),
      ),
    ),

  /** Years (latest first), districts, agencies, sessions (latest first) and deputies to filter by. */
  filterChoices: readProcedure.query(({ ctx, path, input }) =>
    cachedProcedureFigures({ ctx, path, input }, (options) => listOverviewChoices(ctx.db, options)),
  ),

  /** The district × year heat map of the kept rate, for an agency, session and deputy. */
  keptRates: readProcedure.input(KeptRateGridInputSchema).query(({ ctx, input, path }) =>
    cachedProcedureFigures({ ctx, path, input }, async (options) => {
      const [agencyId, scope] = await Promise.all([
        resolveAgency(ctx.db, input?.agency),
        resolveScope(ctx.db, { session: input?.session, deputy: input?.deputy }),
      ]);
      return buildKeptRateGrid(ctx.db, agencyId, options, scope);
    }),
  ),

  /** Progress over the years: the kept and on-time rates of each year, for the overview's other filters. */
  trend: readProcedure.input(TrendInputSchema).query(({ ctx, input, path }) =>
    cachedProcedureFigures({ ctx, path, input }, async (options) => {
      const { year: _year, ...filter } = await resolveMetricsFilter(ctx.db, input);
      return buildTrend(ctx.db, filter, options);
    }),
  ),

  /** Agencies ranked by kept rate for a year: the annual report's per-agency rows. */
  agencyRanking: readProcedure
    .input(AgencyRankingInputSchema)
    .query(({ ctx, input, path }) =>
      cachedProcedureFigures({ ctx, path, input }, (options) => rankAgencies(ctx.db, input?.year, options)),
    ),

  /** Targets reached per district and year (district parts of commitments; city-wide targets have no district). */
  districtYears: readProcedure
    .input(DistrictYearInputSchema)
    .query(({ ctx, input, path }) =>
      cachedProcedureFigures({ ctx, path, input }, (options) => buildDistrictYears(ctx.db, input, options)),
    ),

  allocatedCommitments: readProcedure.query(({ ctx }) => listAllocatedCommitments(ctx.db)),

  commitmentDistricts: readProcedure.input(CommitmentIdSchema).query(async ({ ctx, input }) => {
    const commitment = await findCommitment(ctx.db, input.id);
    if (!commitment) throw notFound('commitment', input.id);
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
