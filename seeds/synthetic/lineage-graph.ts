/**
 * A deterministic synthetic lineage graph shaped like real pipelines: dataset layers alternate with
 * job layers (sources → jobs → derived datasets → jobs → …). Each job reads 1–4 datasets (mostly
 * from the layer just before it) and writes 1–3 new ones; a few early "hub" datasets are read by
 * hundreds of jobs. The same options always give the same graph, in the same order.
 */
import type { EdgeInput, NodeInput } from '../../server/src/domain/model.js';
import type { WriteBatch } from '../../server/src/domain/ports/GraphStore.js';
import { currentVersionProps, runLinkProps, SUMMARY_PROPS, type PlacedDataset } from '../../server/src/domain/openlineage/mapper.js';

export interface LineageGraphOptions {
  /** Total nodes (datasets + jobs). */
  nodes: number;
  seed?: number;
  /** Dataset layers, sources included: a path is at most 2 × (layers − 1) hops long. Default 12. */
  layers?: number;
  /** Hub datasets (half in layer 0, half in layer 1). Default one per 5,000 nodes, at least 2. */
  hubs?: number;
  /**
   * Give every job what ingest leaves of one completed run (mapper.ts): a JobVersion and a Run node
   * with their edges, and the summaries ingest keeps on the job and its outputs. These nodes come on
   * top of `nodes`. Default false (static lineage: what JobEvents without runs leave, minus versions).
   */
  runs?: boolean;
}

/** Where each dataset landed: ids per dataset layer, and the hubs. */
export interface LineageGraphLayout { layers: string[][]; hubs: string[] }

type Item = { node: NodeInput } | { edge: EdgeInput };

const DOMAINS = ['sales', 'finance', 'marketing', 'product', 'ops', 'risk', 'growth', 'support', 'hr', 'logistics'];
const ENTITIES = ['orders', 'customers', 'payments', 'invoices', 'sessions', 'events', 'clicks', 'shipments',
  'refunds', 'accounts', 'subscriptions', 'inventory', 'leads', 'tickets', 'users', 'products'];
const STAGES = ['stg', 'clean', 'int', 'daily', 'fct', 'dim', 'agg', 'mart', 'features', 'scores', 'report'];
const SOURCE_NS = ['postgres://prod:5432', 'mysql://crm:3306', 'kafka://events:9092', 's3://landing'];
const DERIVED_NS = ['s3://lake', 'bigquery://analytics', 'snowflake://wh', 's3://lake'];
const JOB_NS = ['airflow://etl', 'spark://cluster-a', 'dbt://analytics', 'flink://streaming'];
const SCHEDULES = ['@hourly', '@daily', '@daily', '@weekly'];
const HUB_READ_PROBABILITY = 0.15;
const EPOCH = Date.parse('2026-01-01T00:00:00Z');

