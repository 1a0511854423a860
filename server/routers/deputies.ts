/** 代表视角: deputies and, for one deputy, their suggestions, the replies and the promises kept. */
import { TRPCError } from '@trpc/server';
import { NameInputSchema } from '../../shared/schemas/views';
import { listDeputies } from '../repositories/deputy-view';
import { deputyView } from '../services/deputy-view';
import { readProcedure, router } from '../trpc';

export const deputiesRouter = router({
  list: readProcedure.query(({ ctx }) => listDeputies(ctx.db)),

  byName: readProcedure.input(NameInputSchema).query(async ({ ctx, input }) => {
    const view = await deputyView(ctx.db, input.name, {
      includeDemo: ctx.showDemo,
      today: ctx.clock.today(),
    });
    if (!view) throw new TRPCError({ code: 'NOT_FOUND', message: `没有名为“${input.name}”的代表。` });
    return view;
  }),
});
