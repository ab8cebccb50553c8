import type { TRPCRouterRecord } from '@trpc/server';
import {
  EntityDetailInput,
  EntityDetailSchema,
  ListEntitiesInput,
  ListEntitiesOutput,
} from '../contracts/entities.js';
import { publicProcedure } from '../trpc.js';
import { foundOr404 } from './not-found.js';

export const entityRouter = {
  list: publicProcedure
    .input(ListEntitiesInput)
    .output(ListEntitiesOutput)
    .query(({ ctx, input }) => ctx.store.listEntities(input)),
  get: publicProcedure
    .input(EntityDetailInput)
    .output(EntityDetailSchema)
    .query(async ({ ctx, input: { id, ...limits } }) =>
      foundOr404(await ctx.store.getEntityDetail(id, limits), 'entity', id),
    ),
} satisfies TRPCRouterRecord;