/** mulberry32: small, fast, good enough for test data. Returns floats in [0, 1). */
export function prng(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

const pick = <T>(rand: () => number, xs: readonly T[]): T => xs[Math.floor(rand() * xs.length)];
const int = (rand: () => number, min: number, max: number) => min + Math.floor(rand() * (max - min + 1));
const at = (seq: number) => new Date(EPOCH + seq * 1000).toISOString();

interface State {
  rand: () => number; layout: LineageGraphLayout; emitted: number; datasets: number; jobs: number;
  /** Namespace and name of every dataset, by id (with `runs`: a job's current version names them). */
  names: Map<string, { namespace: string; name: string }> | null;
}

function newDataset(s: State, layer: number): NodeInput {
  const domain = pick(s.rand, DOMAINS);
  const name = `${domain}.${pick(s.rand, ENTITIES)}${layer ? `_${STAGES[(layer - 1) % STAGES.length]}` : ''}_v${++s.datasets}`;
  const namespace = pick(s.rand, layer ? DERIVED_NS : SOURCE_NS);
  const id = `dataset:${namespace}:${name}`;
  s.layout.layers[layer].push(id);
  s.names?.set(id, { namespace, name });
  return { id, kind: 'Dataset', namespace, name, props: { owner: `team-${domain}`, layer }, at: at(++s.emitted) };
}

function newJob(s: State): NodeInput {
  const domain = pick(s.rand, DOMAINS);
  const namespace = pick(s.rand, JOB_NS);
  const name = `${domain}.build_${pick(s.rand, ENTITIES)}_v${++s.jobs}`;
  const props = { owner: `team-${domain}`, schedule: pick(s.rand, SCHEDULES) };
  return { id: `job:${namespace}:${name}`, kind: 'Job', namespace, name, props, at: at(++s.emitted) };
}

/** One job of `layer`: its node, its input edges, then each output dataset and its edge (with `runs`, then its run). */
function* jobItems(s: State, layer: number, budget: number): Generator<Item> {
  const inputs = chooseInputs(s.rand, s.layout, layer);
  const job = newJob(s);
  const outputs = Array.from({ length: Math.min(int(s.rand, 1, 3), budget - s.emitted) }, () => newDataset(s, layer));
  const run = s.names ? completedRun(s.names, job, inputs, outputs) : [];
  yield { node: job };
  for (const from of inputs) yield { edge: { kind: 'INPUT_TO', from, to: job.id, validFrom: job.at } };
  for (const out of outputs) {
    yield { node: out };
    yield { edge: { kind: 'OUTPUT', from: job.id, to: out.id, validFrom: out.at } };
  }
  yield* run;
}

/**
 * One run of the job, started when the job appears and completed when its last output does, as the
 * mapper writes it (no dataset versions: the run reads and writes the datasets). Adds the summaries
 * ingest keeps to the job and output nodes given.
 */
function completedRun(names: State['names'] & {}, job: NodeInput, inputs: string[], outputs: NodeInput[]): Item[] {
  const [started, completed] = [job.at!, outputs.at(-1)?.at ?? job.at!];
  const version = `synthetic-${job.name}`;
  const versionId = `${job.id}@${version}`;
  const runId = `run:${job.name}-1`;
  const outputIds = outputs.map((o) => o.id);
  // Read and written without dataset versions (the events define none).
  const placed = (id: string): PlacedDataset => ({ id, version: null, versionName: null, ...names.get(id)! });
  const [read, wrote] = [inputs.map(placed), outputIds.map(placed)];
  job.props = { ...job.props, [SUMMARY_PROPS.latestRun]: runId, ...currentVersionProps(version, read, wrote) };
  for (const out of outputs) out.props = { ...out.props, [SUMMARY_PROPS.lastModifiedAt]: completed };
  const links = runLinkProps(job, version, read, wrote);
  const { namespace, name } = job;
  return [
    { node: { id: versionId, kind: 'JobVersion', namespace, name, props: { version, jobId: job.id, inputs, outputs: outputIds }, at: completed } },
    { node: { id: runId, kind: 'Run', namespace, name: `${name}-1`, props: { runId: `${name}-1`, jobId: job.id, 'at.START': started, 'at.COMPLETE': completed, ...links }, at: started } },
    { edge: { kind: 'HAS_VERSION', from: job.id, to: versionId, validFrom: completed } },
    { edge: { kind: 'RUN_OF', from: runId, to: job.id, validFrom: started } },
    { edge: { kind: 'RAN', from: runId, to: versionId, validFrom: completed } },
    ...inputs.map((from): Item => ({ edge: { kind: 'READ_BY', from, to: runId, validFrom: started } })),
    ...outputIds.map((to): Item => ({ edge: { kind: 'WROTE', from: runId, to, validFrom: completed } })),
  ];
}

/** Walk the graph item by item: every edge comes after both its endpoints. Fills `layout` as it goes. */
function* walk(opts: LineageGraphOptions, layout: LineageGraphLayout): Generator<Item> {
  const s: State = { rand: prng(opts.seed ?? 1), layout, emitted: 0, datasets: 0, jobs: 0, names: opts.runs ? new Map() : null };
  const depth = Math.max(2, opts.layers ?? 12);
  const hubCount = Math.max(2, opts.hubs ?? Math.floor(opts.nodes / 5000));
  for (let layer = 0; layer < depth; layer++) {
    layout.layers.push([]);
    const target = Math.min(opts.nodes, Math.max(1, Math.round((opts.nodes * (layer + 1)) / depth)));
    while (s.emitted < target) {
      if (layer === 0 || opts.nodes - s.emitted < 2) yield { node: newDataset(s, layer) };
      else yield* jobItems(s, layer, opts.nodes);
    }
    if (layer <= 1) markHubs(s.rand, layout, layer, layer === 0 ? Math.ceil(hubCount / 2) : Math.floor(hubCount / 2));
  }
}

/** 1–4 distinct inputs: one from the layer just before, the rest mostly from it too; sometimes a hub. */
function chooseInputs(rand: () => number, layout: LineageGraphLayout, layer: number): string[] {
  let before = layer - 1;
  while (before > 0 && !layout.layers[before].length) before--; // tiny graphs can leave a layer empty
  const previous = layout.layers[before];
  const count = int(rand, 1, 4);
  const inputs = new Set<string>([pick(rand, previous)]);
  for (let i = 1; i < count; i++) {
    const from = rand() < 0.7 ? previous : layout.layers[Math.floor(rand() * layer)];
    if (from.length) inputs.add(pick(rand, from));
  }
  if (layout.hubs.length && rand() < HUB_READ_PROBABILITY) {
    if (inputs.size === 4) inputs.delete([...inputs][3]);
    inputs.add(pick(rand, layout.hubs));
  }
  return [...inputs];
}

function markHubs(rand: () => number, layout: LineageGraphLayout, layer: number, count: number): void {
  const ids = layout.layers[layer];
  const hubs = new Set<string>();
  for (let i = 0; i < count && ids.length; i++) hubs.add(ids[Math.floor(rand() * ids.length)]);
  layout.hubs.push(...hubs);
}

/** The graph in write batches of exactly `batchSize` nodes (the last one smaller) with the edges found so far. */
export function* lineageGraph(opts: LineageGraphOptions, batchSize = 5000): Generator<WriteBatch> {
  let batch: WriteBatch = { nodes: [], edges: [] };
  for (const item of walk(opts, { layers: [], hubs: [] })) {
    if ('edge' in item) {
      batch.edges.push(item.edge);
      continue;
    }
    if (batch.nodes.length === batchSize) {
      yield batch;
      batch = { nodes: [], edges: [] };
    }
    batch.nodes.push(item.node);
  }
  if (batch.nodes.length || batch.edges.length) yield batch;
}

/** Which layer every dataset is in, and the hubs (generates the whole graph once, without keeping it). */
export function lineageGraphLayout(opts: LineageGraphOptions): LineageGraphLayout {
  const layout: LineageGraphLayout = { layers: [], hubs: [] };
  for (const item of walk(opts, layout)) void item;
  return layout;
}

/** `count` distinct non-hub datasets from the middle layer (deterministic for the options). */
export function midDepthRoots(opts: LineageGraphOptions, count: number): string[] {
  const layout = lineageGraphLayout(opts);
  const hubs = new Set(layout.hubs);
  const candidates = layout.layers[Math.floor(layout.layers.length / 2)].filter((id) => !hubs.has(id));
  const rand = prng((opts.seed ?? 1) ^ 0x9e3779b9);
  for (let i = candidates.length - 1; i > 0; i--) {
    const j = Math.floor(rand() * (i + 1));
    [candidates[i], candidates[j]] = [candidates[j], candidates[i]];
  }
  return candidates.slice(0, count);
}
