import { type AppRouter, appRouter, createContext, createMemoryStore } from '@claimscope/api';
import type { ClaimscopeClient } from '@claimscope/client';
import { loadCorpus } from '@claimscope/corpus';
import { createTRPCClient, unstable_localLink } from '@trpc/client';

/**
 * The API router in this process, over the corpus bundled into the binary. Named imports (not
 * a dynamic import of the whole package) let the bundler leave out what only servers use: the
 * embedded and PostgreSQL stores, document import.
 */
export function createLocalClient(): ClaimscopeClient {
  const context = createContext(createMemoryStore(loadCorpus()));
  return createTRPCClient<AppRouter>({
    links: [unstable_localLink({ router: appRouter, createContext: async () => context })],
  });
}
