import type { EntityKind } from '@claimscope/schema';
import type { Metadata } from 'next';
import { ClaimFilterForm, type EntityChoice } from '~/components/claim-filter-form';
import { ClaimSummary } from '~/components/claim-summary';
import { DownloadMenu } from '~/components/download-menu';
import { Pager } from '~/components/pager';
import {
  type ClaimFilters,
  claimFiltersToSearch,
  claimListInput,
  claimPageLinks,
  type EntityRole,
  hasClaimFilters,
  parseClaimFilters,
  parseEntityQueries,
} from '~/lib/claim-filters';
import { corpusDownloads, filteredClaimsCsvHref } from '~/lib/downloads';
import { formatCount } from '~/lib/labels';
import { totalLabel } from '~/lib/page-links';
import type { SearchParamsRecord } from '~/lib/search-params';
import { getQueryClient, isNotFound, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Claims' };

type Props = { searchParams: Promise<SearchParamsRecord> };

const PAGE_SIZE = 50;
/** How many entities the page lists for the words typed to find a speaker, subject or outlet. */
const ENTITY_MATCHES = 12;

const KIND_OF: Partial<Record<EntityRole, EntityKind>> = { outlet: 'outlet' };

/** The chosen entity's name (null for an id the corpus does not know), by `entity.get`. */
async function entityName(id: string): Promise<string | null> {
  try {
    const detail = await getQueryClient().fetchQuery(
      trpc.entity.get.queryOptions({ id, mentionsLimit: 1, claimsLimit: 1, relationsLimit: 1 }),
    );
    return detail.entity.name;
  } catch (error) {
    if (isNotFound(error)) return null;
    throw error;
  }
}

/** One entity filter: the chosen entity by name, or the entities matching the words typed. */
async function entityChoice(
  role: EntityRole,
  filters: ClaimFilters,
  query: string,
): Promise<EntityChoice> {
  const id = filters[role];
  const href = (chosen: string | null) =>
    `/claims${claimFiltersToSearch({ ...filters, [role]: chosen, cursor: null, back: [] })}` ||
    '/claims';
  const removeHref = href(null);
  if (id)
    return { chosen: { id, name: await entityName(id) }, query: '', matches: null, removeHref };
  if (!query) return { chosen: null, query, matches: null, removeHref };
  const kind = KIND_OF[role];
  const found = await getQueryClient().fetchQuery(
    trpc.entity.list.queryOptions({
      text: query,
      limit: ENTITY_MATCHES,
      ...(kind ? { kind } : {}),
    }),
  );
  return {
    chosen: null,
    query,
    matches: found.items.map(({ id, name }) => ({ id, name, href: href(id) })),
    removeHref,
  };
}

export default async function Claims({ searchParams }: Props) {
  const params = await searchParams;
  const filters = parseClaimFilters(params);
  const queries = parseEntityQueries(params);
  const queryClient = getQueryClient();
  const [claims, stats, speaker, about, outlet] = await Promise.all([
    queryClient
      .fetchQuery(trpc.claim.list.queryOptions(claimListInput(filters, PAGE_SIZE)))
      .catch((error: unknown) => {
        // A cursor this site did not make: say so rather than quietly show the first page.
        if (filters.cursor && isNotFound(error)) return null;
        throw error;
      }),
    // The corpus's counts by kind and modality: exact for the options when nothing is filtered.
    hasClaimFilters(filters) ? null : queryClient.fetchQuery(trpc.stats.queryOptions({})),
    entityChoice('speaker', filters, queries.speaker),
    entityChoice('about', filters, queries.about),
    entityChoice('outlet', filters, queries.outlet),
  ]);
  const entities: Record<EntityRole, EntityChoice> = { speaker, about, outlet };
  const unknown = (
    [
      ['speaker', speaker],
      ['subject', about],
      ['outlet', outlet],
    ] as const
  ).filter(([, choice]) => choice.chosen && choice.chosen.name === null);
  const pages = claims ? claimPageLinks(filters, claims.nextCursor) : null;
  const first = filters.back.length * PAGE_SIZE + 1;
  return (
    <div className="page page--narrow">
      <h1>Claims</h1>
      <p className="lede">What each source says, who says it and how sure they sound.</p>
      <ClaimFilterForm
        filters={filters}
        entities={entities}
        counts={stats ? { kind: stats.claims.byKind, modality: stats.claims.byModality } : {}}
      />
      {unknown.length > 0 ? (
        <p className="status" role="status">
          {unknown.map(
            ([what, choice]) => `No ${what} “${choice.chosen?.id}” is known in this corpus. `,
          )}
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
            {totalLabel(claims)}{' '}
            {claims.total === 1 && !claims.totalIsLowerBound ? 'claim' : 'claims'}
            {hasClaimFilters(filters) ? ' match these filters' : ''}
            {filters.cursor && claims.items.length > 0
              ? ` · showing ${formatCount(first)}–${formatCount(first + claims.items.length - 1)}`
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
                  ? `These ${totalLabel(claims)} claims (CSV)`
                  : `All ${totalLabel(claims)} claims (CSV)`,
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
          <Pager
            label="Pages of claims"
            previous={
              pages?.previous
                ? { href: `/claims${pages.previous}`, label: '← Previous claims' }
                : null
            }
            next={pages?.next ? { href: `/claims${pages.next}`, label: 'More claims →' } : null}
          />
        </>
      )}
    </div>
  );
}
