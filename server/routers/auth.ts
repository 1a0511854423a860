/**
 * Signing in and out, and asking who is signed in — open to everyone (even with PUBLIC_READ off):
 * the sign-in page must work for anonymous visitors. Changing one's own password needs a session.
 */
import { TRPCError } from '@trpc/server';
import type { SessionUser } from '../../shared/auth';
import { ChangePasswordSchema, SignInSchema } from '../../shared/schemas/auth';
import { verifyAgainstDecoy, verifyPassword } from '../auth/passwords';
import { createSession, revokeSession } from '../auth/sessions';
import { recordAudit } from '../repositories/audit';
import { findCredentials } from '../repositories/users';
import { actorOf, setAccountPassword } from '../services/user-accounts';
import { publicProcedure, router, signedInProcedure } from '../trpc';

const WRONG_CREDENTIALS = '用户名或密码不正确。';

export const authRouter = router({
  me: publicProcedure.query(({ ctx }): SessionUser | null => ctx.user),

  signIn: publicProcedure.input(SignInSchema).mutation(async ({ ctx, input }) => {
    const now = new Date();
    const at = now.toISOString();
    const credentials = await findCredentials(ctx.db, input.username);
    const valid = credentials
      ? await verifyPassword(credentials.passwordHash, input.password)
      : await verifyAgainstDecoy(input.password);
    if (!credentials || !valid) {
      // Kept for spotting password guessing; the message never says which half was wrong.
      await recordAudit(
        ctx.db,
        {
          actor: input.username,
          userId: null,
          action: 'auth.signInFailed',
          entity: 'user',
          entityId: credentials?.user.id ?? null,
        },
        at,
      );
      throw new TRPCError({ code: 'UNAUTHORIZED', message: WRONG_CREDENTIALS });
    }
    const { user } = credentials;
    if (credentials.disabled) {
      await recordAudit(
        ctx.db,
        {
          actor: user.username,
          userId: user.id,
          action: 'auth.signInRefused',
          entity: 'user',
          entityId: user.id,
        },
        at,
      );
      throw new TRPCError({ code: 'FORBIDDEN', message: '该账号已停用,请联系督查室。' });
    }

    const session = await ctx.db.transaction().execute(async (trx) => {
      // Rotation: whatever session this browser had is replaced, never reused.
      if (ctx.sessionToken) await revokeSession(trx, ctx.sessionToken);
      const issued = await createSession(trx, user.id, now);
      await recordAudit(
        trx,
        { actor: user.username, userId: user.id, action: 'auth.signIn', entity: 'user', entityId: user.id },
        at,
      );
      return issued;
    });
    ctx.sessionCookies.set(session);
    return user;
  }),

  changePassword: signedInProcedure.input(ChangePasswordSchema).mutation(async ({ ctx, input }) => {
    await setAccountPassword(
      ctx.db,
      {
        userId: ctx.user.id,
        currentPassword: input.currentPassword,
        newPassword: input.newPassword,
        keepSessionToken: ctx.sessionToken,
      },
      actorOf(ctx.user),
      new Date(),
    );
    return { changed: true };
  }),

  signOut: publicProcedure.mutation(async ({ ctx }) => {
    const { user, sessionToken } = ctx;
    if (user && sessionToken) {
      await ctx.db.transaction().execute(async (trx) => {
        await revokeSession(trx, sessionToken);
        await recordAudit(
          trx,
          {
            actor: user.username,
            userId: user.id,
            action: 'auth.signOut',
            entity: 'user',
            entityId: user.id,
          },
          new Date().toISOString(),
        );
      });
    }
    ctx.sessionCookies.clear();
    return { signedOut: true };
  }),
});
