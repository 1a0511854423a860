/** The gazetteer (区划): districts and their streets/towns by year, importable from CSV. */
import { TRPCError } from '@trpc/server';
import {
  GazetteerCitySchema,
  GazetteerCsvSchema,
  GazetteerYearSchema,
} from '../../shared/schemas/supervision';
import { parseGazetteerCsv } from '../domain/gazetteer-csv';
import { recordAudit } from '../repositories/audit';
import { gazetteerVersions, importGazetteer, listGazetteer } from '../repositories/gazetteer';
import { markFiguresChanged } from '../services/outcome-tallies';
import { officeProcedure, readProcedure, router } from '../trpc';

export const gazetteerRouter = router({
  list: readProcedure.input(GazetteerYearSchema).query(({ ctx, input }) => listGazetteer(ctx.db, input)),

  versions: readProcedure
    .input(GazetteerCitySchema)
    .query(({ ctx, input }) => gazetteerVersions(ctx.db, input)),

  importCsv: officeProcedure.input(GazetteerCsvSchema).mutation(async ({ ctx, input }) => {
    const parsed = parseGazetteerCsv(input.csv);
    if (parsed.errors.length) {
      throw new TRPCError({
        code: 'BAD_REQUEST',
        message: parsed.errors
          .slice(0, 20)
          .map((e) => e.message)
          .join('\n'),
      });
    }
    const at = new Date().toISOString();
    return ctx.db.transaction().execute(async (trx) => {
      const outcome = await importGazetteer(trx, parsed.rows);
      if (outcome.conflicts.length) {
        throw new TRPCError({
          code: 'CONFLICT',
          message: `以下区划已存在,未导入任何数据:${outcome.conflicts.slice(0, 10).join('、')}${outcome.conflicts.length > 10 ? ' 等' : ''}。`,
        });
      }
      await markFiguresChanged(trx);
      await recordAudit(
        trx,
        {
          actor: ctx.user.displayName,
          userId: ctx.user.id,
          action: 'gazetteer.import',
          entity: 'gazetteer',
          entityId: null,
          after: { districts: outcome.districts, units: outcome.units },
        },
        at,
      );
      return outcome;
    });
  }),
});
