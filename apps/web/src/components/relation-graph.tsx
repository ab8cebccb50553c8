'use client';

import type { EntityKind } from '@claimscope/schema';
import dynamic from 'next/dynamic';

export interface GraphData {
  nodes: { id: string; name: string; kind: EntityKind }[];
  edges: { id: string; source: string; target: string; label: string; past: boolean }[];
}

/** The graph library loads only on this page, in the browser, after the table is already shown. */
const RelationGraphCanvas = dynamic(() => import('./relation-graph-canvas'), {
  ssr: false,
  loading: () => (
    <p className="graph-loading muted" role="status">
      Loading the graph…
    </p>
  ),
});

export function RelationGraph({ data }: { data: GraphData }) {
  return (
    <div className="graph-canvas" data-testid="graph">
      <RelationGraphCanvas data={data} />
    </div>
  );
}
