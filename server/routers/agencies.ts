/** Agency scorecards (承办单位): all agencies side by side, and one agency in detail. */
import { TRPCError } from '@trpc/server';
import { NameInputSchema } from '../../shared/schemas/views';
import { agencyScorecard, agencyScorecards } from '../services/agency-scorecard';
import { readProcedure, router } from '../trpc';

export const agenciesRouter = router({
  list: readProcedure.query(({ ctx }) =>
    agencyScorecards(ctx.db, { includeDemo: ctx.showDemo, today: ctx.clock.today() }),
  ),

  byName: readProcedure.input(NameInputSchema).query(async ({ ctx, input }) => {
    const card = await agencyScorecard(ctx.db, input.name, {
      includeDemo: ctx.showDemo,
      today: ctx.clock.today(),
    });
    if (!card) throw new TRPCError({ code: 'NOT_FOUND', message: `没有名为“${input.name}”的承办单位。` });
    return card;
  }),
});
