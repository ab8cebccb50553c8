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
