import type { Metadata } from 'next';
import { ClaimFilterForm } from '~/components/claim-filter-form';
import { ClaimSummary } from '~/components/claim-summary';
import {
  claimFiltersToSearch,
  claimListInput,
  hasClaimFilters,
  parseClaimFilters,
  type SearchParamsRecord,
} from '~/lib/claim-filters';
import { fetchAllPages, getQueryClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Claims' };

type Props = { searchParams: Promise<SearchParamsRecord> };

export default async function Claims({ searchParams }: Props) {
  const filters = parseClaimFilters(await searchParams);
  const queryClient = getQueryClient();
  const [claims, entities] = await Promise.all([
    queryClient
      .fetchQuery(trpc.claim.list.queryOptions(claimListInput(filters)))
      .catch((error: unknown) => {
        // A stale cursor in a shared link should not hide the list: start from the first page.
        if (filters.cursor)
          return queryClient.fetchQuery(
            trpc.claim.list.queryOptions(claimListInput({ ...filters, cursor: null })),
          );
        throw error;
      }),
    fetchAllPages((cursor) =>
      queryClient.fetchQuery(
        trpc.entity.list.queryOptions({ limit: 100, sort: 'name', ...(cursor ? { cursor } : {}) }),
      ),
    ),
  ]);
  const speakers = entities
    .filter((e) => e.claimCount > 0)
    .map((e) => ({ id: e.id, name: e.name, count: e.claimCount }));
  const subjects = entities
    .filter((e) => e.aboutCount > 0)
    .map((e) => ({ id: e.id, name: e.name, count: e.aboutCount }));
  return (
    <div className="page page--narrow">
      <h1>Claims</h1>
      <p className="lede">What each source says, who says it and how sure they sound.</p>
      <ClaimFilterForm filters={filters} speakers={speakers} subjects={subjects} />
      <p className="muted" role="status" data-testid="claim-count">
        {claims.total} {claims.total === 1 ? 'claim' : 'claims'}
        {hasClaimFilters(filters) ? ' match these filters' : ''}
        {hasClaimFilters(filters) ? (
          <>
            {' · '}
            <a href="/claims">Clear filters</a>
          </>
        ) : null}
      </p>
      <ul className="card-list plain-list">
        {claims.items.map((c) => (
          <li key={c.id}>
            <ClaimSummary claim={c} headingLevel={2} />
          </li>
        ))}
      </ul>
      {claims.nextCursor ? (
        <p>
          <a
            className="button"
            href={`/claims${claimFiltersToSearch({ ...filters, cursor: claims.nextCursor })}`}
          >
            More claims →
          </a>
        </p>
      ) : null}
    </div>
  );
}
