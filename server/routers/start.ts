/** 我的工作台: the start page of the signed-in user's role (anonymous readers keep the overview). */
import { LetterIdSchema } from '../../shared/schemas/letters';
import { letterActions } from '../services/letter-actions';
import { startPage } from '../services/start';
import { readProcedure, router, signedInProcedure } from '../trpc';

export const startRouter = router({
  mine: signedInProcedure.query(({ ctx }) =>
    startPage(ctx.db, ctx.user, { includeDemo: ctx.showDemo, today: ctx.clock.today() }),
  ),
  /** Whether the caller may report progress on, or rate, this letter: what its pages offer. */
  letterActions: readProcedure
    .input(LetterIdSchema)
    .query(({ ctx, input }) => letterActions(ctx.db, ctx.user, input.id)),
});
