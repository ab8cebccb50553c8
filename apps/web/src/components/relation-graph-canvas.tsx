'use client';

import '@xyflow/react/dist/style.css';
import type { EntityKind } from '@claimscope/schema';
import {
  Background,
  Controls,
  type Edge,
  Handle,
  MarkerType,
  type Node,
  type NodeProps,
  Position,
  ReactFlow,
} from '@xyflow/react';
import {
  forceCollide,
  forceLink,
  forceManyBody,
  forceSimulation,
  forceX,
  forceY,
  type SimulationNodeDatum,
} from 'd3-force';
import Link from 'next/link';
import { useMemo } from 'react';
import type { GraphData } from './relation-graph';

type EntityNodeData = { name: string; kind: EntityKind; id: string };
type EntityNode = Node<EntityNodeData, 'entity'>;

function EntityNodeView({ data }: NodeProps<EntityNode>) {
  return (
    <>
      <Handle
        type="target"
        position={Position.Top}
        className="graph-handle"
        isConnectable={false}
      />
      <Link
        href={`/entities/${data.id}`}
        className={`graph-node kind--${data.kind}`}
        data-entity={data.id}
        prefetch={false}
      >
        {data.name}
      </Link>
      <Handle
        type="source"
        position={Position.Bottom}
        className="graph-handle"
        isConnectable={false}
      />
    </>
  );
}

const nodeTypes = { entity: EntityNodeView };

interface SimNode extends SimulationNodeDatum {
  id: string;
}

/** Places nodes with a force simulation, run to rest before the first paint (deterministic). */
export function layout(data: GraphData): Map<string, { x: number; y: number }> {
  const nodes: SimNode[] = data.nodes.map((n) => ({ id: n.id }));
  const links = data.edges.map((e) => ({ source: e.source, target: e.target }));
  const simulation = forceSimulation(nodes)
    .force(
      'link',
      forceLink<SimNode, { source: string; target: string }>(links)
        .id((n) => n.id)
        .distance(110),
    )
    .force('charge', forceManyBody().strength(-300))
    .force('collide', forceCollide(55))
    .force('x', forceX(0).strength(0.04))
    .force('y', forceY(0).strength(0.06))
    .stop();
  simulation.tick(320);
  return new Map(nodes.map((n) => [n.id, { x: n.x ?? 0, y: n.y ?? 0 }]));
}

export default function RelationGraphCanvas({ data }: { data: GraphData }) {
  const { nodes, edges } = useMemo(() => {
    const positions = layout(data);
    const nodes: EntityNode[] = data.nodes.map((n) => ({
      id: n.id,
      type: 'entity',
      position: positions.get(n.id) ?? { x: 0, y: 0 },
      data: { id: n.id, name: n.name, kind: n.kind },
      draggable: false,
      connectable: false,
      selectable: false,
      ariaLabel: `${n.name}`,
    }));
    const edges: Edge[] = data.edges.map((e) => ({
      id: e.id,
      source: e.source,
      target: e.target,
      label: e.label,
      markerEnd: { type: MarkerType.ArrowClosed, width: 16, height: 16 },
      focusable: false,
      selectable: false,
      className: e.past ? 'graph-edge graph-edge--past' : 'graph-edge',
    }));
    return { nodes, edges };
  }, [data]);

  return (
    <ReactFlow
      nodes={nodes}
      edges={edges}
      nodeTypes={nodeTypes}
      fitView
      fitViewOptions={{ padding: 0.15 }}
      minZoom={0.2}
      maxZoom={2.5}
      nodesDraggable={false}
      nodesConnectable={false}
      elementsSelectable={false}
      proOptions={{ hideAttribution: true }}
      aria-label="Entity relation graph"
    >
      <Background gap={24} />
      <Controls showInteractive={false} />
    </ReactFlow>
  );
}
