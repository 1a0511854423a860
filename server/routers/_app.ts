/**
 * The root router: one router per area, merged here. The client imports only the type.
 * @see https://trpc.io/docs/server/merging-routers
 */
import { createCallerFactory, router } from '../trpc';
import { agenciesRouter } from './agencies';
import { authRouter } from './auth';
import { commitmentsRouter } from './commitments';
import { dashboardRouter } from './dashboard';
import { deputiesRouter } from './deputies';
import { districtsRouter } from './districts';
import { followUpsRouter } from './follow-ups';
import { gazetteerRouter } from './gazetteer';
import { lettersRouter } from './letters';
import { progressRouter } from './progress';
import { reportsRouter } from './reports';
import { reviewRouter } from './review';
import { searchRouter } from './search';
import { startRouter } from './start';
import { suggestionsRouter } from './suggestions';
import { targetsRouter } from './targets';
import { usersRouter } from './users';

export const appRouter = router({
  auth: authRouter,
  users: usersRouter,
  letters: lettersRouter,
  commitments: commitmentsRouter,
  dashboard: dashboardRouter,
  review: reviewRouter,
  progress: progressRouter,
  targets: targetsRouter,
  suggestions: suggestionsRouter,
  followUps: followUpsRouter,
  gazetteer: gazetteerRouter,
  search: searchRouter,
  districts: districtsRouter,
  deputies: deputiesRouter,
  agencies: agenciesRouter,
  reports: reportsRouter,
  start: startRouter,
});

export type AppRouter = typeof appRouter;
export const createCaller = createCallerFactory(appRouter);
