import type { TRPCRouterRecord } from '@trpc/server';
import {
  ClaimDetailSchema,
  ClaimIdInput,
  DisagreementsInput,
  DisagreementsOutput,
  getClaim,
  ListClaimsInput,
  ListClaimsOutput,
  listClaims,
  listDisagreements,
} from '../queries/claims.js';
import { publicProcedure } from '../trpc.js';
import { foundOr404 } from './not-found.js';

export const claimRouter = {
  list: publicProcedure
    .input(ListClaimsInput)
    .output(ListClaimsOutput)
    .query(({ ctx, input }) => listClaims(ctx.store, input)),
  get: publicProcedure
    .input(ClaimIdInput)
    .output(ClaimDetailSchema)
    .query(({ ctx, input }) => foundOr404(getClaim(ctx.store, input.id), 'claim', input.id)),
  /** Every contradicts/qualifies link (or the kinds asked for), with both claims and their speakers. */
  disagreements: publicProcedure
    .input(DisagreementsInput)
    .output(DisagreementsOutput)
    .query(({ ctx, input }) => listDisagreements(ctx.store, input)),
} satisfies TRPCRouterRecord;
