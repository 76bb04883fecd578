import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../../domain/catalog.service.js';
import { DEMO_TENANT } from '../../app/seed.js';
import { enc, startMarquezLoom, type MarquezClient } from './marquez.fixture.js';
import { MarquezViews } from './marquez.views.js';
import { tableNodeType } from './graph.mapper.js';
import { SUMMARY_PROPS } from '../../domain/openlineage/mapper.js';
import type { GraphNode } from '../../domain/model.js';
import type { GraphStore } from '../../domain/ports/GraphStore.js';
import type { DatasetId } from './marquez.types.js';
import type { TagService } from '../../domain/tags/tags.service.js';
import { lineageGraph } from '../../../../seeds/synthetic/lineage-graph.js';

const { currentVersion, latestRun, lastModifiedAt, runLinks } = SUMMARY_PROPS;
const isKept = (k: string) => [currentVersion, latestRun, lastModifiedAt, runLinks].includes(k as never) || k.startsWith(`${runLinks}.`);
/** The node as stored before ingest kept summaries on it. */
const unkept = (n: GraphNode): GraphNode => ({ ...n, props: Object.fromEntries(Object.entries(n.props).filter(([k]) => !isKept(k))) });
/** The same store as if written before ingest kept summaries: every node it reads comes without them. */
const unkeptGraph = (graph: GraphStore): GraphStore =>
  Object.assign(Object.create(graph) as GraphStore, { getNodes: async (t: string, ids: readonly string[]) => (await graph.getNodes(t, ids)).map((n) => n && unkept(n)) });

/** Marquez's lineage data of these jobs and datasets, as JSON. */
async function dataOf(catalog: CatalogService, list: GraphNode[], tags: TagService): Promise<unknown> {
  const [jobs, datasets] = [list.filter((n) => tableNodeType(n) === 'JOB'), list.filter((n) => tableNodeType(n) === 'DATASET')];
  const { data, edges } = await new MarquezViews(catalog, DEMO_TENANT, tags).graphData(jobs, datasets);
  return JSON.parse(JSON.stringify({ data: [...data], edges }));
}

