/** The office splits a city-wide target across districts (or puts it back to city level). */
import { MergeTargetsSchema, SplitTargetSchema } from '../../shared/schemas/supervision';
import { mergeTargetsToCity, splitTargets } from '../services/targets';
import { officeProcedure, router } from '../trpc';

export const targetsRouter = router({
  split: officeProcedure
    .input(SplitTargetSchema)
    .mutation(({ ctx, input }) => splitTargets(ctx.db, ctx.user, input, ctx.clock)),

  mergeToCity: officeProcedure
    .input(MergeTargetsSchema)
    .mutation(({ ctx, input }) => mergeTargetsToCity(ctx.db, ctx.user, input.id, input.version, ctx.clock)),
});
