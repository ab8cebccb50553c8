import { SearchInput, SearchOutput } from '../contracts/search.js';
import { publicProcedure } from '../trpc.js';

export const searchProcedure = publicProcedure
  .input(SearchInput)
  .output(SearchOutput)
  .query(({ ctx, input }) => ctx.store.search(input));
