/**
 * GET /reports/:year.xlsx and /reports/:year.csv — the annual report as files. Plain HTTP so the
 * browser saves them; built from the same buildAnnualReport as reports.annual.
 */
import type { Request, Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Clock } from '../shared/clock';
import { YEAR_MAX, YEAR_MIN } from '../shared/schemas/dashboard';
import { mayRead } from './auth/read-access';
import { setDownloadName } from './download-name';
import { buildAnnualReport } from './services/annual-report';
import { annualReportCsv, annualReportXlsx } from './services/report-files';
import { reportFileName } from './services/report-tables';

export interface ReportDownloadOptions {
  db: Kysely<Database>;
  publicRead: boolean;
  showDemo: boolean;
  clock: Clock;
  log?: ((message: string) => void) | undefined;
}

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

export function reportDownloadHandler(options: ReportDownloadOptions, format: 'xlsx' | 'csv') {
  return async (req: Request, res: Response) => {
    const year = Number(req.params.year);
    if (!/^\d{4}$/.test(String(req.params.year)) || year < YEAR_MIN || year > YEAR_MAX) {
      res
        .status(400)
        .type('text/plain; charset=utf-8')
        .send(`年份无效:应为 ${YEAR_MIN}—${YEAR_MAX} 之间的四位数字。`);
      return;
    }
    if (!(await mayRead(options, req))) {
      res.status(401).type('text/plain; charset=utf-8').send('请先登录后再下载报告。');
      return;
    }
    try {
      const report = await buildAnnualReport(options.db, year, {
        includeDemo: options.showDemo,
        today: options.clock.today(),
      });
      setDownloadName(res, reportFileName(year, format));
      res.setHeader('X-Content-Type-Options', 'nosniff');
      res.setHeader('Cache-Control', 'no-store');
      if (format === 'xlsx') res.type(XLSX_TYPE).send(await annualReportXlsx(report));
      else res.type('text/csv; charset=utf-8').send(annualReportCsv(report));
    } catch (error) {
      options.log?.(
        `report ${year}.${format} failed: ${error instanceof Error ? error.stack : String(error)}`,
      );
      res.status(500).type('text/plain; charset=utf-8').send('生成报告失败,请稍后重试。');
    }
  };
}
