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
  // Outlets by name and alias, so "told the AP" can lead to the claims made to the AP.
  const outlets = await getQueryClient()
    .fetchQuery(trpc.entity.list.queryOptions({ kind: 'outlet', limit: 100 }))
    .then((page) =>
      page.items.map((e) => ({ id: e.id, name: e.name, aliases: e.aliases.map((a) => a.name) })),
    )
    .catch(() => []);
  return (
    <div className="page page--narrow">
      <h1>Search</h1>
      {/* The only page that queries the API from the browser, so the only one that loads the client. */}
      <TRPCReactProvider>
        <HydrateClient>
          <SearchView initialQuery={q} outlets={outlets} />
        </HydrateClient>
      </TRPCReactProvider>
    </div>
  );
}
