import {
  type GraphData,
  layoutEdges,
  layoutGraph,
  NODE_HEIGHT,
  type PlacedEdge,
} from '~/lib/graph-layout';
import { GraphViewport } from './graph-viewport';

/**
 * The relation graph as plain SVG drawn on the server: nodes are links to their entities, edges
 * are arrows labelled with the relation. Only panning and zooming run in the browser.
 */
export function RelationGraph({ data }: { data: GraphData }) {
  const { nodes, bounds } = layoutGraph(data);
  const edges = layoutEdges(data, nodes);
  const names = new Map(data.nodes.map((n) => [n.id, n.name]));
  const sentence = new Map(
    data.edges.map((e) => [
      e.id,
      `${names.get(e.source) ?? e.source} ${e.label} ${names.get(e.target) ?? e.target}`,
    ]),
  );
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
        {edges.map((edge) => (
          <g key={edge.id} className={edge.past ? 'graph-edge graph-edge--past' : 'graph-edge'}>
            <title>{sentence.get(edge.id)}</title>
            <path d={curve(edge)} markerEnd="url(#graph-arrow)" />
            {/* A wider, invisible stroke, so the pointer finds the relation's tooltip. */}
            <path d={curve(edge)} className="graph-edge__hit" />
            {edge.labelAt ? (
              <text x={r(edge.labelAt.x)} y={r(edge.labelAt.y)} dy="0.32em" textAnchor="middle">
                {edge.label}
              </text>
            ) : null}
          </g>
        ))}
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

function curve({ start, control, end }: PlacedEdge): string {
  return `M${r(start.x)},${r(start.y)} Q${r(control.x)},${r(control.y)} ${r(end.x)},${r(end.y)}`;
}

/** Coordinates to one decimal: enough for the screen, and a smaller page. */
function r(value: number): number {
  return Math.round(value * 10) / 10;
}
