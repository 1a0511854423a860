/**
 * The root router: one router per area, merged here. The client imports only the type.
 * @see https://trpc.io/docs/server/merging-routers
 */
import { createCallerFactory, router } from '../trpc';
import { authRouter } from './auth';
import { commitmentsRouter } from './commitments';
import { dashboardRouter } from './dashboard';
import { lettersRouter } from './letters';
import { usersRouter } from './users';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  letters: lettersRouter,
  commitments: commitmentsRouter,
  dashboard: dashboardRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
