import type { TRPCRouterRecord } from '@trpc/server';
import { ListRelationsInput, ListRelationsOutput } from '../contracts/relations.js';
import { publicProcedure } from '../trpc.js';

export const relationRouter = {
  list: publicProcedure
    .input(ListRelationsInput)
    .output(ListRelationsOutput)
    .query(({ ctx, input }) => ctx.store.listRelations(input)),
} satisfies TRPCRouterRecord;
