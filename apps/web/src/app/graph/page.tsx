import type { Metadata } from 'next';
import { RelationGraph } from '~/components/relation-graph';
import { RelationTable } from '~/components/relation-table';
import { graphDataOf } from '~/lib/graph-data';
import { relationContext } from '~/trpc/citations';
import { fetchAllPages, getQueryClient, trpc } from '~/trpc/server';

export const metadata: Metadata = { title: 'Relations graph' };

export default async function Graph() {
  const relations = await fetchAllPages((cursor) =>
    getQueryClient().fetchQuery(
      trpc.relation.list.queryOptions({ limit: 100, ...(cursor ? { cursor } : {}) }),
    ),
  );
  const data = graphDataOf(relations);
  const context = await relationContext(relations);
  return (
    <div className="page">
      <h1>Relations</h1>
      <p className="lede">
        {data.nodes.length} entities joined by {relations.length} relations. Drag to pan, zoom with
        the buttons or Ctrl + scroll, click a name to open it; the table holds the same data.
      </p>
      <div className="graph-layout">
        <RelationGraph data={data} />
        <section className="graph-table" aria-labelledby="relations-table">
          <h2 id="relations-table" className="visually-hidden">
            Relations as a table
          </h2>
          <RelationTable
            relations={relations}
            caption="Every relation between entities"
            context={context}
          />
        </section>
      </div>
    </div>
  );
}
