import { describe, expect, it } from 'vitest';
import {
  clipToBox,
  EDGE_LABEL_HEIGHT,
  edgeLabelWidth,
  type GraphData,
  labelWidth,
  layoutEdges,
  layoutGraph,
  NODE_HEIGHT,
} from '~/lib/graph-layout';

const data: GraphData = {
  nodes: [
    { id: 'a', name: 'al Qaeda', kind: 'organization' },
    { id: 'b', name: 'Islamic State', kind: 'organization' },
    { id: 'c', name: 'Center for Strategic and International Studies', kind: 'organization' },
    { id: 'd', name: 'Syria', kind: 'place' },
  ],
  edges: [
    { id: 'e1', source: 'a', target: 'b', label: 'in conflict with', past: false },
    { id: 'e2', source: 'b', target: 'a', label: 'offshoot of', past: true },
    { id: 'e3', source: 'c', target: 'b', label: 'studies', past: false },
    { id: 'e4', source: 'b', target: 'd', label: 'located in', past: false },
  ],
};

describe('relation graph layout', () => {
  it('is deterministic, so every visitor sees the same drawing', () => {
    expect(layoutGraph(data)).toEqual(layoutGraph(data));
  });

  it('keeps every pair of labels apart and inside the viewBox', () => {
    const { nodes, bounds } = layoutGraph(data);
    for (const [i, a] of nodes.entries())
      for (const b of nodes.slice(i + 1)) {
        const apart =
          Math.abs(a.x - b.x) >= (a.width + b.width) / 2 || Math.abs(a.y - b.y) >= NODE_HEIGHT;
        expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
      }
    for (const n of nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(bounds.x);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(bounds.x + bounds.width);
    }
  });

  it('sizes a node by its label', () => {
    expect(labelWidth('Center for Strategic and International Studies')).toBeGreaterThan(
      labelWidth('Syria') * 4,
    );
  });

  it('ends an arrow at the edge of the label box, not its centre', () => {
    const box = { x: 0, y: 0, width: 100 };
    expect(clipToBox({ x: -500, y: 0 }, box, 0)).toEqual({ x: -50, y: 0 });
    expect(clipToBox({ x: 0, y: 300 }, box, 0)).toEqual({ x: 0, y: NODE_HEIGHT / 2 });
  });

  it('gives every edge label a spot on its curve that covers no node and no other label', () => {
    // A hub with many neighbours and several relations per pair: the dense case.
    const names = ['Syria', 'Iraq', 'Jordan', 'Nusra Front', 'al Qaeda', 'Boko Haram', 'Yemen'];
    const dense: GraphData = {
      nodes: [
        { id: 'hub', name: 'Islamic State', kind: 'organization' },
        ...names.map((name, i) => ({ id: `n${i}`, name, kind: 'organization' as const })),
      ],
      edges: names.flatMap((_, i) => [
        { id: `a${i}`, source: 'hub', target: `n${i}`, label: 'in conflict with', past: false },
        { id: `b${i}`, source: `n${i}`, target: 'hub', label: 'pledged support to', past: true },
      ]),
    };
    for (const graph of [data, dense]) {
      const { nodes } = layoutGraph(graph);
      const edges = layoutEdges(graph, nodes);
      expect(edges).toHaveLength(graph.edges.length);
      const boxes = [
        ...nodes.map((n) => ({ id: n.id, x: n.x, y: n.y, width: n.width, height: NODE_HEIGHT })),
        ...edges.flatMap((e) =>
          e.labelAt
            ? [
                {
                  id: e.id,
                  ...e.labelAt,
                  width: edgeLabelWidth(e.label),
                  height: EDGE_LABEL_HEIGHT,
                },
              ]
            : [],
        ),
      ];
      for (const [i, a] of boxes.entries())
        for (const b of boxes.slice(i + 1)) {
          const apart =
            Math.abs(a.x - b.x) >= (a.width + b.width) / 2 ||
            Math.abs(a.y - b.y) >= (a.height + b.height) / 2;
          expect(apart, `${a.id} and ${b.id} overlap`).toBe(true);
        }
    }
    // With room to spare, no label is left off.
    const sparse = layoutEdges(data, layoutGraph(data).nodes);
    expect(sparse.every((e) => e.labelAt !== null)).toBe(true);
  });
});
