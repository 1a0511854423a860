/** User accounts, managed by the supervision office only. */
import { TRPCError } from '@trpc/server';
import { CreateUserSchema, UserIdSchema } from '../../shared/schemas/auth';
import { listAccountLinks, listUsers } from '../repositories/users';
import { AccountError, type Actor, createUserAccount, setAccountDisabled } from '../services/user-accounts';
import { officeProcedure, router } from '../trpc';

const CODES = {
  'username-taken': 'CONFLICT',
  'unknown-agency': 'BAD_REQUEST',
  'unknown-deputy': 'BAD_REQUEST',
  'not-found': 'NOT_FOUND',
  self: 'BAD_REQUEST',
} as const satisfies Record<AccountError['problem'], TRPCError['code']>;

function rethrowAccountError(error: unknown): never {
  if (error instanceof AccountError)
    throw new TRPCError({ code: CODES[error.problem], message: error.message, cause: error });
  throw error;
}

const actorOf = (user: { id: number; username: string }): Actor => ({ userId: user.id, name: user.username });

export const usersRouter = router({
  list: officeProcedure.query(({ ctx }) => listUsers(ctx.db)),

  /** the agencies and deputies a new account can be linked to */
  linkChoices: officeProcedure.query(({ ctx }) => listAccountLinks(ctx.db)),

  create: officeProcedure
    .input(CreateUserSchema)
    .mutation(({ ctx, input }) =>
      createUserAccount(ctx.db, input, actorOf(ctx.user), new Date()).catch(rethrowAccountError),
    ),

  disable: officeProcedure
    .input(UserIdSchema)
    .mutation(({ ctx, input }) =>
      setAccountDisabled(ctx.db, input.id, true, actorOf(ctx.user), new Date()).catch(rethrowAccountError),
    ),

  enable: officeProcedure
    .input(UserIdSchema)
    .mutation(({ ctx, input }) =>
      setAccountDisabled(ctx.db, input.id, false, actorOf(ctx.user), new Date()).catch(rethrowAccountError),
    ),
});
