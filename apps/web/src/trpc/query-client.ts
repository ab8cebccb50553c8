import { defaultShouldDehydrateQuery, QueryClient } from '@tanstack/react-query';

/** The API's data changes rarely: keep it fresh for a minute on both sides of hydration. */
export const STALE_TIME_MS = 60_000;

export function createQueryClient(): QueryClient {
  return new QueryClient({
    defaultOptions: {
      queries: {
        staleTime: STALE_TIME_MS,
        // The server has its own deadline and error view; in the browser, one retry for a blip.
        retry: typeof window === 'undefined' ? false : 1,
        refetchOnWindowFocus: false,
      },
      dehydrate: {
        // Also send queries still in flight, so prefetches that were not awaited stream in.
        shouldDehydrateQuery: (query) =>
          defaultShouldDehydrateQuery(query) || query.state.status === 'pending',
      },
    },
  });
}
