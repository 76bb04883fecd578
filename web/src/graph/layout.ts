/**
 * Step 2 of the graph pipeline (pure): elements → ELK graph → node positions.
 * The worker (layout.worker.ts) only runs ELK on what `toElkGraph` builds; everything else is here.
 */
import type { ElkNode, LayoutOptions } from 'elkjs/lib/elk-api.js';
import type { GraphElements } from './elements.js';
import { layeredLayout } from './layered.js';

export interface Position { x: number; y: number }
export type Positions = Record<string, Position>;

/** Anything that lays out an ELK graph: an `ELK` instance, in the worker or in a test. */
export interface ElkEngine { layout(graph: ElkNode): Promise<ElkNode> }

/** A node is drawn as a shape with its label underneath; ELK reserves the whole box. */
export const SHAPE_SIZE = 36;
export const LABEL_HEIGHT = 28;
export const BOX_WIDTH = 170;

export const LAYOUT_OPTIONS: LayoutOptions = {
  'elk.algorithm': 'layered',
  'elk.direction': 'RIGHT',
  'elk.spacing.nodeNode': '24',
  'elk.layered.spacing.nodeNodeBetweenLayers': '50',
  'elk.spacing.componentComponent': '60',
  'elk.layered.considerModelOrder.strategy': 'NODES_AND_EDGES',
};

export function toElkGraph(elements: GraphElements): ElkNode {
  return {
    id: 'loom-root',
    layoutOptions: LAYOUT_OPTIONS,
    children: elements.nodes.map((node) => ({
      id: node.data.id,
      width: BOX_WIDTH,
      height: SHAPE_SIZE + LABEL_HEIGHT,
    })),
    edges: elements.edges
      .filter((edge) => edge.data.source !== edge.data.target)
      .map((edge) => ({ id: edge.data.id, sources: [edge.data.source], targets: [edge.data.target] })),
  };
}

/** Cytoscape positions are the centre of the shape, which sits at the top of ELK's box. */
export function positionsFromElk(graph: ElkNode): Positions {
  const positions: Positions = {};
  for (const child of graph.children ?? []) {
    positions[child.id] = {
      x: (child.x ?? 0) + (child.width ?? BOX_WIDTH) / 2,
      y: (child.y ?? 0) + SHAPE_SIZE / 2,
    };
  }
  return positions;
}

/** ELK's layered layout gives the nicest drawing but grows super-linearly: above this many nodes, `layeredLayout`. */
export const ELK_MAX_NODES = 300;

export async function computeLayout(engine: ElkEngine, elements: GraphElements): Promise<Positions> {
  if (elements.nodes.length > ELK_MAX_NODES) return layeredLayout(elements);
  return positionsFromElk(await engine.layout(toElkGraph(elements)));
}

/** Messages between the page and the layout worker. */
export interface LayoutRequest { id: number; elements: GraphElements }
export type LayoutResponse = { id: number; positions: Positions } | { id: number; error: string };
