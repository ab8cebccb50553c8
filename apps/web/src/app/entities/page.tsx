import type { EntityKind, ReviewStatus } from '@claimscope/schema';
import type { Metadata } from 'next';
import { EntityFilterForm } from '~/components/entity-filter-form';
import { EntityList } from '~/components/entity-list';
import { Pager } from '~/components/pager';
import {
  type EntityFilters,
  entityFiltersToSearch,
  entityListInput,
  hasEntityFilters,
  parseEntityFilters,
} from '~/lib/entity-filters';
import { ENTITY_KINDS, formatCount, plural } from '~/lib/labels';
import { firstItemNumber, neighbourPages, pageSizeLinks } from '~/lib/page-links';
import { REVIEW_STATUSES } from '~/lib/review';
import { getQueryClient, orNotFound, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Entities' };

/** Entities on one page of the list (the API filters and counts; each card is ~1 KB). */
const ENTITIES_PER_PAGE = 50;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

const NOT_REVIEWED = REVIEW_STATUSES.filter((s) => s !== 'reviewed');

export default async function Entities({ searchParams }: Props) {
  const filters = parseEntityFilters(await searchParams);
  const queryClient = getQueryClient();
  const [page, stats, notReviewed] = await Promise.all([
    orNotFound(
      queryClient.fetchQuery(
        trpc.entity.list.queryOptions(entityListInput(filters, ENTITIES_PER_PAGE)),
      ),
    ),
    queryClient.fetchQuery(trpc.stats.queryOptions({})),
    // One entity is enough to know whether the review filter is worth offering.
    queryClient.fetchQuery(trpc.entity.list.queryOptions({ review: NOT_REVIEWED, limit: 1 })),
  ]);
  // The corpus's counts by kind are exact for the kind options only when nothing else filters.
  const exactKindCounts = !filters.q && filters.review.length === 0;
  const byKind = stats.entities.byKind as Partial<Record<EntityKind, number>>;
  const kinds = ENTITY_KINDS.filter(
    (kind) => (byKind[kind] ?? 0) > 0 || filters.kinds.includes(kind),
  ).map((kind) => ({ kind, count: exactKindCounts ? (byKind[kind] ?? 0) : undefined }));
  const reviews =
    notReviewed.total > 0 || filters.review.length > 0 ? REVIEW_STATUSES : ([] as ReviewStatus[]);
  const first = firstItemNumber(filters, ENTITIES_PER_PAGE);
  const last = first + page.items.length - 1;
  const pages = neighbourPages(filters, page.nextCursor);
  const pageHref = (position: Partial<EntityFilters>) =>
    `/entities${entityFiltersToSearch({ ...filters, ...position })}`;
  return (
    <div className="page">
      <h1>Entities</h1>
      <p className="lede">
        People, organizations, places, outlets and groups named in the articles.
      </p>
      <EntityFilterForm filters={filters} kinds={kinds} reviews={reviews} />
      <p className="muted" role="status" data-testid="entity-count">
        {plural(page.total, 'entity', 'entities')}
        {hasEntityFilters(filters) ? ' match these filters' : ''}
        {page.items.length > 0 && page.items.length < page.total
          ? ` · showing ${formatCount(first)}–${formatCount(last)}`
          : ''}
        {hasEntityFilters(filters) ? (
          <>
            {' · '}
            <a href={pageHref({ q: '', kinds: [], review: [], cursor: null, back: [] })}>
              Clear filters
            </a>
          </>
        ) : null}
      </p>
      <EntityList entities={page.items} />
      <Pager
        label="Pages of entities"
        {...pageSizeLinks(pages, pageHref, ENTITIES_PER_PAGE, page.total - last)}
      />
    </div>
  );
}
