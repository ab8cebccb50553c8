import type { TRPCRouterRecord } from '@trpc/server';
import {
  EntityDetailSchema,
  EntityIdInput,
  getEntity,
  ListEntitiesInput,
  ListEntitiesOutput,
  listEntities,
} from '../queries/entities.js';
import { publicProcedure } from '../trpc.js';
import { foundOr404 } from './not-found.js';

export const entityRouter = {
  list: publicProcedure
    .input(ListEntitiesInput)
    .output(ListEntitiesOutput)
    .query(({ ctx, input }) => listEntities(ctx.store, input)),
  get: publicProcedure
    .input(EntityIdInput)
    .output(EntityDetailSchema)
    .query(({ ctx, input }) => foundOr404(getEntity(ctx.store, input.id), 'entity', input.id)),
} satisfies TRPCRouterRecord;
