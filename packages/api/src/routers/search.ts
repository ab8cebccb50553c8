import { SearchInput, SearchOutput, search } from '../queries/search.js';
import { publicProcedure } from '../trpc.js';

export const searchProcedure = publicProcedure
  .input(SearchInput)
  .output(SearchOutput)
  .query(({ ctx, input }) => search(ctx.store, input));
