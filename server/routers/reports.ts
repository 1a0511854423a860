/** 年度办理情况报告: the report page's numbers; the XLSX and CSV files are built from the same call. */
import { AnnualReportInputSchema } from '../../shared/schemas/dashboard';
import { buildAnnualReport } from '../services/annual-report';
import { todayIso } from '../services/metrics';
import { readProcedure, router } from '../trpc';

export const reportsRouter = router({
  annual: readProcedure
    .input(AnnualReportInputSchema)
    .query(({ ctx, input }) =>
      buildAnnualReport(ctx.db, input.year, { includeDemo: ctx.showDemo, today: todayIso() }),
    ),
});
