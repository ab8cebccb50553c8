import type { EntityKind } from '@claimscope/schema';
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';

export interface GraphData {
  nodes: { id: string; name: string; kind: EntityKind }[];
  edges: { id: string; source: string; target: string; label: string; past: boolean }[];
}

export interface PlacedNode {
  id: string;
  name: string;
  kind: EntityKind;
  x: number;
  y: number;
  width: number;
}

export interface GraphLayout {
  nodes: PlacedNode[];
  /** The drawing's extent, padded: the SVG viewBox, so the browser fits it to the box. */
  bounds: { x: number; y: number; width: number; height: number };
}

export const NODE_HEIGHT = 24;

/** Roughly how wide a node's label renders (12 px system sans, plus padding), without measuring. */
export function labelWidth(name: string): number {
  return Math.min(name.length, 48) * 7 + 18;
}

interface SimNode extends SimulationNodeDatum {
  id: string;
  radius: number;
}

/**
 * Places node centres with a force simulation run to rest on the server (deterministic, so the
 * page is the same for everyone and the browser does no layout work). Labels are wide and short,
 * so the simulation runs with x squeezed: a circle in squeezed space is an ellipse that keeps
 * whole labels apart once x is stretched back.
 */
export function layoutGraph(data: GraphData): GraphLayout {
  const SQUEEZE = 0.5;
  const nodes: SimNode[] = data.nodes.map((n) => ({
    id: n.id,
    radius: (labelWidth(n.name) / 2) * SQUEEZE + 14,
  }));
  const radius = new Map(nodes.map((n) => [n.id, n.radius]));
  const links = data.edges.map((e) => ({
    source: e.source,
    target: e.target,
    sourceId: e.source,
    targetId: e.target,
  }));
  forceSimulation(nodes)
    .force(
      'link',
      forceLink<SimNode, (typeof links)[number]>(links)
        .id((n) => n.id)
        .distance((l) => 60 + (radius.get(l.sourceId) ?? 0) + (radius.get(l.targetId) ?? 0))
        .strength(0.4),
    )
    .force('charge', forceManyBody().strength(-260).distanceMax(600))
    .force('collide', forceCollide<SimNode>((n) => n.radius).iterations(3))
    .force('x', forceX(0).strength(0.08))
    .force('y', forceY(0).strength(0.06))
    .stop()
    .tick(400);
  const position = new Map(nodes.map((n) => [n.id, { x: (n.x ?? 0) / SQUEEZE, y: n.y ?? 0 }]));
  const placed = data.nodes.map((n) => ({
    ...n,
    ...(position.get(n.id) ?? { x: 0, y: 0 }),
    width: labelWidth(n.name),
  }));
  const PAD = 24;
  const left = Math.min(...placed.map((n) => n.x - n.width / 2)) - PAD;
  const right = Math.max(...placed.map((n) => n.x + n.width / 2)) + PAD;
  const top = Math.min(...placed.map((n) => n.y - NODE_HEIGHT / 2)) - PAD;
  const bottom = Math.max(...placed.map((n) => n.y + NODE_HEIGHT / 2)) + PAD;
  return {
    nodes: placed,
    bounds: placed.length
      ? { x: left, y: top, width: right - left, height: bottom - top }
      : { x: 0, y: 0, width: 1, height: 1 },
  };
}

export interface Point {
  x: number;
  y: number;
}

export interface PlacedEdge {
  id: string;
  label: string;
  past: boolean;
  /** A quadratic curve from `start` to `end` bent through `control`. */
  start: Point;
  control: Point;
  end: Point;
  /** Where the relation's label is drawn, or null where no free spot was found on the curve. */
  labelAt: Point | null;
}

/** Box of an edge label (10 px system sans), centred on its point. */
export const EDGE_LABEL_HEIGHT = 12;
export function edgeLabelWidth(label: string): number {
  return label.length * 5.6 + 6;
}

interface Box {
  left: number;
  right: number;
  top: number;
  bottom: number;
}

