/**
 * Prints how readable the /graph drawing of the built-in corpus is: edge crossings, overlapping
 * labels, edges through other entities and relation labels left off. Run it before and after a
 * change to the layout: `pnpm --filter @claimscope/web graph:quality`.
 */
import { createCaller, createMemoryStore } from '@claimscope/api';
import { loadCorpus } from '@claimscope/corpus';
import { graphDataOf, type RelationView } from '../src/lib/graph-data';
import { layoutEdges, layoutGraph } from '../src/lib/graph-layout';
import { graphQuality } from '../src/lib/graph-quality';

const api = createCaller(createMemoryStore(loadCorpus()));
const relations: RelationView[] = [];
for (let cursor: string | null = null; ; ) {
  const page = await api.relation.list({ limit: 100, ...(cursor ? { cursor } : {}) });
  relations.push(...page.items);
  cursor = page.nextCursor;
  if (!cursor) break;
}
const data = graphDataOf(relations);
const { nodes } = layoutGraph(data);
const ends = new Map(data.edges.map((e) => [e.id, e]));
const edges = layoutEdges(data, nodes).map((e) => ({
  ...e,
  source: ends.get(e.id)?.source ?? '',
  target: ends.get(e.id)?.target ?? '',
}));
const quality = graphQuality(nodes, edges);
console.log(`${data.nodes.length} entities, ${data.edges.length} relations`);
console.log(`edge crossings:        ${quality.crossings}`);
console.log(`overlapping labels:    ${quality.overlappingLabels}`);
console.log(`edges through entities: ${quality.edgesThroughNodes}`);
console.log(`relation labels left off: ${quality.missingEdgeLabels}`);
