/** District views (各区): the districts compared side by side, one district in detail. */
import { TRPCError } from '@trpc/server';
import { NameInputSchema } from '../../shared/schemas/views';
import { compareDistricts, districtView } from '../services/district-view';
import { readProcedure, router } from '../trpc';

export const districtsRouter = router({
  compare: readProcedure.query(({ ctx }) =>
    compareDistricts(ctx.db, { includeDemo: ctx.showDemo, today: ctx.clock.today() }),
  ),

  byName: readProcedure.input(NameInputSchema).query(async ({ ctx, input }) => {
    const view = await districtView(ctx.db, input.name, {
      includeDemo: ctx.showDemo,
      today: ctx.clock.today(),
    });
    if (!view) throw new TRPCError({ code: 'NOT_FOUND', message: `没有名为“${input.name}”的区。` });
    return view;
  }),
});
