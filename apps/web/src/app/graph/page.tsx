import type { EntityKind, Predicate } from '@claimscope/schema';
import type { Metadata } from 'next';
import { GraphFilterForm } from '~/components/graph-filter-form';
import { Pager } from '~/components/pager';
import { RelationGraph } from '~/components/relation-graph';
import { RelationTable } from '~/components/relation-table';
import { graphDataOf } from '~/lib/graph-data';
import {
  type GraphFilters,
  type GraphScope,
  graphFiltersToSearch,
  graphOptionCounts,
  graphRelations,
  parseGraphFilters,
  type RelationSort,
  tableRelations,
} from '~/lib/graph-filters';
import { ENTITY_KIND_LABEL, ENTITY_KINDS, formatCount, plural } from '~/lib/labels';
import { firstItemNumber, neighbourPages, pageSizeLinks } from '~/lib/page-links';
import { relationContext } from '~/trpc/citations';
import { getQueryClient, orNotFound, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Relations graph' };

/**
 * The most relations drawn and listed at once. The whole corpus (98,000 relations at 10,000
 * articles) took 25 s and 20 MB; each row with its citation weighs ~5 KB of HTML, and 50 keeps
 * every relation of the seed article (45) on one page.
 */
const RELATIONS_PER_PAGE = 50;
/** How many of the most named entities the page offers as other scopes. */
const SUGGESTED_ENTITIES = 8;

type Props = { searchParams: Promise<Record<string, string | string[] | undefined>> };

function Legend({ kinds }: { kinds: EntityKind[] }) {
  return (
    <ul className="graph-legend" aria-label="Legend">
      {kinds.map((kind) => (
        <li key={kind}>
          <span className={`kind kind--${kind}`}>{ENTITY_KIND_LABEL[kind]}</span>
        </li>
      ))}
      <li>
        <svg width="36" height="10" aria-hidden="true">
          <line x1="0" y1="5" x2="36" y2="5" />
        </svg>{' '}
        stated relation, arrow from subject to object
      </li>
      <li>
        <svg width="36" height="10" aria-hidden="true">
          <line x1="0" y1="5" x2="36" y2="5" strokeDasharray="5 4" />
        </svg>{' '}
        relation in the past
      </li>
    </ul>
  );
}

/** The scope asked for, or (none asked for) the corpus's first article. */
async function chosenScope(filters: GraphFilters): Promise<GraphScope | null> {
  if (filters.scope) return filters.scope;
  const first = await getQueryClient().fetchQuery(trpc.article.list.queryOptions({ limit: 1 }));
  const article = first.items[0];
  return article ? { article: article.id } : null;
}

/** The scope's name for the page ("the article “…”"), and the predicates it holds with counts. */
async function describeScope(scope: GraphScope) {
  const queryClient = getQueryClient();
  if ('article' in scope) {
    const [article, stats] = await Promise.all([
      orNotFound(queryClient.fetchQuery(trpc.article.get.queryOptions({ id: scope.article }))),
      queryClient.fetchQuery(trpc.stats.queryOptions({ articleId: scope.article })),
    ]);
    return {
      kind: 'article' as const,
      name: article.headline,
      href: `/articles/${article.id}`,
      predicates: stats.relations.byPredicate,
    };
  }
  const [detail, stats] = await Promise.all([
    orNotFound(
      queryClient.fetchQuery(
        trpc.entity.get.queryOptions({
          id: scope.entity,
          mentionsLimit: 1,
          claimsLimit: 1,
          relationsLimit: 1,
        }),
      ),
    ),
    queryClient.fetchQuery(trpc.stats.queryOptions({})),
  ]);
  return {
    kind: 'entity' as const,
    name: detail.entity.name,
    href: `/entities/${detail.entity.id}`,
    // The corpus's predicates: counting an entity's would mean reading all its relations.
    predicates: stats.relations.byPredicate,
  };
}

/** What the graph shows, at the top; the other scopes to choose from are below the table. */
function ScopeHeading({
  described,
}: {
  described: Awaited<ReturnType<typeof describeScope>> | null;
}) {
  return (
    <>
      <h2 id="graph-scope-heading" className="small">
        {described === null ? (
          'No article yet'
        ) : described.kind === 'article' ? (
          <>
            Relations of the article <a href={described.href}>{described.name}</a>
          </>
        ) : (
          <>
            Relations with <a href={described.href}>{described.name}</a> on either side
          </>
        )}
      </h2>
      <p className="small">
        <a href="#other-scopes">Choose another article or entity</a>
      </p>
    </>
  );
}

function ScopeChooser({
  picked,
  suggestions,
}: {
  picked: boolean;
  suggestions: { id: string; name: string; kind: EntityKind }[];
}) {
  return (
    <section className="graph-scope" aria-labelledby="other-scopes">
      <h2 id="other-scopes">Other articles and entities</h2>
      <p className="small muted">
        {picked
          ? 'The first article of the corpus, as no article or entity was chosen: a graph of every article at once would be unreadable. '
          : ''}
        Choose another: every article’s page links to its graph, and so does every entity’s page.
      </p>
      {suggestions.length > 0 ? (
        <nav aria-label="Relations of the most named entities" className="chip-row small">
          <span>Most named:</span>
          {suggestions.map((e) => (
            <a key={e.id} href={`/graph?entity=${e.id}`} className={`kind kind--${e.kind}`}>
              {e.name}
            </a>
          ))}
        </nav>
      ) : null}
      <search>
        <form method="get" action="/entities" className="filters">
          <label>
            Find an entity
            <input type="search" name="q" placeholder="Name or alias" />
          </label>
          <button type="submit">Find</button>
        </form>
      </search>
    </section>
  );
}

export default async function Graph({ searchParams }: Props) {
  const params = await searchParams;
  const queryClient = getQueryClient();
  const asked = parseGraphFilters(params, []);
  const [scope, suggested] = await Promise.all([
    chosenScope(asked),
    queryClient.fetchQuery(
      trpc.entity.list.queryOptions({ limit: SUGGESTED_ENTITIES, sort: 'mentions' }),
    ),
  ]);
  const suggestions = suggested.items.map(({ id, name, kind }) => ({ id, name, kind }));
  if (!scope)
    return (
      <div className="page">
        <h1>Relations</h1>
        <ScopeHeading described={null} />
        <ScopeChooser picked={false} suggestions={suggestions} />
        <p className="status">No relation is recorded yet.</p>
      </div>
    );

  const described = await describeScope(scope);
  const predicatesPresent = (Object.entries(described.predicates) as [Predicate, number][])
    .filter(([, count]) => count > 0)
    .map(([predicate]) => predicate)
    .sort();
  const filters: GraphFilters = { ...parseGraphFilters(params, predicatesPresent), scope };
  const page = await orNotFound(
    queryClient.fetchQuery(
      trpc.relation.list.queryOptions({
        ...('article' in scope ? { articleId: scope.article } : { entityId: scope.entity }),
        ...(filters.predicates.length > 0 ? { predicate: filters.predicates } : {}),
        limit: RELATIONS_PER_PAGE,
        ...(filters.cursor ? { cursor: filters.cursor } : {}),
      }),
    ),
  );
  const relations = page.items;
  const drawn = graphRelations(relations, filters);
  const rows = tableRelations(relations, filters);
  const data = graphDataOf(drawn);
  const context = await relationContext(rows);
  const kindsDrawn = ENTITY_KINDS.filter((k) => data.nodes.some((n) => n.kind === k));

  // Counts come only where they are exact without reading more relations: from this page when it
  // holds every relation of the scope, else from the API's statistics of an article.
  const whole = !filters.cursor && !page.nextCursor;
  const counts = graphOptionCounts(relations, filters);
  const kindCount = (kind: EntityKind) => (whole ? (counts.kinds.get(kind) ?? 0) : undefined);
  const predicateCount = (predicate: Predicate) =>
    whole && filters.predicates.length === 0
      ? (counts.predicates.get(predicate) ?? 0)
      : described.kind === 'article' && filters.kinds.length === 0
        ? (described.predicates[predicate] ?? 0)
        : undefined;

  const first = firstItemNumber(filters, RELATIONS_PER_PAGE);
  const last = first + relations.length - 1;
  const pages = neighbourPages(filters, page.nextCursor);
  const pageHref = (position: Partial<GraphFilters>) =>
    `/graph${graphFiltersToSearch({ ...filters, ...position })}`;
  const sortLink = (sort: RelationSort) =>
    `/graph${graphFiltersToSearch({
      ...filters,
      sort,
      descending: filters.sort === sort ? !filters.descending : false,
    })}#relations-table`;
  return (
    <div className="page">
      <h1>Relations</h1>
      <ScopeHeading described={described} />
      <p className="lede" data-testid="graph-extent">
        {plural(data.nodes.length, 'entity', 'entities')} joined by{' '}
        {plural(drawn.length, 'relation')}
        {drawn.length < relations.length
          ? ` (of ${formatCount(relations.length)} on this page)`
          : ''}
        {whole
          ? ''
          : relations.length > 0
            ? `; relations ${formatCount(first)}–${formatCount(last)} of ${formatCount(page.total)}`
            : `; none here of ${formatCount(page.total)}`}
        {filters.predicates.length > 0 ? ' with the relations ticked' : ''}. Hover or focus a name
        to see its neighbours, drag to pan, zoom with the buttons or Ctrl + scroll; the table holds
        the same data with its evidence.
      </p>
      <GraphFilterForm
        scope={scope}
        kinds={ENTITY_KINDS.flatMap((kind) => {
          const count = kindCount(kind);
          return count === undefined || count > 0 || filters.kinds.includes(kind)
            ? [{ kind, count }]
            : [];
        })}
        predicates={predicatesPresent.map((predicate) => ({
          predicate,
          count: predicateCount(predicate),
        }))}
        chosenKinds={filters.kinds}
        chosenPredicates={filters.predicates}
        q={filters.q}
      />
      <div className="graph-layout">
        <section aria-labelledby="graph-heading">
          <h2 id="graph-heading" className="visually-hidden">
            Graph
          </h2>
          <Legend kinds={kindsDrawn} />
          {drawn.length > 0 ? (
            <RelationGraph data={data} />
          ) : (
            <p className="status">No relation matches these filters.</p>
          )}
        </section>
        <section className="graph-table" aria-labelledby="relations-table">
          <h2 id="relations-table">
            Relations as a table <span className="muted small">({rows.length})</span>
          </h2>
          {whole ? null : (
            <p className="muted small">The words and the order apply to this page.</p>
          )}
          <RelationTable
            relations={rows}
            caption={
              described.kind === 'article'
                ? `Relations of the article ${described.name}`
                : `Relations of ${described.name}`
            }
            context={context}
            permalinkPath={`/graph${graphFiltersToSearch({ scope, cursor: filters.cursor, back: filters.back })}`}
            sort={{ by: filters.sort, descending: filters.descending, link: sortLink }}
          />
          <Pager
            label="Pages of relations"
            {...pageSizeLinks(pages, pageHref, RELATIONS_PER_PAGE, page.total - last)}
          />
        </section>
      </div>
      <ScopeChooser picked={asked.scope === null} suggestions={suggestions} />
    </div>
  );
}