describe('Marquez views read in batches', () => {
  let c: MarquezClient;
  beforeAll(async () => { c = await startMarquezLoom(); });
  afterAll(() => c?.loom.close());

  it('give every /lineage graph the data each node gets read on its own', async () => {
    const catalog = new CatalogService(c.loom.services.graph);
    // The corpus events and the demo story: jobs with versions and runs, datasets with producers.
    const nodes = (await catalog.search(DEMO_TENANT, '', ['Dataset', 'Job'], 1000)).filter((n) => tableNodeType(n) !== null);
    expect(nodes.length).toBeGreaterThan(30);
    const alone = new Map<string, unknown>();
    /** The node's data from views that read it and nothing else (one id per read). */
    const readAlone = async (id: string) => {
      if (!alone.has(id)) {
        const n = (await catalog.node(DEMO_TENANT, id))!;
        const [jobs, datasets] = tableNodeType(n) === 'JOB' ? [[n], []] : [[], [n]];
        const { data } = await new MarquezViews(catalog, DEMO_TENANT, c.loom.services.tags).graphData(jobs, datasets);
        alone.set(id, JSON.parse(JSON.stringify(data.get(id))));
      }
      return alone.get(id);
    };
    let compared = 0;
    for (const n of nodes) {
      const { graph } = await c.ok(`/lineage?nodeId=${enc(n.id)}&depth=3`, 'LineageGraph');
      for (const g of graph as { id: string; data: unknown }[]) {
        expect(g.data, `${n.id} → ${g.id}`).toEqual(await readAlone(g.id));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(nodes.length * 3);
  });

  it('give from what ingest keeps on the nodes the data their neighbours give (graphs written before it kept them)', async () => {
    const catalog = new CatalogService(c.loom.services.graph);
    const nodes = (await catalog.search(DEMO_TENANT, '', ['Dataset', 'Job'], 1000)).filter((n) => tableNodeType(n) !== null);
    const runs = await catalog.search(DEMO_TENANT, '', ['Run'], 1000);
    // Every summary occurs, or the comparison would not cover it.
    for (const k of [currentVersion, latestRun, lastModifiedAt]) expect(nodes.filter((n) => n.props[k] !== undefined).length, k).toBeGreaterThan(3);
    expect(runs.filter((r) => Object.keys(r.props).some((k) => k.startsWith(`${runLinks}.read.`))).length).toBeGreaterThan(3);
    expect(await dataOf(catalog, nodes, c.loom.services.tags)).toEqual(await dataOf(new CatalogService(unkeptGraph(c.loom.services.graph)), nodes.map(unkept), c.loom.services.tags));
  });

  it("draw each job's inputs and outputs and each alias pair between the graph's nodes, and no other edge", async () => {
    const catalog = new CatalogService(c.loom.services.graph);
    const nodes = (await catalog.search(DEMO_TENANT, '', ['Dataset', 'Job'], 1000)).filter((n) => tableNodeType(n) !== null);
    type Placed = { id: string; type: string; data: { inputs?: DatasetId[]; outputs?: DatasetId[] }; outEdges: { origin: string; destination: string }[] };
    const id = (d: DatasetId) => `dataset:${d.namespace}:${d.name}`;
    let [drawn, aliases] = [0, 0];
    for (const n of nodes) {
      const graph = (await c.ok(`/lineage?nodeId=${enc(n.id)}&depth=2`, 'LineageGraph')).graph as Placed[];
      const ids = new Set(graph.map((g) => g.id));
      const edges = graph.flatMap((g) => g.outEdges.map((e) => `${e.origin} ${e.destination}`));
      const io = graph.filter((g) => g.type === 'JOB').flatMap((g) => [...g.data.inputs!.map((d) => `${id(d)} ${g.id}`), ...g.data.outputs!.map((d) => `${g.id} ${id(d)}`)]);
      const alias = (await catalog.edgesOfMany(DEMO_TENANT, [...ids], { direction: 'DOWNSTREAM', edgeKinds: ['ALIAS'], order: 'kind', limit: 1000 }))
        .flat().filter((e) => e.from < e.to).map((e) => `${e.from} ${e.to}`);
      const expected = [...new Set([...io, ...alias])].filter((e) => e.split(' ').every((x) => ids.has(x)));
      expect(edges.sort(), n.id).toEqual(expected.sort());
      drawn += edges.length;
      aliases += alias.filter((e) => edges.includes(e)).length;
    }
    expect(drawn).toBeGreaterThan(nodes.length);
    expect(aliases).toBeGreaterThan(0);
  });

  it('keep the newest started run as the latest and the last completed write as the last modification, whatever the arrival order', async () => {
    // Run a starts, b starts, b fails, a completes; they arrive backwards.
    const event = (run: string, eventType: string, minute: number, outputs: string[]) => ({
      eventType, eventTime: `2026-03-01T10:0${minute}:00Z`, producer: 'test', run: { runId: run },
      job: { namespace: 'views', name: 'overlap' }, inputs: [], outputs: outputs.map((name) => ({ namespace: 'views', name })),
    });
    const a = '0190a000-0000-7000-8000-00000000000a';
    const b = '0190a000-0000-7000-8000-00000000000b';
    for (const e of [event(a, 'COMPLETE', 3, ['x']), event(b, 'FAIL', 2, ['x', 'y']), event(b, 'START', 1, ['x', 'y']), event(a, 'START', 0, ['x'])]) {
      expect((await c.loom.post('/api/v1/lineage', e)).status).toBe(201);
    }
    const graph = c.loom.services.graph;
    for (const catalog of [new CatalogService(graph), new CatalogService(unkeptGraph(graph))]) {
      const [job, x, y] = (await catalog.getNodes(DEMO_TENANT, ['job:views:overlap', 'dataset:views:x', 'dataset:views:y'])) as GraphNode[];
      const { data } = await new MarquezViews(catalog, DEMO_TENANT, c.loom.services.tags).graphData([job], [x, y]);
      expect(data.get(job.id)).toMatchObject({
        latestRun: { id: b, state: 'FAILED', outputDatasetVersions: [{ datasetVersionId: { name: 'x' } }, { datasetVersionId: { name: 'y' } }] },
        outputs: [{ namespace: 'views', name: 'x' }],
      });
      expect(data.get(x.id)).toMatchObject({ lastModifiedAt: '2026-03-01T10:03:00.000Z' });
      expect(data.get(y.id)).toMatchObject({ lastModifiedAt: null });
    }
  });

  it('show the schema the dataset\'s writers gave when a reader\'s view of it is newer (Marquez shows its current version\'s)', async () => {
    const schema = (...names: string[]) => ({ schema: { _producer: 'p', _schemaURL: 's', fields: names.map((name) => ({ name, type: 'string' })) } });
    const run = (job: string, minute: number, io: { inputs?: object[]; outputs?: object[] }) => ({
      eventType: 'COMPLETE', eventTime: `2026-03-02T10:0${minute}:00Z`, producer: 'test', run: { runId: crypto.randomUUID() },
      job: { namespace: 'views', name: job }, inputs: [], outputs: [], ...io,
    });
    const orders = (...names: string[]) => ({ namespace: 'views', name: 'orders', facets: schema(...names) });
    const fields = async () => {
      const got = (await c.get('/namespaces/views/datasets/orders')).json;
      const listed = (await c.get('/namespaces/views/datasets?limit=100')).json.datasets.find((d: { name: string }) => d.name === 'orders');
      const lineage = (await c.get('/lineage?nodeId=dataset:views:orders&depth=1')).json.graph.find((n: { id: string }) => n.id === 'dataset:views:orders');
      return [got.fields, listed.fields, lineage.data.fields].map((f: { name: string }[]) => f.map((x) => x.name).join(','));
    };
    // The writer gives three columns; a later reader reports the one it read (a pruned scan).
    for (const e of [run('load_orders', 1, { outputs: [orders('id', 'amount', 'email')] }), run('report', 2, { inputs: [orders('amount')] })]) {
      expect((await c.loom.post('/api/v1/lineage', e)).status).toBe(201);
    }
    expect(await fields()).toEqual(['id,amount,email', 'id,amount,email', 'id,amount,email']);
    // The writer drops a column: that is the schema now, whatever the readers said before.
    expect((await c.loom.post('/api/v1/lineage', run('load_orders', 3, { outputs: [orders('id', 'amount')] }))).status).toBe(201);
    expect(await fields()).toEqual(['id,amount', 'id,amount', 'id,amount']);
    // A reader only (no writer ever gave a schema): its view is all there is.
    expect((await c.loom.post('/api/v1/lineage', run('report', 4, { inputs: [{ namespace: 'views', name: 'seen', facets: schema('a', 'b') }] }))).status).toBe(201);
    expect((await c.get('/namespaces/views/datasets/seen')).json.fields.map((f: { name: string }) => f.name)).toEqual(['a', 'b']);
  });

  it('agree with the summaries the synthetic graph generator keeps (its jobs have a completed run each)', async () => {
    const written = [...lineageGraph({ nodes: 600, seed: 7, runs: true }, 200)];
    for (const batch of written) await c.loom.services.graph.write(DEMO_TENANT, batch);
    const catalog = new CatalogService(c.loom.services.graph);
    const ids = written.flatMap((b) => b.nodes).filter((n) => n.kind === 'Job' || n.kind === 'Dataset').map((n) => n.id);
    const nodes = (await catalog.getNodes(DEMO_TENANT, ids)) as GraphNode[];
    const kept = (await dataOf(catalog, nodes, c.loom.services.tags)) as { data: [string, { latestRun?: { state: string } | null }][]; edges: unknown[] };
    expect(kept).toEqual(await dataOf(new CatalogService(unkeptGraph(c.loom.services.graph)), nodes.map(unkept), c.loom.services.tags));
    expect(kept.edges.length).toBeGreaterThan(600);
    const jobs = kept.data.filter(([id]) => id.startsWith('job:')).map(([, d]) => d);
    expect(jobs.length).toBeGreaterThan(100);
    expect(jobs.every((j) => j.latestRun?.state === 'COMPLETED')).toBe(true);
  });
});
