import dagre from '@dagrejs/dagre';
import {
  EDGE_LABEL_HEIGHT,
  edgeLabelWidth,
  type GraphData,
  type GraphLayout,
  labelWidth,
  NODE_HEIGHT,
  type Point,
} from './graph-layout';

/** An edge routed by the layered layout: a path through `points`, its label at `labelAt`. */
export interface RoutedEdge {
  id: string;
  source: string;
  target: string;
  label: string;
  past: boolean;
  points: Point[];
  labelAt: Point;
}

export interface LayeredLayout extends GraphLayout {
  edges: RoutedEdge[];
}

export interface LayeredOptions {
  direction: 'LR' | 'TB';
  nodeGap: number;
  rankGap: number;
}

export const DEFAULT_LAYERED: LayeredOptions = { direction: 'LR', nodeGap: 10, rankGap: 60 };

/** How wide a row of separate clusters may grow before the next starts below it. */
const ROW_WIDTH = 1200;
const CLUSTER_GAP = 40;

/** The groups of entities linked to each other, largest first (ties in first-seen order). */
export function connectedGroups(data: GraphData): GraphData[] {
  const parent = new Map(data.nodes.map((n) => [n.id, n.id]));
  const root = (id: string): string => {
    let r = id;
    while (parent.get(r) !== r) r = parent.get(r) ?? r;
    parent.set(id, r);
    return r;
  };
  for (const e of data.edges) parent.set(root(e.source), root(e.target));
  const groups = new Map<string, GraphData>();
  for (const node of data.nodes) {
    const key = root(node.id);
    const group = groups.get(key) ?? { nodes: [], edges: [] };
    group.nodes.push(node);
    groups.set(key, group);
  }
  for (const edge of data.edges) groups.get(root(edge.source))?.edges.push(edge);
  return [...groups.values()].sort((a, b) => b.nodes.length - a.nodes.length);
}

/** One connected group laid out by dagre, from (0, 0). */
function layoutGroup(data: GraphData, options: LayeredOptions): LayeredLayout {
  const graph = new dagre.graphlib.Graph({ multigraph: true });
  graph.setGraph({
    rankdir: options.direction,
    nodesep: options.nodeGap,
    ranksep: options.rankGap,
    edgesep: 8,
    marginx: 0,
    marginy: 0,
    ranker: 'network-simplex',
  });
  graph.setDefaultEdgeLabel(() => ({}));
  for (const node of data.nodes)
    graph.setNode(node.id, { width: labelWidth(node.name), height: NODE_HEIGHT });
  for (const edge of data.edges)
    graph.setEdge(
      edge.source,
      edge.target,
      { width: edgeLabelWidth(edge.label), height: EDGE_LABEL_HEIGHT, labelpos: 'c' },
      edge.id,
    );
  dagre.layout(graph);
  const nodes = data.nodes.map((n) => {
    const placed = graph.node(n.id);
    return { ...n, x: placed.x, y: placed.y, width: labelWidth(n.name) };
  });
  const edges = data.edges.map((e) => {
    const routed = graph.edge({ v: e.source, w: e.target, name: e.id });
    return {
      ...e,
      points: (routed.points ?? []).map((p: Point) => ({ x: p.x, y: p.y })),
      labelAt: { x: routed.x ?? 0, y: routed.y ?? 0 },
    };
  });
  const size = graph.graph();
  return { nodes, edges, bounds: { x: 0, y: 0, width: size.width ?? 0, height: size.height ?? 0 } };
}

/**
 * A layered ("Sugiyama") layout by dagre for each group of linked entities: relations run one way
 * across ranks, the order in each rank is chosen to cut crossings, and every relation label is a
 * box the layout keeps clear of nodes and other labels, so none is dropped or overlapped. The
 * groups are then set in rows, largest first, so the drawing is not one long strip.
 * Deterministic, on the server.
 */
export function layoutLayered(
  data: GraphData,
  options: LayeredOptions = DEFAULT_LAYERED,
): LayeredLayout {
  const laid = connectedGroups(data).map((group) => layoutGroup(group, options));
  const rowWidth = Math.max(ROW_WIDTH, ...laid.map((g) => g.bounds.width));
  const nodes: LayeredLayout['nodes'] = [];
  const edges: RoutedEdge[] = [];
  let x = 0;
  let y = 0;
  let rowHeight = 0;
  let width = 0;
  for (const group of laid) {
    if (x > 0 && x + group.bounds.width > rowWidth) {
      x = 0;
      y += rowHeight + CLUSTER_GAP;
      rowHeight = 0;
    }
    const move = (p: Point) => ({ x: p.x + x, y: p.y + y });
    for (const n of group.nodes) nodes.push({ ...n, ...move(n) });
    for (const e of group.edges)
      edges.push({ ...e, points: e.points.map(move), labelAt: move(e.labelAt) });
    x += group.bounds.width + CLUSTER_GAP;
    width = Math.max(width, x - CLUSTER_GAP);
    rowHeight = Math.max(rowHeight, group.bounds.height);
  }
  const PAD = 24;
  return {
    nodes,
    edges,
    bounds: { x: -PAD, y: -PAD, width: width + 2 * PAD, height: y + rowHeight + 2 * PAD },
  };
}

const mid = (a: Point, b: Point): Point => ({ x: (a.x + b.x) / 2, y: (a.y + b.y) / 2 });

/**
 * A smooth path through a routed edge's points (each inner point bends the line, which passes
 * through the midpoints between them): the SVG path, and the same line sampled for measuring.
 */
export function smoothPath(points: readonly Point[]): { d: string; line: Point[] } {
  const r = (v: number) => Math.round(v * 10) / 10;
  const [first, ...rest] = points;
  if (!first) return { d: '', line: [] };
  let d = `M${r(first.x)},${r(first.y)}`;
  const line: Point[] = [first];
  let from = first;
  for (let i = 0; i < rest.length; i++) {
    const control = rest[i] as Point;
    const next = rest[i + 1];
    if (!next) {
      d += ` L${r(control.x)},${r(control.y)}`;
      line.push(control);
      break;
    }
    const to = i + 2 < rest.length ? mid(control, next) : next;
    d += ` Q${r(control.x)},${r(control.y)} ${r(to.x)},${r(to.y)}`;
    for (let t = 0.125; t <= 1; t += 0.125)
      line.push({
        x: (1 - t) ** 2 * from.x + 2 * (1 - t) * t * control.x + t ** 2 * to.x,
        y: (1 - t) ** 2 * from.y + 2 * (1 - t) * t * control.y + t ** 2 * to.y,
      });
    from = to;
    if (to === next) i++;
  }
  return { d, line };
}
