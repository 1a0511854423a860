/** User accounts, managed by the supervision office only. */
import { CreateUserSchema, ResetPasswordSchema, UserIdSchema } from '../../shared/schemas/auth';
import { listAccountLinks, listUsers } from '../repositories/users';
import {
  actorOf,
  createUserAccount,
  setAccountDisabled,
  setAccountPassword,
} from '../services/user-accounts';
import { officeProcedure, router } from '../trpc';

export const usersRouter = router({
  list: officeProcedure.query(({ ctx }) => listUsers(ctx.db)),

  /** the agencies and deputies a new account can be linked to */
  linkChoices: officeProcedure.query(({ ctx }) => listAccountLinks(ctx.db)),

  create: officeProcedure
    .input(CreateUserSchema)
    .mutation(({ ctx, input }) => createUserAccount(ctx.db, input, actorOf(ctx.user), ctx.clock.now())),

  disable: officeProcedure
    .input(UserIdSchema)
    .mutation(({ ctx, input }) =>
      setAccountDisabled(ctx.db, input.id, true, actorOf(ctx.user), ctx.clock.now()),
    ),

  /** for a user who forgot theirs: a new initial password, and every session of theirs ends */
  resetPassword: officeProcedure.input(ResetPasswordSchema).mutation(async ({ ctx, input }) => {
    await setAccountPassword(
      ctx.db,
      { userId: input.id, newPassword: input.password },
      actorOf(ctx.user),
      ctx.clock.now(),
    );
    return { reset: true };
  }),

  enable: officeProcedure
    .input(UserIdSchema)
    .mutation(({ ctx, input }) =>
      setAccountDisabled(ctx.db, input.id, false, actorOf(ctx.user), ctx.clock.now()),
    ),
});
