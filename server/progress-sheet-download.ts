/**
 * Download of the progress spreadsheet (XLSX or CSV) an agency fills in. Plain HTTP so the browser
 * saves the file; only agency clerks (their own agency) and the office (any agency, or all).
 */
import type { Request, Response } from 'express';
import type { Kysely } from 'kysely';
import type { Database } from '../db/schema';
import type { Clock } from '../shared/clock';
import { sessionUserOf } from './auth/read-access';
import { setDownloadName } from './download-name';
import { openTargetsForExport } from './services/progress-sheets';
import { buildProgressCsv, buildProgressWorkbook } from './spreadsheets/export';

const plain = (res: Response, status: number, message: string) =>
  res.status(status).type('text/plain; charset=utf-8').send(message);

export function progressSheetHandler(options: { db: Kysely<Database>; showDemo: boolean; clock: Clock }) {
  return async (req: Request, res: Response) => {
    const format = req.params.format;
    if (format !== 'xlsx' && format !== 'csv') return plain(res, 404, '只提供 .xlsx 或 .csv 格式。');
    const user = await sessionUserOf(options.db, req);
    if (!user) return plain(res, 401, '请先登录后再下载填报表。');
    if (user.role === 'deputy') return plain(res, 403, '填报表只提供给承办单位和督查室。');
    let agencyId: number | null = user.agencyId;
    if (user.role === 'office') {
      const asked =
        typeof req.query.agency === 'string' && req.query.agency !== '' ? Number(req.query.agency) : null;
      if (asked !== null && (!Number.isInteger(asked) || asked <= 0))
        return plain(res, 400, '承办单位编号无效。');
      agencyId = asked;
    } else if (agencyId === null) {
      return plain(res, 403, '您的账号未关联承办单位。');
    }
    const agency =
      agencyId === null
        ? null
        : await options.db
            .selectFrom('agencies')
            .select('name')
            .where('id', '=', agencyId)
            .executeTakeFirst();
    if (agencyId !== null && !agency) return plain(res, 404, '找不到该承办单位。');
    const rows = await openTargetsForExport(options.db, agencyId, options.showDemo);
    const today = options.clock.today();
    const baseName = `进度填报表-${agency?.name ?? '全部承办单位'}-${today}`;
    if (format === 'csv') {
      setDownloadName(res, `${baseName}.csv`).type('text/csv; charset=utf-8').send(buildProgressCsv(rows));
      return;
    }
    const workbook = await buildProgressWorkbook(rows, {
      agencyName: agency?.name ?? null,
      generatedOn: today,
    });
    setDownloadName(res, `${baseName}.xlsx`)
      .type('application/vnd.openxmlformats-officedocument.spreadsheetml.sheet')
      .send(workbook);
  };
}
