/** Account refusals from services/user-accounts.ts as tRPC errors, for the auth and users routers. */
import { TRPCError } from '@trpc/server';
import { AccountError, type Actor } from '../services/user-accounts';

const CODES = {
  'username-taken': 'CONFLICT',
  'unknown-agency': 'BAD_REQUEST',
  'unknown-deputy': 'BAD_REQUEST',
  'not-found': 'NOT_FOUND',
  self: 'BAD_REQUEST',
  'wrong-password': 'BAD_REQUEST',
} as const satisfies Record<AccountError['problem'], TRPCError['code']>;

export function rethrowAccountError(error: unknown): never {
  if (error instanceof AccountError)
    throw new TRPCError({ code: CODES[error.problem], message: error.message, cause: error });
  throw error;
}

/** The signed-in user as the audit log names them. */
export const actorOf = (user: { id: number; username: string }): Actor => ({
  userId: user.id,
  name: user.username,
});
