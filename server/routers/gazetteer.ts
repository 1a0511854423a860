/** The gazetteer (区划): districts and their streets/towns by year, importable from CSV. */
import {
  GazetteerCitySchema,
  GazetteerCsvSchema,
  GazetteerYearSchema,
} from '../../shared/schemas/supervision';
import { gazetteerVersions, listGazetteer } from '../repositories/gazetteer';
import { importGazetteerCsv } from '../services/gazetteer-import';
import { officeProcedure, readProcedure, router } from '../trpc';

export const gazetteerRouter = router({
  list: readProcedure.input(GazetteerYearSchema).query(({ ctx, input }) => listGazetteer(ctx.db, input)),

  versions: readProcedure
    .input(GazetteerCitySchema)
    .query(({ ctx, input }) => gazetteerVersions(ctx.db, input)),

  importCsv: officeProcedure
    .input(GazetteerCsvSchema)
    .mutation(({ ctx, input }) => importGazetteerCsv(ctx.db, ctx.user, input.csv, ctx.clock)),
});
