import type { AppRouter } from '@claimscope/client';
import { dehydrate, HydrationBoundary } from '@tanstack/react-query';
import { createTRPCClient, httpLink, TRPCClientError } from '@trpc/client';
import { createTRPCOptionsProxy } from '@trpc/tanstack-react-query';
import { notFound } from 'next/navigation';
import { cache, type ReactNode } from 'react';
import { API_REVALIDATE_SECONDS, apiTimeoutMs, apiUrl } from './api-url';
import { createQueryClient } from './query-client';

/** One query client per request, shared by every server component rendering it. */
export const getQueryClient = cache(createQueryClient);

/** fetch with a deadline, and answers cached by Next for a minute (the data changes rarely). */
const apiFetch: typeof fetch = (input, init) =>
  fetch(input, {
    ...init,
    signal: AbortSignal.timeout(apiTimeoutMs()),
    next: { revalidate: API_REVALIDATE_SECONDS },
  } as RequestInit);

/** The API client for server code outside React rendering (route handlers). */
export const apiClient = createTRPCClient<AppRouter>({
  // Unbatched GETs, so each procedure call is its own cache entry shared across pages.
  links: [httpLink({ url: apiUrl(), fetch: apiFetch })],
});

export const trpc = createTRPCOptionsProxy<AppRouter>({
  client: apiClient,
  queryClient: getQueryClient,
});

/**
 * True when the API says there is no such record: NOT_FOUND, or BAD_REQUEST for an id that is not
 * an id at all (a malformed id in a URL names nothing, so the page is a 404, not an outage).
 */
export function isNotFound(error: unknown): boolean {
  return (
    error instanceof TRPCClientError &&
    (error.data?.code === 'NOT_FOUND' || error.data?.code === 'BAD_REQUEST')
  );
}

/**
 * Runs a server-side load (usually `getQueryClient().fetchQuery(...)`, so the result is also
 * hydrated into the browser) and turns the API's NOT_FOUND into Next's 404 page.
 */
export async function orNotFound<T>(load: Promise<T>): Promise<T> {
  try {
    return await load;
  } catch (error) {
    if (isNotFound(error)) notFound();
    throw error;
  }
}

export function HydrateClient({ children }: { children: ReactNode }) {
  return <HydrationBoundary state={dehydrate(getQueryClient())}>{children}</HydrationBoundary>;
}
