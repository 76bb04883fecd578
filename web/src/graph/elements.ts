/**
 * Step 1 of the graph pipeline (pure, no React, no Cytoscape): a lineage result → element definitions.
 * Node ids are Loom node ids; edge ids are `${kind}:${from}->${to}`, so patching by id is stable.
 */
import { kindStyle } from '../kinds.js';

export interface LineageNodeData { id: string; kind: string; namespace: string; name: string }
export interface LineageEdgeData { kind: string; from: string; to: string }
export interface LineageData {
  root: LineageNodeData;
  nodes: ReadonlyArray<{ node: LineageNodeData; distance: number }>;
  edges: ReadonlyArray<LineageEdgeData>;
}

export interface NodeElement {
  group: 'nodes';
  data: {
    id: string; label: string; name: string; kind: string; namespace: string; distance: number;
    /** Fill and shape of the kind (kinds.ts), read by the stylesheet with `data(...)`: one rule instead of one per kind. */
    color: string; shape: string; hidden?: number;
  };
  classes: string;
}
export interface EdgeElement {
  group: 'edges';
  data: { id: string; source: string; target: string; kind: string };
  classes: string;
}
export interface GraphElements { nodes: NodeElement[]; edges: EdgeElement[] }

export const ROOT_CLASS = 'root';
/** "N more" placeholders (kind `More`, name = how many are hidden): tapping one loads the next page. */
export const MORE_CLASS = 'more';
export const MORE_NODE_KIND = 'More';

export interface ElementOptions {
  moreLabel?: (hidden: number) => string;
  /** A cluster node's label (lineage/clusters.ts): how many nodes of which kind, in which namespace. */
  clusterLabel?: (count: number, kind: string, namespace: string) => string;
}
/** Cluster nodes (kind `Cluster`, name `<count> <kind>`): drawn and tapped like "N more" (MORE_CLASS) and with this class too. */
export const CLUSTER_CLASS = 'cluster';
export const CLUSTER_KIND = 'Cluster';
/** Above this many nodes edges are drawn as plain lines (`bulk`): no arrows or curves to compute; the layout runs left to right. */
export const BULK_EDGES_ABOVE = 300;
export const BULK_CLASS = 'bulk';

/** Longest label drawn under a node, in characters (about the width of a layout box). */
export const LABEL_MAX_CHARS = 26;

/**
 * A label that fits under the node: cut with an ellipsis here rather than by Cytoscape's `text-wrap:
 * ellipsis`, which measures every label character by character and made a 2,000-node first draw seconds slower.
 */
export function shortLabel(name: string, kind = ''): string {
  const text = kind === 'Field' ? fieldLabel(name) : name;
  return text.length <= LABEL_MAX_CHARS ? text : `${text.slice(0, LABEL_MAX_CHARS - 1)}…`;
}

/** `db.schema.table#column` → `column · table`: the column first, it is what a column view is about. */
export function fieldLabel(name: string): string {
  const hash = name.lastIndexOf('#');
  if (hash < 0) return name;
  const table = name.slice(0, hash).split(/[./]/).pop();
  return table ? `${name.slice(hash + 1)} · ${table}` : name.slice(hash + 1);
}

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
export function toElements(lineage: LineageData, options: ElementOptions = {}): GraphElements {
  const moreLabel = options.moreLabel ?? ((hidden: number) => `${hidden} more`);
  const clusterLabel = options.clusterLabel ?? ((count: number, kind: string, namespace: string) => `${count} ${kind} · ${namespace}`);
  const nodes = new Map<string, NodeElement>();
  const addNode = (node: LineageNodeData, distance: number) => {
    const known = nodes.get(node.id);
    if (known) {
      known.data.distance = Math.min(known.data.distance, distance);
      return;
    }
    const isRoot = node.id === lineage.root.id;
    const isMore = node.kind === MORE_NODE_KIND;
    const isCluster = node.kind === CLUSTER_KIND;
    const space = node.name.indexOf(' ');
    const cluster = isCluster ? { count: Number(node.name.slice(0, space)), kind: node.name.slice(space + 1) } : null;
    const { color, shape } = kindStyle(cluster ? cluster.kind : node.kind);
    const look = { color, shape };
    const label = isMore ? moreLabel(Number(node.name)) : cluster ? shortLabel(clusterLabel(cluster.count, cluster.kind, node.namespace), '') : shortLabel(node.name, node.kind);
    nodes.set(node.id, {
      group: 'nodes',
      data: { id: node.id, label, name: node.name, kind: node.kind, namespace: node.namespace, distance, ...look, ...(isMore ? { hidden: Number(node.name) } : cluster ? { hidden: cluster.count } : {}) },
      classes: [nodeClass(node.kind), isRoot && ROOT_CLASS, (isMore || isCluster) && MORE_CLASS, isCluster && CLUSTER_CLASS].filter(Boolean).join(' '),
    });
  };
  addNode(lineage.root, 0);
  for (const { node, distance } of lineage.nodes) addNode(node, distance);

  const edges = new Map<string, EdgeElement>();
  const bulk = nodes.size > BULK_EDGES_ABOVE ? ` ${BULK_CLASS}` : '';
  for (const edge of lineage.edges) {
    const id = edgeId(edge);
    if (edges.has(id) || !nodes.has(edge.from) || !nodes.has(edge.to)) continue;
    edges.set(id, {
      group: 'edges',
      data: { id, source: edge.from, target: edge.to, kind: edge.kind },
      classes: `${edgeClass(edge.kind)}${bulk}`,
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
