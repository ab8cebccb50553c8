import { layoutLayered, smoothPath } from '~/lib/graph-layered';
import { type GraphData, NODE_HEIGHT } from '~/lib/graph-layout';
import { GraphViewport } from './graph-viewport';

/**
 * The relation graph as plain SVG drawn on the server (a layered layout: see graph-layered.ts):
 * nodes are links to their entities, edges are arrows labelled with the relation. Only panning,
 * zooming and highlighting a node's neighbours run in the browser, through the data attributes
 * on nodes (data-entity) and edges (data-source, data-target).
 */
export function RelationGraph({ data }: { data: GraphData }) {
  const { nodes, edges, bounds } = layoutLayered(data);
  const names = new Map(data.nodes.map((n) => [n.id, n.name]));
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
        {edges.map((edge) => {
          const { d } = smoothPath(edge.points);
          return (
            <g
              key={edge.id}
              className={edge.past ? 'graph-edge graph-edge--past' : 'graph-edge'}
              data-relation={edge.id}
              data-source={edge.source}
              data-target={edge.target}
            >
              <title>{`${names.get(edge.source)} ${edge.label} ${names.get(edge.target)}${edge.past ? ' (in the past)' : ''}`}</title>
              <path d={d} markerEnd="url(#graph-arrow)" />
              {/* A wider, invisible stroke, so the pointer finds the relation's tooltip. */}
              <path d={d} className="graph-edge__hit" />
              <text x={r(edge.labelAt.x)} y={r(edge.labelAt.y)} dy="0.32em" textAnchor="middle">
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
