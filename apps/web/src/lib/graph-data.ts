import type { RouterOutputs } from '@claimscope/client';
import type { GraphData } from './graph-layout';
import { predicateLabel } from './labels';

export type RelationView = RouterOutputs['relation']['list']['items'][number];

/** The graph of a list of relations: every entity on either side once, an edge per relation. */
export function graphDataOf(relations: readonly RelationView[]): GraphData {
  const nodes = new Map<string, GraphData['nodes'][number]>();
  for (const r of relations) {
    nodes.set(r.subject.id, r.subject);
    nodes.set(r.object.id, r.object);
  }
  return {
    nodes: [...nodes.values()],
    edges: relations.map((r) => ({
      id: r.id,
      source: r.subject.id,
      target: r.object.id,
      label: predicateLabel(r.predicate),
      past: r.past,
    })),
  };
}
