import type { TRPCRouterRecord } from '@trpc/server';
import {
  EntityDetailSchema,
  EntityIdInput,
  ListEntitiesInput,
  ListEntitiesOutput,
} from '../queries/entities.js';
import { publicProcedure } from '../trpc.js';
import { foundOr404 } from './not-found.js';

export const entityRouter = {
  list: publicProcedure
    .input(ListEntitiesInput)
    .output(ListEntitiesOutput)
    .query(({ ctx, input }) => ctx.store.listEntities(input)),
  get: publicProcedure
    .input(EntityIdInput)
    .output(EntityDetailSchema)
    .query(async ({ ctx, input }) =>
      foundOr404(await ctx.store.getEntityDetail(input.id), 'entity', input.id),
    ),
} satisfies TRPCRouterRecord;
