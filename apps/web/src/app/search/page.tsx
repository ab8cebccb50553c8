import type { Metadata } from 'next';
import { SearchView } from '~/components/search-view';
import { TRPCReactProvider } from '~/trpc/react';
import { getQueryClient, HydrateClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Search' };

type Props = { searchParams: Promise<{ q?: string | string[] }> };

export default async function Search({ searchParams }: Props) {
  const raw = (await searchParams).q;
  const q = (Array.isArray(raw) ? raw[0] : raw)?.trim().slice(0, 200) ?? '';
  // A shared /search?q= link renders its results on the server; failures fall back to the client.
  if (q) await getQueryClient().prefetchQuery(trpc.search.queryOptions({ q, limit: 30 }));
  return (
    <div className="page page--narrow">
      <h1>Search</h1>
      {/* The only page that queries the API from the browser, so the only one that loads the client. */}
      <TRPCReactProvider>
        <HydrateClient>
          <SearchView initialQuery={q} />
        </HydrateClient>
      </TRPCReactProvider>
    </div>
  );
}
