import { TRPCError, type TRPCRouterRecord } from '@trpc/server';
import { z } from 'zod';
import { AccountSchema } from '../accounts/account-store.js';
import { MAX_PASSWORD_LENGTH } from '../accounts/passwords.js';
import { clearedSessionCookie, sessionCookie, signIn, tokenDigest } from '../accounts/sessions.js';
import { publicProcedure, sameSiteProcedure } from '../trpc.js';

export const SignInInput = z.strictObject({
  username: z.string().min(1).max(40),
  password: z.string().min(1).max(MAX_PASSWORD_LENGTH),
});
export const SignInOutput = z.strictObject({
  account: AccountSchema,
  expiresAt: z.iso.datetime(),
});
export const SessionOutput = z.strictObject({ account: AccountSchema.nullable() });

export const sessionRouter = {
  /** Checks a password and sets the session cookie; failures are rate-limited per name and address. */
  signIn: sameSiteProcedure
    .input(SignInInput)
    .output(SignInOutput)
    .mutation(async ({ ctx, input }) => {
      const { loginLimiter, now, sessionTtlMs, setCookie } = ctx.sessions;
      const address = ctx.access.clientAddress;
      const wait = loginLimiter.retryAfterMs(input.username, address);
      if (wait > 0)
        throw new TRPCError({
          code: 'TOO_MANY_REQUESTS',
          message: `too many failed sign-ins: try again in ${Math.ceil(wait / 60_000)} minute(s)`,
        });
      const signedIn = await signIn(ctx.store.accounts, input, { now: now(), ttlMs: sessionTtlMs });
      if (!signedIn) {
        loginLimiter.recordFailure(input.username, address);
        throw new TRPCError({ code: 'UNAUTHORIZED', message: 'the username or password is wrong' });
      }
      setCookie(sessionCookie(signedIn.token, sessionTtlMs, ctx.access.secure));
      return { account: signedIn.account, expiresAt: signedIn.expiresAt.toISOString() };
    }),
  /** Ends this browser's session and removes its cookie. */
  signOut: sameSiteProcedure
    // An empty object rather than no input: a POST with an empty body is not JSON to tRPC.
    .input(z.strictObject({}).optional())
    .output(z.strictObject({ signedOut: z.literal(true) }))
    .mutation(async ({ ctx }) => {
      if (ctx.access.sessionToken !== null)
        await ctx.store.accounts.deleteSession(tokenDigest(ctx.access.sessionToken));
      ctx.sessions.setCookie(clearedSessionCookie(ctx.access.secure));
      return { signedOut: true as const };
    }),
  /** The signed-in account, or null: what a page shows as "signed in as …". */
  me: publicProcedure.output(SessionOutput).query(async ({ ctx }) => {
    const token = ctx.access.sessionToken;
    if (token === null) return { account: null };
    const found = await ctx.store.accounts.findSession(tokenDigest(token), ctx.sessions.now());
    return { account: found?.account ?? null };
  }),
} satisfies TRPCRouterRecord;
