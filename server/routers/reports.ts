/** 年度办理情况报告: the report page's numbers; the XLSX and CSV files are built from the same call. */
import { AnnualReportInputSchema } from '../../shared/schemas/dashboard';
import { buildAnnualReport } from '../services/annual-report';
import { cachedProcedureFigures } from '../services/figures-cache';
import { readProcedure, router } from '../trpc';

/** Overdue commitments the report page lists; the downloads and the commitments list have them all. */
export const OVERDUE_ON_PAGE = 200;

export const reportsRouter = router({
  annual: readProcedure
    .input(AnnualReportInputSchema)
    .query(({ ctx, input, path }) =>
      cachedProcedureFigures({ ctx, path, input }, (options) =>
        buildAnnualReport(ctx.db, input.year, options, { overdueLimit: OVERDUE_ON_PAGE }),
      ),
    ),
});
