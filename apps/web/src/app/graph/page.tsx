import type { EntityKind } from '@claimscope/schema';
import type { Metadata } from 'next';
import { GraphFilterForm } from '~/components/graph-filter-form';
import { RelationGraph } from '~/components/relation-graph';
import { RelationTable } from '~/components/relation-table';
import { graphDataOf } from '~/lib/graph-data';
import {
  graphFiltersToSearch,
  graphOptionCounts,
  graphRelations,
  parseGraphFilters,
  type RelationSort,
  tableRelations,
} from '~/lib/graph-filters';
import { ENTITY_KIND_LABEL, ENTITY_KINDS } from '~/lib/labels';
import { relationContext } from '~/trpc/citations';
import { fetchAllPages, getQueryClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Relations graph' };

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

export default async function Graph({ searchParams }: Props) {
  const relations = await fetchAllPages((cursor) =>
    getQueryClient().fetchQuery(
      trpc.relation.list.queryOptions({ limit: 100, ...(cursor ? { cursor } : {}) }),
    ),
  );
  const predicatesPresent = [...new Set(relations.map((r) => r.predicate))].sort();
  const filters = parseGraphFilters(await searchParams, predicatesPresent);
  const drawn = graphRelations(relations, filters);
  const rows = tableRelations(relations, filters);
  const data = graphDataOf(drawn);
  const counts = graphOptionCounts(relations, filters);
  const context = await relationContext(rows);
  const kindsDrawn = ENTITY_KINDS.filter((k) => data.nodes.some((n) => n.kind === k));
  const sortLink = (sort: RelationSort) =>
    `/graph${graphFiltersToSearch({
      ...filters,
      sort,
      descending: filters.sort === sort ? !filters.descending : false,
    })}#relations-table`;
  return (
    <div className="page">
      <h1>Relations</h1>
      <p className="lede">
        {data.nodes.length} entities joined by {drawn.length} relations
        {drawn.length < relations.length ? ` (of ${relations.length})` : ''}. Hover or focus a name
        to see its neighbours, drag to pan, zoom with the buttons or Ctrl + scroll; the table holds
        the same data with its evidence.
      </p>
      <GraphFilterForm
        kinds={ENTITY_KINDS.flatMap((kind) => {
          const count = counts.kinds.get(kind);
          return count || filters.kinds.includes(kind) ? [{ kind, count: count ?? 0 }] : [];
        })}
        predicates={predicatesPresent.map((predicate) => ({
          predicate,
          count: counts.predicates.get(predicate) ?? 0,
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
          <RelationTable
            relations={rows}
            caption="Every relation between entities"
            context={context}
            sort={{ by: filters.sort, descending: filters.descending, link: sortLink }}
          />
        </section>
      </div>
    </div>
  );
}
