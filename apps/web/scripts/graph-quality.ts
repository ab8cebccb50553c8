/**
 * Prints how readable the /graph drawing of the built-in corpus is: edge crossings, overlapping
 * labels, edges through other entities and relation labels left off. Run it before and after a
 * change to the layout: `pnpm --filter @claimscope/web graph:quality`.
 */
import { createCaller, createMemoryStore } from '@claimscope/api';
import { loadCorpus } from '@claimscope/corpus';
import { graphDataOf, type RelationView } from '../src/lib/graph-data';
import { layoutLayered, smoothPath } from '../src/lib/graph-layered';
import { layoutEdges, layoutGraph } from '../src/lib/graph-layout';
import { graphQuality, quadraticLine } from '../src/lib/graph-quality';

const api = createCaller(createMemoryStore(loadCorpus()));
const relations: RelationView[] = [];
for (let cursor: string | null = null; ; ) {
  const page = await api.relation.list({ limit: 100, ...(cursor ? { cursor } : {}) });
  relations.push(...page.items);
  cursor = page.nextCursor;
  if (!cursor) break;
}
const data = graphDataOf(relations);
const ends = new Map(data.edges.map((e) => [e.id, e]));

/** The force layout /graph drew before the layered one (kept to compare against). */
function forceLayout() {
  const { nodes } = layoutGraph(data);
  const edges = layoutEdges(data, nodes).map((e) => ({
    source: ends.get(e.id)?.source ?? '',
    target: ends.get(e.id)?.target ?? '',
    label: e.label,
    labelAt: e.labelAt,
    line: quadraticLine(e),
  }));
  return graphQuality(nodes, edges);
}

/** The layered layout /graph draws. */
function layered() {
  const { nodes, edges } = layoutLayered(data);
  return graphQuality(
    nodes,
    edges.map((e) => ({ ...e, line: smoothPath(e.points).line })),
  );
}

console.log(`${data.nodes.length} entities, ${data.edges.length} relations`);
const rows = { 'force (before)': forceLayout(), 'layered (now)': layered() };
console.table(rows);
