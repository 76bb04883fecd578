/**
 * Step 1 of the graph pipeline (pure, no React, no Cytoscape): a lineage result → element definitions.
 * Node ids are Loom node ids; edge ids are `${kind}:${from}->${to}`, so patching by id is stable.
 */
export interface LineageNodeData { id: string; kind: string; namespace: string; name: string }
export interface LineageEdgeData { kind: string; from: string; to: string }
export interface LineageData {
  root: LineageNodeData;
  nodes: ReadonlyArray<{ node: LineageNodeData; distance: number }>;
  edges: ReadonlyArray<LineageEdgeData>;
}

export interface NodeElement {
  group: 'nodes';
  data: { id: string; label: string; kind: string; namespace: string; distance: number };
  classes: string;
}
export interface EdgeElement {
  group: 'edges';
  data: { id: string; source: string; target: string; kind: string };
  classes: string;
}
export interface GraphElements { nodes: NodeElement[]; edges: EdgeElement[] }

export const ROOT_CLASS = 'root';

export function edgeId(edge: LineageEdgeData): string {
  return `${edge.kind}:${edge.from}->${edge.to}`;
}

export function nodeClass(kind: string): string {
  return `kind-${kind}`;
}

export function edgeClass(kind: string): string {
  return `edge-${kind}`;
}

/** Root first, then by distance and id; duplicates keep their shortest distance. */
export function toElements(lineage: LineageData): GraphElements {
  const nodes = new Map<string, NodeElement>();
  const addNode = (node: LineageNodeData, distance: number) => {
    const known = nodes.get(node.id);
    if (known) {
      known.data.distance = Math.min(known.data.distance, distance);
      return;
    }
    const isRoot = node.id === lineage.root.id;
    nodes.set(node.id, {
      group: 'nodes',
      data: { id: node.id, label: node.name, kind: node.kind, namespace: node.namespace, distance },
      classes: isRoot ? `${nodeClass(node.kind)} ${ROOT_CLASS}` : nodeClass(node.kind),
    });
  };
  addNode(lineage.root, 0);
  for (const { node, distance } of lineage.nodes) addNode(node, distance);

  const edges = new Map<string, EdgeElement>();
  for (const edge of lineage.edges) {
    const id = edgeId(edge);
    if (edges.has(id) || !nodes.has(edge.from) || !nodes.has(edge.to)) continue;
    edges.set(id, {
      group: 'edges',
      data: { id, source: edge.from, target: edge.to, kind: edge.kind },
      classes: edgeClass(edge.kind),
    });
  }
  // Sorted so that the layout does not depend on the order the server happened to return.
  const rank = (node: NodeElement) => (node.data.id === lineage.root.id ? 0 : 1);
  const sortedNodes = [...nodes.values()].sort(
    (a, b) => rank(a) - rank(b) || a.data.distance - b.data.distance || compare(a.data.id, b.data.id),
  );
  const sortedEdges = [...edges.values()].sort((a, b) => compare(a.data.id, b.data.id));
  return { nodes: sortedNodes, edges: sortedEdges };
}

function compare(a: string, b: string): number {
  return a < b ? -1 : a > b ? 1 : 0;
}
