/**
 * Signing in and out, and asking who is signed in — open to everyone (even with PUBLIC_READ off):
 * the sign-in page must work for anonymous visitors. Changing one's own password needs a session.
 */
import type { SessionUser } from '../../shared/auth';
import { ChangePasswordSchema, SignInSchema } from '../../shared/schemas/auth';
import { refuseBatchedPasswordCheck } from '../auth/attempt-limits';
import { signIn, signOut } from '../services/sign-in';
import { actorOf, setAccountPassword } from '../services/user-accounts';
import { publicProcedure, router, signedInProcedure } from '../trpc';

export const authRouter = router({
  me: publicProcedure.query(({ ctx }): SessionUser | null => ctx.user),

  signIn: publicProcedure.input(SignInSchema).mutation(async ({ ctx, input }) => {
    refuseBatchedPasswordCheck(ctx.callsInRequest);
    ctx.passwordAttempts.take({ account: input.username, address: ctx.clientAddress });
    const { user, session } = await signIn(ctx.db, input, ctx.sessionToken);
    ctx.sessionCookies.set(session);
    return user;
  }),

  changePassword: signedInProcedure.input(ChangePasswordSchema).mutation(async ({ ctx, input }) => {
    // the current password is checked here too: the same budget as signing in to that account
    refuseBatchedPasswordCheck(ctx.callsInRequest);
    ctx.passwordAttempts.take({ account: ctx.user.username, address: ctx.clientAddress });
    await setAccountPassword(
      ctx.db,
      {
        userId: ctx.user.id,
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        keepSessionToken: ctx.sessionToken,
      },
      actorOf(ctx.user),
      ctx.clock.now(),
    );
    return { changed: true };
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    if (ctx.user && ctx.sessionToken) await signOut(ctx.db, ctx.user, ctx.sessionToken, ctx.clock.now());
    ctx.sessionCookies.clear();
    return { signedOut: true };
  }),
});
