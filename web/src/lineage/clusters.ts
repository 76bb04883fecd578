/**
 * Clusters (pure): with "group by namespace" on, the nodes of one kind in one namespace (the 40 runs
 * of a job's namespace, the 30 tables of a warehouse) are drawn as one cluster node, their edges
 * merged onto it, until it is opened (a tap: the cluster's key goes into the URL, `open=`). The root
 * always stays itself. A big graph then reads as its systems and how they
 * connect, and opens where one looks.
 */
import { CLUSTER_KIND as CLUSTER_NODE_KIND, MORE_NODE_KIND, type LineageData, type LineageEdgeData, type LineageNodeData } from '../graph/elements.js';

export { CLUSTER_NODE_KIND };
/** Fewer nodes of a kind in a namespace than this are drawn as they are. */
export const MIN_CLUSTER = 3;
const PREFIX = 'cluster:';

/** A cluster's key (what the URL keeps): `<kind>|<namespace>`. */
export const clusterKey = (kind: string, namespace: string) => `${kind}|${namespace}`;
export const clusterNodeId = (key: string) => `${PREFIX}${key}`;

/** The key of a cluster node's id; null for any other node. */
export function parseClusterNodeId(id: string): { key: string; kind: string; namespace: string } | null {
  if (!id.startsWith(PREFIX)) return null;
  const key = id.slice(PREFIX.length);
  const bar = key.indexOf('|');
  return bar > 0 ? { key, kind: key.slice(0, bar), namespace: key.slice(bar + 1) } : null;
}

/**
 * The answer with each not-opened group of at least `min` nodes of one kind in one namespace replaced
 * by a cluster node (name: how many it holds), at the distance of its nearest member; edges to and
 * from members go to the cluster (once per kind and end), edges inside it are left out.
 */
export function clusterByNamespace(data: LineageData, opened: ReadonlySet<string>, min = MIN_CLUSTER): LineageData {
  const groups = new Map<string, { node: LineageNodeData; distance: number }[]>();
  for (const n of data.nodes) {
    const { id, kind, namespace } = n.node;
    if (id === data.root.id || kind === MORE_NODE_KIND || kind === CLUSTER_NODE_KIND) continue;
    const key = clusterKey(kind, namespace);
    if (opened.has(key)) continue;
    const list = groups.get(key) ?? [];
    list.push(n);
    groups.set(key, list);
  }
  const clusterOf = new Map<string, string>();
  const clusters: { node: LineageNodeData; distance: number }[] = [];
  for (const [key, members] of groups) {
    if (members.length < min) continue;
    const id = clusterNodeId(key);
    for (const m of members) clusterOf.set(m.node.id, id);
    const { kind, namespace } = parseClusterNodeId(id)!;
    clusters.push({ node: { id, kind: CLUSTER_NODE_KIND, namespace, name: `${members.length} ${kind}` }, distance: Math.min(...members.map((m) => m.distance)) });
  }
  if (!clusters.length) return data;
  const edges = new Map<string, LineageEdgeData>();
  for (const e of data.edges) {
    const from = clusterOf.get(e.from) ?? e.from;
    const to = clusterOf.get(e.to) ?? e.to;
    if (from === to) continue;
    edges.set(`${e.kind}\u0000${from}\u0000${to}`, { kind: e.kind, from, to });
  }
  return { root: data.root, nodes: [...data.nodes.filter((n) => !clusterOf.has(n.node.id)), ...clusters], edges: [...edges.values()] };
}
