import {
  EDGE_LABEL_HEIGHT,
  edgeLabelWidth,
  NODE_HEIGHT,
  type PlacedEdge,
  type PlacedNode,
  type Point,
} from './graph-layout';

/** An edge as drawn: its two entities, its label (if drawn) and its line as points. */
export interface MeasuredEdge {
  source: string;
  target: string;
  label: string;
  labelAt: Point | null;
  line: Point[];
}

/** How readable a drawn graph is: fewer is better for each count. */
export interface GraphQuality {
  /** Pairs of edges that cross (edges sharing an entity are not counted). */
  crossings: number;
  /** Pairs of labels (entity names and relation labels) that overlap. */
  overlappingLabels: number;
  /** Edges drawn through an entity other than their own two. */
  edgesThroughNodes: number;
  /** Relations whose label found no place on the drawing. */
  missingEdgeLabels: number;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const SAMPLES = 24;

/** The quadratic curve of a force-layout edge, as points. */
export function quadraticLine(edge: Pick<PlacedEdge, 'start' | 'control' | 'end'>): Point[] {
  const points: Point[] = [];
  for (let i = 0; i <= SAMPLES; i++) {
    const t = i / SAMPLES;
    points.push({
      x: (1 - t) ** 2 * edge.start.x + 2 * (1 - t) * t * edge.control.x + t ** 2 * edge.end.x,
      y: (1 - t) ** 2 * edge.start.y + 2 * (1 - t) * t * edge.control.y + t ** 2 * edge.end.y,
    });
  }
  return points;
}

const cross = (o: Point, a: Point, b: Point) =>
  (a.x - o.x) * (b.y - o.y) - (a.y - o.y) * (b.x - o.x);

function segmentsCross(a: Point, b: Point, c: Point, d: Point): boolean {
  const d1 = cross(c, d, a);
  const d2 = cross(c, d, b);
  const d3 = cross(a, b, c);
  const d4 = cross(a, b, d);
  return d1 * d2 < 0 && d3 * d4 < 0;
}

function polylinesCross(p: Point[], q: Point[]): boolean {
  for (let i = 1; i < p.length; i++)
    for (let j = 1; j < q.length; j++)
      if (segmentsCross(p[i - 1] as Point, p[i] as Point, q[j - 1] as Point, q[j] as Point))
        return true;
  return false;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const inside = (p: Point, box: Box) =>
  p.x > box.left && p.x < box.right && p.y > box.top && p.y < box.bottom;

/** Measures a laid-out graph. */
export function graphQuality(
  nodes: readonly PlacedNode[],
  edges: readonly MeasuredEdge[],
): GraphQuality {
  const lines = edges.map((e) => e.line);
  let crossings = 0;
  for (let i = 0; i < edges.length; i++)
    for (let j = i + 1; j < edges.length; j++) {
      const a = edges[i] as (typeof edges)[number];
      const b = edges[j] as (typeof edges)[number];
      const shared = [a.source, a.target].some((id) => id === b.source || id === b.target);
      if (!shared && polylinesCross(lines[i] as Point[], lines[j] as Point[])) crossings++;
    }
  const nodeBoxes = nodes.map((n) => ({
    id: n.id,
    left: n.x - n.width / 2,
    right: n.x + n.width / 2,
    top: n.y - NODE_HEIGHT / 2,
    bottom: n.y + NODE_HEIGHT / 2,
  }));
  const labelBoxes: Box[] = [
    ...nodeBoxes,
    ...edges.flatMap((e) => {
      if (!e.labelAt) return [];
      const half = edgeLabelWidth(e.label) / 2;
      return [
        {
          left: e.labelAt.x - half,
          right: e.labelAt.x + half,
          top: e.labelAt.y - EDGE_LABEL_HEIGHT / 2,
          bottom: e.labelAt.y + EDGE_LABEL_HEIGHT / 2,
        },
      ];
    }),
  ];
  let overlappingLabels = 0;
  for (let i = 0; i < labelBoxes.length; i++)
    for (let j = i + 1; j < labelBoxes.length; j++)
      if (overlaps(labelBoxes[i] as Box, labelBoxes[j] as Box)) overlappingLabels++;
  let edgesThroughNodes = 0;
  edges.forEach((edge, i) => {
    const line = lines[i] as Point[];
    if (
      nodeBoxes.some(
        (box) =>
          box.id !== edge.source && box.id !== edge.target && line.some((p) => inside(p, box)),
      )
    )
      edgesThroughNodes++;
  });
  return {
    crossings,
    overlappingLabels,
    edgesThroughNodes,
    missingEdgeLabels: edges.filter((e) => !e.labelAt).length,
  };
}
