import type { Metadata } from 'next';
import { ClaimFilterForm, type EntityOption } from '~/components/claim-filter-form';
import { ClaimSummary } from '~/components/claim-summary';
import { DownloadMenu } from '~/components/download-menu';
import {
  claimFacetCounts,
  claimListInput,
  claimPageLinks,
  claimTotalLabel,
  hasClaimFilters,
  parseClaimFilters,
  type SearchParamsRecord,
} from '~/lib/claim-filters';
import { corpusDownloads, filteredClaimsCsvHref } from '~/lib/downloads';
import { fetchAllPages, getQueryClient, isNotFound, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Claims' };

type Props = { searchParams: Promise<SearchParamsRecord> };

const PAGE_SIZE = 50;

export default async function Claims({ searchParams }: Props) {
  const filters = parseClaimFilters(await searchParams);
  const queryClient = getQueryClient();
  const [claims, textMatches, entities] = await Promise.all([
    queryClient
      .fetchQuery(trpc.claim.list.queryOptions(claimListInput(filters, PAGE_SIZE)))
      .catch((error: unknown) => {
        // A cursor this site did not make: say so rather than quietly show the first page.
        if (filters.cursor && isNotFound(error)) return null;
        throw error;
      }),
    // Every claim with the words asked for: the options' counts come from them.
    fetchAllPages((cursor) =>
      queryClient.fetchQuery(
        trpc.claim.list.queryOptions({
          limit: 100,
          ...(filters.q ? { text: filters.q } : {}),
          ...(cursor ? { cursor } : {}),
        }),
      ),
    ),
    fetchAllPages((cursor) =>
      queryClient.fetchQuery(
        trpc.entity.list.queryOptions({ limit: 100, sort: 'name', ...(cursor ? { cursor } : {}) }),
      ),
    ),
  ]);
  const counts = claimFacetCounts(textMatches, filters);
  const options = (ids: Map<string, number>, chosen: string | null): EntityOption[] =>
    entities
      .filter((e) => ids.has(e.id) || e.id === chosen)
      .map((e) => ({ id: e.id, name: e.name, count: ids.get(e.id) ?? 0 }));
  const outletIds = new Set(textMatches.flatMap((c) => c.channel.outletId ?? []));
  const unknown = [
    ['speaker', filters.speaker],
    ['subject', filters.about],
    ['outlet', filters.outlet],
  ].filter(([, id]) => id && !entities.some((e) => e.id === id));
  const pages = claims ? claimPageLinks(filters, claims.nextCursor) : null;
  const first = filters.back.length * PAGE_SIZE + 1;
  return (
    <div className="page page--narrow">
      <h1>Claims</h1>
      <p className="lede">What each source says, who says it and how sure they sound.</p>
      <ClaimFilterForm
        filters={filters}
        speakers={options(counts.speaker, filters.speaker)}
        subjects={options(counts.about, filters.about)}
        outlets={options(
          new Map([...outletIds].map((id) => [id, counts.outlet.get(id) ?? 0])),
          filters.outlet,
        )}
        counts={{
          kind: Object.fromEntries(counts.kind),
          modality: Object.fromEntries(counts.modality),
          channel: Object.fromEntries(counts.channel),
          review: Object.fromEntries(counts.review),
        }}
      />
      {unknown.length > 0 ? (
        <p className="status" role="status">
          {unknown.map(([what, id]) => `No ${what} “${id}” is known in this corpus. `)}
          <a href="/claims">Clear filters</a>
        </p>
      ) : null}
      {claims === null ? (
        <section className="status status--error" role="alert" aria-labelledby="bad-page">
          <h2 id="bad-page">This page of the list does not exist</h2>
          <p>
            The link names a page (<code>cursor</code>) this site did not make, or one of an older
            list. <a href="/claims">Start from the first page</a>.
          </p>
        </section>
      ) : (
        <>
          <p className="muted" role="status" data-testid="claim-count">
            {claimTotalLabel(claims)}{' '}
            {claims.total === 1 && !claims.totalIsLowerBound ? 'claim' : 'claims'}
            {hasClaimFilters(filters) ? ' match these filters' : ''}
            {filters.cursor && claims.items.length > 0
              ? ` · showing ${first}–${first + claims.items.length - 1}`
              : ''}
            {hasClaimFilters(filters) ? (
              <>
                {' · '}
                <a href="/claims">Clear filters</a>
              </>
            ) : null}
          </p>
          <DownloadMenu
            links={[
              {
                label: hasClaimFilters(filters)
                  ? `These ${claimTotalLabel(claims)} claims (CSV)`
                  : `All ${claimTotalLabel(claims)} claims (CSV)`,
                hint: 'exactly what the filters show, every page',
                href: filteredClaimsCsvHref(claimListInput(filters)),
              },
              ...corpusDownloads(),
            ]}
          />
          <ul className="card-list plain-list">
            {claims.items.map((c) => (
              <li key={c.id}>
                <ClaimSummary claim={c} headingLevel={2} />
              </li>
            ))}
          </ul>
          {pages?.previous || pages?.next ? (
            <nav className="pager" aria-label="Pages of claims">
              {pages.previous ? (
                <a className="button" href={`/claims${pages.previous}`} rel="prev">
                  ← Previous claims
                </a>
              ) : null}
              {pages.next ? (
                <a className="button" href={`/claims${pages.next}`} rel="next">
                  More claims →
                </a>
              ) : null}
            </nav>
          ) : null}
        </>
      )}
    </div>
  );
}
