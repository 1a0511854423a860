/** The dashboard's figures: targets against recorded progress per district and per year. */
import { TRPCError } from '@trpc/server';
import { CommitmentIdSchema } from '../../shared/schemas/commitments';
import {
  AgencyRankingInputSchema,
  DistrictYearInputSchema,
  KeptRateGridInputSchema,
  SummaryFilterSchema,
  TrendInputSchema,
} from '../../shared/schemas/dashboard';
import { progressKey, standingEntries, summarizeDistrictYears } from '../domain/progress-summary';
import { findCommitment, listProgress, listTargets } from '../repositories/commitments';
import { countOverview, letterYearSpan, listAllocatedCommitments } from '../repositories/dashboard';
import { resolveAgency, resolveMetricsFilter } from '../services/metric-filter';
import { buildKeptRateGrid, buildSummary, todayIso } from '../services/metrics';
import { buildTrend, listOverviewChoices, rankAgencies } from '../services/overview-charts';
import { resolveScope } from '../services/suggestion-scope';
import { readProcedure, router } from '../trpc';

export const dashboardRouter = router({
  overview: readProcedure.query(({ ctx }) => countOverview(ctx.db, { includeDemo: ctx.showDemo })),

  /**
   * 办复率, 满意率, A类占比, 承诺兑现率, 按期兑现率 and the status mix for a year, agency, district,
   * session, deputy and status.
   */
  summary: readProcedure.input(SummaryFilterSchema).query(async ({ ctx, input }) =>
    buildSummary(ctx.db, await resolveMetricsFilter(ctx.db, input), {
      includeDemo: ctx.showDemo,
      today: todayIso(),
    }),
  ),

  /** Years (latest first), districts, agencies, sessions (latest first) and deputies to filter by. */
  filterChoices: readProcedure.query(({ ctx }) => listOverviewChoices(ctx.db, todayIso())),

  /** The district × year heat map of the kept rate, for an agency, session and deputy. */
  keptRates: readProcedure.input(KeptRateGridInputSchema).query(async ({ ctx, input }) => {
    const [agencyId, scope] = await Promise.all([
      resolveAgency(ctx.db, input?.agency),
      resolveScope(ctx.db, { session: input?.session, deputy: input?.deputy }),
    ]);
    return buildKeptRateGrid(ctx.db, agencyId, { includeDemo: ctx.showDemo, today: todayIso() }, scope);
  }),

  /** Progress over the years: the kept and on-time rates of each year, for the overview's other filters. */
  trend: readProcedure.input(TrendInputSchema).query(async ({ ctx, input }) => {
    const { year: _year, ...filter } = await resolveMetricsFilter(ctx.db, input);
    return buildTrend(ctx.db, filter, { includeDemo: ctx.showDemo, today: todayIso() });
  }),

  /** Agencies ranked by kept rate for a year: the annual report's per-agency rows. */
  agencyRanking: readProcedure
    .input(AgencyRankingInputSchema)
    .query(({ ctx, input }) =>
      rankAgencies(ctx.db, input?.year, { includeDemo: ctx.showDemo, today: todayIso() }),
    ),

  districtYears: readProcedure.input(DistrictYearInputSchema).query(async ({ ctx, input }) => {
    const [targets, progress, span] = await Promise.all([
      listTargets(ctx.db, { countedOnly: true }),
      listProgress(ctx.db, { includeDemo: ctx.showDemo }),
      letterYearSpan(ctx.db),
    ]);
    const lastProgressYear = progress.reduce((y, p) => Math.max(y, Number(p.asOf.slice(0, 4))), 0);
    const from = input.fromYear ?? span.first ?? new Date().getUTCFullYear();
    const to = input.toYear ?? Math.max(from, lastProgressYear, span.last ?? from);
    if (to < from)
      throw new TRPCError({ code: 'BAD_REQUEST', message: `起始年份 ${from} 晚于结束年份 ${to}。` });
    const years = Array.from({ length: to - from + 1 }, (_, i) => from + i);
    const districts = new Map(
      targets.map((t) => [t.districtId, { name: t.districtName, order: t.districtOrder }]),
    );
    const cells = summarizeDistrictYears(targets, progress, years).map((cell) => ({
      ...cell,
      districtName: districts.get(cell.districtId)?.name ?? null,
    }));
    const orderedDistricts = [...districts]
      .sort(([, a], [, b]) => (a.order ?? Number.MAX_SAFE_INTEGER) - (b.order ?? Number.MAX_SAFE_INTEGER))
      .map(([id, d]) => ({ id, name: d.name }));
    return { years, districts: orderedDistricts, cells };
  }),

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
