/**
 * The root router: one router per area, merged here. The client imports only the type.
 * @see https://trpc.io/docs/server/merging-routers
 */
import { createCallerFactory, router } from '../trpc';
import { commitmentsRouter } from './commitments';
import { dashboardRouter } from './dashboard';
import { lettersRouter } from './letters';

export const appRouter = router({
  letters: lettersRouter,
  commitments: commitmentsRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
