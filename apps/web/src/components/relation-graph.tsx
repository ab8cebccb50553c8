import { clipToBox, type GraphData, layoutGraph, NODE_HEIGHT } from '~/lib/graph-layout';
import { GraphViewport } from './graph-viewport';

/**
 * The relation graph as plain SVG drawn on the server: nodes are links to their entities, edges
 * are arrows labelled with the relation. Only panning and zooming run in the browser.
 */
export function RelationGraph({ data }: { data: GraphData }) {
  const { nodes, bounds } = layoutGraph(data);
  const byId = new Map(nodes.map((n) => [n.id, n]));
  // Several relations between the same two entities bend apart so their labels stay readable.
  const pairCount = new Map<string, number>();
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  for (const e of data.edges)
    pairCount.set(
      pairKey(e.source, e.target),
      (pairCount.get(pairKey(e.source, e.target)) ?? 0) + 1,
    );
  const pairSeen = new Map<string, number>();
  return (
    <GraphViewport bounds={bounds}>
      <defs>
        <marker
          id="graph-arrow"
          viewBox="0 0 10 10"
          refX="9"
          refY="5"
          markerWidth="7"
          markerHeight="7"
          orient="auto-start-reverse"
        >
          <path d="M0,0 L10,5 L0,10 z" className="graph-arrowhead" />
        </marker>
      </defs>
      <g className="graph-edges">
        {data.edges.map((edge) => {
          const source = byId.get(edge.source);
          const target = byId.get(edge.target);
          if (!source || !target) return null;
          const key = pairKey(edge.source, edge.target);
          const count = pairCount.get(key) ?? 1;
          const index = pairSeen.get(key) ?? 0;
          pairSeen.set(key, index + 1);
          const bend = (index - (count - 1) / 2) * 36 * (edge.source < edge.target ? 1 : -1);
          const dx = target.x - source.x;
          const dy = target.y - source.y;
          const length = Math.hypot(dx, dy) || 1;
          const control = {
            x: (source.x + target.x) / 2 - (dy / length) * bend,
            y: (source.y + target.y) / 2 + (dx / length) * bend,
          };
          const start = clipToBox(control, source);
          const end = clipToBox(control, target);
          const label = {
            x: (start.x + 2 * control.x + end.x) / 4,
            y: (start.y + 2 * control.y + end.y) / 4,
          };
          return (
            <g key={edge.id} className={edge.past ? 'graph-edge graph-edge--past' : 'graph-edge'}>
              <path
                d={`M${r(start.x)},${r(start.y)} Q${r(control.x)},${r(control.y)} ${r(end.x)},${r(end.y)}`}
                markerEnd="url(#graph-arrow)"
              />
              <text x={r(label.x)} y={r(label.y)} dy="0.32em" textAnchor="middle">
                {edge.label}
              </text>
            </g>
          );
        })}
      </g>
      <g className="graph-nodes">
        {nodes.map((node) => (
          <a
            key={node.id}
            href={`/entities/${node.id}`}
            className={`graph-node kind--${node.kind}`}
            data-entity={node.id}
          >
            <rect
              x={r(node.x - node.width / 2)}
              y={r(node.y - NODE_HEIGHT / 2)}
              width={r(node.width)}
              height={NODE_HEIGHT}
              rx={NODE_HEIGHT / 2}
            />
            <text x={r(node.x)} y={r(node.y)} dy="0.35em" textAnchor="middle">
              {node.name}
            </text>
          </a>
        ))}
      </g>
    </GraphViewport>
  );
}

/** Coordinates to one decimal: enough for the screen, and a smaller page. */
function r(value: number): number {
  return Math.round(value * 10) / 10;
}
