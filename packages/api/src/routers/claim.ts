import type { TRPCRouterRecord } from '@trpc/server';
import {
  ClaimDetailSchema,
  ClaimIdInput,
  DisagreementsInput,
  DisagreementsOutput,
  ListClaimsInput,
  ListClaimsOutput,
} from '../contracts/claims.js';
import { publicProcedure } from '../trpc.js';
import { foundOr404 } from './not-found.js';

export const claimRouter = {
  list: publicProcedure
    .input(ListClaimsInput)
    .output(ListClaimsOutput)
    .query(({ ctx, input }) => ctx.store.listClaims(input)),
  get: publicProcedure
    .input(ClaimIdInput)
    .output(ClaimDetailSchema)
    .query(async ({ ctx, input }) =>
      foundOr404(await ctx.store.getClaimDetail(input.id), 'claim', input.id),
    ),
  /** Every contradicts/qualifies link (or the kinds asked for), with both claims and their speakers. */
  disagreements: publicProcedure
    .input(DisagreementsInput)
    .output(DisagreementsOutput)
    .query(({ ctx, input }) => ctx.store.listDisagreements(input)),
} satisfies TRPCRouterRecord;
