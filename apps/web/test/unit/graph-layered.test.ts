import { describe, expect, it } from 'vitest';
import type { RelationView } from '~/lib/graph-data';
import {
  graphFiltersToSearch,
  graphOptionCounts,
  graphRelations,
  parseGraphFilters,
  tableRelations,
} from '~/lib/graph-filters';
import { connectedGroups, layoutLayered, smoothPath } from '~/lib/graph-layered';
import type { GraphData } from '~/lib/graph-layout';
import { graphQuality } from '~/lib/graph-quality';

/** A hub with many neighbours, a chain and a separate pair: the shapes of the corpus graph. */
const data: GraphData = {
  nodes: [
    { id: 'aq', name: 'al Qaeda', kind: 'organization' },
    { id: 'is', name: 'Islamic State', kind: 'organization' },
    { id: 'nusra', name: 'Jabhat al-Nusra', kind: 'organization' },
    { id: 'zawahiri', name: 'Ayman al-Zawahiri', kind: 'person' },
    { id: 'baghdadi', name: 'Abu Bakr al-Baghdadi', kind: 'person' },
    { id: 'aqap', name: 'al Qaeda in the Arabian Peninsula', kind: 'organization' },
    { id: 'syria', name: 'Syria', kind: 'place' },
    { id: 'csis', name: 'CSIS', kind: 'organization' },
    { id: 'sanderson', name: 'Thomas Sanderson', kind: 'person' },
  ],
  edges: [
    { id: 'e1', source: 'zawahiri', target: 'aq', label: 'leader of', past: false },
    { id: 'e2', source: 'baghdadi', target: 'is', label: 'leader of', past: false },
    { id: 'e3', source: 'is', target: 'aq', label: 'offshoot of', past: true },
    { id: 'e4', source: 'nusra', target: 'aq', label: 'affiliate of', past: false },
    { id: 'e5', source: 'aqap', target: 'aq', label: 'affiliate of', past: false },
    { id: 'e6', source: 'nusra', target: 'syria', label: 'operates in', past: false },
    { id: 'e7', source: 'is', target: 'syria', label: 'operates in', past: false },
    { id: 'e8', source: 'aq', target: 'is', label: 'in conflict with', past: false },
    { id: 'e9', source: 'sanderson', target: 'csis', label: 'works for', past: false },
  ],
};

const measure = (layout: ReturnType<typeof layoutLayered>) =>
  graphQuality(
    layout.nodes,
    layout.edges.map((e) => ({ ...e, line: smoothPath(e.points).line })),
  );

describe('layered relation graph', () => {
  it('is deterministic, so every visitor sees the same drawing', () => {
    expect(layoutLayered(data)).toEqual(layoutLayered(data));
  });

  it('draws every relation label, with no label over another or over an entity', () => {
    const quality = measure(layoutLayered(data));
    expect(quality.missingEdgeLabels).toBe(0);
    expect(quality.overlappingLabels).toBe(0);
    // The smoothed curve may clip the corner of one entity in this small, dense case (the
    // corpus graph has none: `pnpm graph:quality`).
    expect(quality.edgesThroughNodes).toBeLessThanOrEqual(1);
    expect(quality.crossings).toBe(0);
  });

  it('keeps every entity inside the drawing, separate groups apart', () => {
    const { nodes, bounds } = layoutLayered(data);
    for (const n of nodes) {
      expect(n.x - n.width / 2).toBeGreaterThanOrEqual(bounds.x);
      expect(n.x + n.width / 2).toBeLessThanOrEqual(bounds.x + bounds.width);
    }
    expect(connectedGroups(data).map((g) => g.nodes.length)).toEqual([7, 2]);
  });

  it('draws a smooth path through the routed points, starting and ending on them', () => {
    const { d, line } = smoothPath([
      { x: 0, y: 0 },
      { x: 10, y: 0 },
      { x: 10, y: 10 },
      { x: 20, y: 10 },
    ]);
    expect(d).toBe('M0,0 Q10,0 10,5 Q10,10 20,10');
    expect(line[0]).toEqual({ x: 0, y: 0 });
    expect(line.at(-1)).toEqual({ x: 20, y: 10 });
  });
});

const relation = (
  id: string,
  subject: [string, 'person' | 'organization' | 'place'],
  predicate: string,
  object: [string, 'person' | 'organization' | 'place'],
  evidence = '',
) =>
  ({
    id,
    articleId: 'a',
    predicate,
    subject: { id: subject[0], name: subject[0], kind: subject[1] },
    object: { id: object[0], name: object[0], kind: object[1] },
    evidence: [{ blockId: 'b', quote: { exact: evidence } }],
    role: null,
  }) as unknown as RelationView;

const relations = [
  relation('r1', ['Zawahiri', 'person'], 'leader_of', ['al Qaeda', 'organization'], 'its leader'),
  relation('r2', ['Nusra', 'organization'], 'operates_in', ['Syria', 'place'], 'in Syria'),
  relation('r3', ['Baghdadi', 'person'], 'leader_of', ['Islamic State', 'organization']),
];

describe('graph filters', () => {
  it('draws only relations whose two ends are of a chosen kind and whose predicate is chosen', () => {
    const people = parseGraphFilters({ kind: ['person', 'organization'] }, ['leader_of']);
    expect(graphRelations(relations, people).map((r) => r.id)).toEqual(['r1', 'r3']);
    const operates = parseGraphFilters({ predicate: 'operates_in' }, ['operates_in']);
    expect(graphRelations(relations, operates).map((r) => r.id)).toEqual(['r2']);
    expect(parseGraphFilters({ predicate: 'invented' }, ['leader_of']).predicates).toEqual([]);
  });

  it('counts what each option would draw, the other filter kept', () => {
    const counts = graphOptionCounts(
      relations,
      parseGraphFilters({ predicate: 'leader_of' }, ['leader_of']),
    );
    expect(Object.fromEntries(counts.kinds)).toEqual({ person: 2, organization: 2 });
  });

  it('sorts and filters the table by words, evidence included', () => {
    const byObject = parseGraphFilters({ sort: 'object', dir: 'desc' }, []);
    expect(tableRelations(relations, byObject).map((r) => r.object.name)).toEqual([
      'Syria',
      'Islamic State',
      'al Qaeda',
    ]);
    expect(
      tableRelations(relations, parseGraphFilters({ q: 'leader' }, [])).map((r) => r.id),
    ).toEqual(['r3', 'r1']);
    expect(graphFiltersToSearch(byObject)).toBe('?sort=object&dir=desc');
  });
});
