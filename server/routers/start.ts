/** 我的工作台: the start page of the signed-in user's role (anonymous readers keep the overview). */
import { todayIso } from '../services/metrics';
import { startPage } from '../services/start';
import { router, signedInProcedure } from '../trpc';

export const startRouter = router({
  mine: signedInProcedure.query(({ ctx }) =>
    startPage(ctx.db, ctx.user, { includeDemo: ctx.showDemo, today: todayIso() }),
  ),
});
