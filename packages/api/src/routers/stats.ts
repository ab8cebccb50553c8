import { StatsInput, StatsOutput } from '../contracts/stats.js';
import { publicProcedure } from '../trpc.js';

export const statsProcedure = publicProcedure
  .input(StatsInput)
  .output(StatsOutput)
  .query(({ ctx, input }) => ctx.store.stats(input));
