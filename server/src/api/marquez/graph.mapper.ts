import type { GraphEdge, GraphNode as LoomNode, LineageResult } from '../../domain/model.js';
import type { ColumnData, DatasetId, Edge, GraphNode, InputField } from './marquez.types.js';
import { nodeId } from '../../domain/ids.js';
import { ALIAS_PROPS } from '../../domain/openlineage/batch-builder.js';
import { obj, str } from './values.js';

export interface PlacedNode { id: string; type: GraphNode['type']; data: unknown }

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const push = <T>(m: Map<string, T[]>, key: string, value: T) => {
  const list = m.get(key);
  if (list) list.push(value);
  else m.set(key, [value]);
};

/** Marquez's graph: every node with its in and out edges (only edges between nodes of the graph), sorted by id. */
export function toGraph(nodes: PlacedNode[], edges: Edge[]): GraphNode[] {
  const byId = new Map(nodes.map((n) => [n.id, { ...n, inEdges: [] as Edge[], outEdges: [] as Edge[] }]));
  const seen = new Set<string>();
  for (const e of edges) {
    const [from, to] = [byId.get(e.origin), byId.get(e.destination)];
    const key = `${e.origin}\u0000${e.destination}`;
    if (!from || !to || seen.has(key)) continue;
    seen.add(key);
    from.outEdges.push(e);
    to.inEdges.push(e);
  }
  return [...byId.values()].sort((a, b) => cmp(a.id, b.id));
}

/** Table level: every dataset-like node (ids start `dataset:` whatever kind a producer declared) and jobs. */
export const tableNodeType = (n: LoomNode): 'DATASET' | 'JOB' | null => (n.id.startsWith('dataset:') ? 'DATASET' : n.kind === 'Job' ? 'JOB' : null);

/** The datasets a job reads and writes (its current version's, or while it has none its current lineage edges). */
export interface JobFlows { job: string; inputs: DatasetId[]; outputs: DatasetId[] }

/**
 * Marquez's table-level edges: every job's inputs and outputs (Marquez draws each job's io: a dataset
 * a running job just started to read shows once a terminal event versions the job),
 * and each alias pair (stored both ways, kept on the alias as `aliasOf` and on a renamed dataset as
 * `renamedTo`) as one edge from the smaller id. toGraph keeps those between the graph's nodes.
 */
export function tableEdges(flows: readonly JobFlows[], datasets: readonly LoomNode[]): Edge[] {
  const id = (d: DatasetId) => nodeId('Dataset', d.namespace, d.name);
  const edges = flows.flatMap((f) => [
    ...f.inputs.map((d) => ({ origin: id(d), destination: f.job })),
    ...f.outputs.map((d) => ({ origin: f.job, destination: id(d) })),
  ]);
  for (const d of datasets) {
    for (const other of [str(d.props[ALIAS_PROPS.aliasOf]), str(d.props[ALIAS_PROPS.renamedTo])]) {
      if (other) edges.push(d.id < other ? { origin: d.id, destination: other } : { origin: other, destination: d.id });
    }
  }
  return edges.sort((a, b) => cmp(a.origin, b.origin) || cmp(a.destination, b.destination));
}

/** `field:<ns>:<dataset>#<field>` → its namespace, dataset name and field name. */
export function fieldParts(f: LoomNode): { namespace: string; dataset: string; field: string } {
  const field = str(f.props.field) ?? f.name.slice(f.name.lastIndexOf('#') + 1);
  return { namespace: f.namespace, dataset: f.name.slice(0, f.name.length - field.length - 1), field };
}

export const fieldNodeId = (f: LoomNode) => {
  const p = fieldParts(f);
  return `datasetField:${p.namespace}:${p.dataset}:${p.field}`;
};

/**
 * Column level: DATASET_FIELD nodes; an edge from each input field to the field derived from it.
 * A dataset-wide dependency (field → dataset) is an input of every field of that dataset in the answer.
 */
export function toColumnGraph(res: LineageResult): GraphNode[] {
  const fields = new Map([res.root, ...res.nodes.map((n) => n.node)].filter((n) => n.kind === 'Field').map((f) => [f.id, f]));
  const ofDataset = new Map<string, LoomNode[]>();
  for (const f of fields.values()) push(ofDataset, str(f.props.dataset) ?? '', f);
  const inputs = new Map<string, InputField[]>();
  const edges: Edge[] = [];
  const link = (from: LoomNode, to: LoomNode, e: GraphEdge) => {
    push(inputs, to.id, inputField(from, e));
    edges.push({ origin: fieldNodeId(from), destination: fieldNodeId(to) });
  };
  for (const e of res.edges) {
    const from = e.kind === 'DERIVES' ? fields.get(e.from) : undefined;
    if (!from) continue;
    const to = fields.get(e.to);
    for (const target of to ? [to] : ofDataset.get(e.to) ?? []) link(from, target, e);
  }
  const linked = new Set(edges.flatMap((e) => [e.origin, e.destination]));
  const nodes = [...fields.values()]
    .filter((f) => f.id === res.root.id || linked.has(fieldNodeId(f)))
    .map((f) => ({ id: fieldNodeId(f), type: 'DATASET_FIELD' as const, data: columnData(f, inputs.get(f.id) ?? []) }));
  return toGraph(nodes, edges);
}

function columnData(f: LoomNode, inputFields: InputField[]): ColumnData {
  // Marquez's per-field values (the legacy facet's): kept when every input agrees.
  const same = (pick: (i: InputField) => string | null) => {
    const values = new Set(inputFields.map(pick));
    return values.size === 1 ? [...values][0] : null;
  };
  return {
    ...fieldParts(f), datasetVersion: null, fieldType: str(f.props.type),
    transformationDescription: same((i) => i.transformationDescription), transformationType: same((i) => i.transformationType), inputFields,
  };
}

/** An input field with the transformations on its DERIVES edge (legacy types such as IDENTITY are kept as they came). */
function inputField(from: LoomNode, e: GraphEdge): InputField {
  const transformations = Array.isArray(e.props.transformations) ? e.props.transformations : [];
  const legacy = transformations.map(obj).find((t) => t.type !== 'DIRECT' && t.type !== 'INDIRECT' && str(t.type));
  return {
    ...fieldParts(from), datasetVersion: null,
    transformationDescription: transformations.map((t) => str(obj(t).description)).find(Boolean) ?? null,
    transformationType: legacy ? str(legacy.type) : str(e.props.type), transformations,
  };
}