const overlaps = (a: Box, b: Box) =>
  a.left < b.right && b.left < a.right && a.top < b.bottom && b.top < a.bottom;

const pointOnCurve = (edge: Pick<PlacedEdge, 'start' | 'control' | 'end'>, t: number): Point => ({
  x: (1 - t) ** 2 * edge.start.x + 2 * (1 - t) * t * edge.control.x + t ** 2 * edge.end.x,
  y: (1 - t) ** 2 * edge.start.y + 2 * (1 - t) * t * edge.control.y + t ** 2 * edge.end.y,
});

/** Where along its curve a label may sit, best first: the middle, then outwards. */
const LABEL_POSITIONS = [0.5, 0.4, 0.6, 0.3, 0.7, 0.22, 0.78];

/**
 * Routes the edges between placed nodes and finds each label a spot on its curve that covers no
 * node and no label placed before it. Several relations between the same two entities bend apart.
 * Shorter edges choose first: in a dense cluster they have the fewest free spots. A label that
 * finds no spot is left off the drawing (the edge keeps it as its tooltip, and the table beside
 * the graph lists every relation).
 */
export function layoutEdges(data: GraphData, nodes: PlacedNode[]): PlacedEdge[] {
  const byId = new Map(nodes.map((n) => [n.id, n]));
  const pairKey = (a: string, b: string) => (a < b ? `${a}|${b}` : `${b}|${a}`);
  const pairCount = new Map<string, number>();
  for (const e of data.edges) {
    const key = pairKey(e.source, e.target);
    pairCount.set(key, (pairCount.get(key) ?? 0) + 1);
  }
  const pairSeen = new Map<string, number>();
  const routed: PlacedEdge[] = [];
  for (const edge of data.edges) {
    const source = byId.get(edge.source);
    const target = byId.get(edge.target);
    if (!source || !target) continue;
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
    routed.push({
      id: edge.id,
      label: edge.label,
      past: edge.past,
      start: clipToBox(control, source),
      control,
      end: clipToBox(control, target),
      labelAt: null,
    });
  }
  const taken: Box[] = nodes.map((n) => ({
    left: n.x - n.width / 2,
    right: n.x + n.width / 2,
    top: n.y - NODE_HEIGHT / 2,
    bottom: n.y + NODE_HEIGHT / 2,
  }));
  const curveLength = (e: PlacedEdge) =>
    Math.hypot(e.control.x - e.start.x, e.control.y - e.start.y) +
    Math.hypot(e.end.x - e.control.x, e.end.y - e.control.y);
  for (const edge of [...routed].sort((a, b) => curveLength(a) - curveLength(b))) {
    const halfWidth = edgeLabelWidth(edge.label) / 2;
    for (const t of LABEL_POSITIONS) {
      const at = pointOnCurve(edge, t);
      const box = {
        left: at.x - halfWidth,
        right: at.x + halfWidth,
        top: at.y - EDGE_LABEL_HEIGHT / 2,
        bottom: at.y + EDGE_LABEL_HEIGHT / 2,
      };
      if (taken.some((other) => overlaps(box, other))) continue;
      taken.push(box);
      edge.labelAt = at;
      break;
    }
  }
  return routed;
}

/**
 * Where the segment from `from` towards the centre of the box `to` leaves that box: arrows end at
 * the label's edge, not under it.
 */
export function clipToBox(
  from: { x: number; y: number },
  to: { x: number; y: number; width: number },
  gap = 3,
): { x: number; y: number } {
  const dx = from.x - to.x;
  const dy = from.y - to.y;
  if (dx === 0 && dy === 0) return { x: to.x, y: to.y };
  const halfW = to.width / 2 + gap;
  const halfH = NODE_HEIGHT / 2 + gap;
  const scale = Math.min(
    dx === 0 ? Number.POSITIVE_INFINITY : halfW / Math.abs(dx),
    dy === 0 ? Number.POSITIVE_INFINITY : halfH / Math.abs(dy),
  );
  return { x: to.x + dx * scale, y: to.y + dy * scale };
}
