import { describe, expect, it } from 'vitest';
import type { GraphEdge, GraphNode, NodeKind } from '../../domain/model.js';
import { toDataset, toDatasetVersion, versionIdOf } from './dataset.mapper.js';
import { jobVersionIdOf, keptRunLinks, toJobData, toRun } from './job.mapper.js';
import { tableEdges, toColumnGraph, toGraph } from './graph.mapper.js';
import { columnNodeIds, intParam, namePattern, tableDepth } from './params.js';
import { iso } from './values.js';
import { nameUuid, versionCandidates, versionUuid } from './versions.js';

const T = '2026-03-01T10:00:00.000Z';
const node = (kind: NodeKind, id: string, namespace: string, name: string, props: Record<string, unknown> = {}): GraphNode =>
  ({ id, kind, namespace, name, props, createdAt: T, updatedAt: T, validTo: null });
const edge = (kind: GraphEdge['kind'], from: string, to: string, props: Record<string, unknown> = {}): GraphEdge =>
  ({ kind, from, to, props, validFrom: T, validTo: null });
const facet = (extra: Record<string, unknown>) => ({ _producer: 'https://p', _schemaURL: 'https://s', ...extra });

describe('Marquez version UUIDs', () => {
  it('embeds a content hash reversibly, distinct per dataset; keeps UUIDs; names everything else', () => {
    const [a, b] = [versionUuid('dataset:ns:a', '0123456789abcdef'), versionUuid('dataset:ns:b', '0123456789abcdef')];
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-b[0-9a-f]00-6c6f6f6d0000$/);
    expect(a).not.toBe(b);
    expect(versionCandidates('dataset:ns:a', a)).toEqual([a, '0123456789abcdef']);
    const uuid = '0190a1b2-0000-7000-8000-000000000001';
    expect(versionUuid('dataset:ns:a', uuid)).toBe(uuid);
    expect(versionCandidates('dataset:ns:a', uuid)).toEqual([uuid]);
    expect(versionUuid('dataset:ns:a', '42')).toBe(nameUuid('dataset:ns:a@42'));
    expect(versionUuid('dataset:ns:a', null)).toBe(nameUuid('dataset:ns:a@'));
    // the same as Java's UUID.nameUUIDFromBytes("hello".getBytes())
    expect(nameUuid('hello')).toBe('5d41402a-bc4b-3a76-b971-9d911017c592');
  });
});

describe('Marquez query parameters', () => {
  it('reads datasetField ids whose namespace and dataset contain colons, likeliest split first', () => {
    expect(columnNodeIds({ nodeId: 'datasetField:postgres://db:5432:shop.orders:id' })).toEqual([
      'field:postgres://db:5432:shop.orders#id', 'field:postgres://db:5432#shop.orders:id', 'field:postgres://db#5432:shop.orders:id',
    ]);
    expect(columnNodeIds({ nodeId: 'dataset:file:/tmp/t' })).toEqual(['dataset:file:/tmp/t']);
    expect(columnNodeIds({ nodeId: 'job:x:y' })).toEqual(['job:x:y']); // the fields of what the job writes
    for (const nodeId of ['run:x:y', 'datasetField:x', 'nope']) expect(() => columnNodeIds({ nodeId })).toThrow(expect.objectContaining({ field: 'nodeId' }));
  });

  it('reads Marquez search patterns: % any run, _ one character, the rest literal', () => {
    const { piece, pattern } = namePattern('orders_%.v1');
    expect(piece).toBe('orders');
    expect(['shop.orders_daily.v1', 'ORDERS2X.V1'].map((n) => pattern.test(n))).toEqual([true, true]);
    expect(pattern.test('orders_daily_v1')).toBe(false);
    expect(namePattern('%').piece).toBe(':');
  });

  it('counts table depth in jobs (two edges each), cut to the traversal maximum; rejects bad values naming them', () => {
    expect(tableDepth({})).toBe(10);
    expect(tableDepth({ depth: '1' })).toBe(2);
    expect(() => tableDepth({ depth: 'deep' })).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: 'depth' }));
    expect(() => intParam({ limit: ['1', '2'] }, 'limit', 100, 1, 1000)).toThrow(expect.objectContaining({ field: 'limit' }));
  });
});

describe('Marquez datasets', () => {
  const ds = node('Dataset', 'dataset:kafka://b:9092:orders', 'kafka://b:9092', 'orders', {
    'facets.dataSource': facet({ name: 'kafka-prod', uri: 'kafka://b:9092' }),
    'facets.schema': facet({ fields: [{ name: 'id', type: 'long', description: 'key' }, { name: 'payload', fields: [{ name: 'x' }] }] }),
    'facets.datasetType': facet({ datasetType: 'TOPIC' }),
    'facets.my_custom': facet({ anything: [1, { deep: true }] }),
  });

  it('maps facets to Marquez fields and returns every facet verbatim', () => {
    const d = toDataset(ds, null, null);
    expect(d).toMatchObject({
      id: { namespace: 'kafka://b:9092', name: 'orders' }, type: 'STREAM', sourceName: 'kafka-prod', physicalName: 'orders',
      fields: [{ name: 'id', type: 'long', tags: [], description: 'key' }, { name: 'payload', type: null, tags: [], description: null }],
      currentVersion: versionUuid(ds.id, null), lastModifiedAt: null, deleted: false,
    });
    expect(d.facets.my_custom).toEqual(facet({ anything: [1, { deep: true }] }));
    expect(toDataset({ ...ds, validTo: T }, null, null).deleted).toBe(true);
  });

  it('keeps quality facets with the version they describe', () => {
    const v = node('DatasetVersion', `${ds.id}@0123456789abcdef`, ds.namespace, ds.name, {
      version: '0123456789abcdef', datasetId: ds.id, 'quality.dataQualityMetrics': facet({ rowCount: 3 }),
    });
    const dv = toDatasetVersion(v, ds, null);
    expect(dv.version).toBe(versionUuid(ds.id, '0123456789abcdef'));
    expect(dv.facets.dataQualityMetrics).toEqual(facet({ rowCount: 3 }));
  });
});

describe('Marquez runs and jobs', () => {
  const run = node('Run', 'run:airflow:r1', 'airflow', 'r1', {
    runId: 'r1', 'at.START': '2026-03-01T10:00:00.000Z', 'at.COMPLETE': '2026-03-01T10:00:04.000Z',
    'facets.parent': facet({ job: { namespace: 'airflow', name: 'dag' }, run: { runId: 'p1' } }),
    'facets.nominalTime': facet({ nominalStartTime: '2026-03-01T09:00:00' }),
  });

  it('reads the links ingest kept on a run as the ids its edges give, in their order', () => {
    const jv = node('JobVersion', 'job:airflow:t@0123456789abcdef', 'airflow', 't', { version: '0123456789abcdef', jobId: 'job:airflow:t' });
    const [a, b] = [node('Dataset', 'dataset:s3://b:raw', 's3://b', 'raw'), node('DatasetVersion', 'dataset:pg:x@ff', 'pg', 'x', { version: 'ff', datasetId: 'dataset:pg:x' })];
    const kept = node('Run', 'run:r9', 'airflow', 'r9', {
      links: true, 'links.ran': { namespace: 'airflow', name: 't', version: '0123456789abcdef' },
      'links.read.dataset:s3://b:raw': { namespace: 's3://b', name: 'raw', version: null },
      'links.read.dataset:pg:x@ff': { namespace: 'pg', name: 'x', version: 'ff' },
      'links.wrote.dataset:pg:x@ff': { namespace: 'pg', name: 'x', version: 'ff' },
      // a COMPLETE naming x without the version its START gave: x is that version
      'links.wrote.dataset:pg:x@': { namespace: 'pg', name: 'x', version: null },
    });
    expect(keptRunLinks(kept)).toEqual({ jobVersion: jobVersionIdOf(jv), inputs: [versionIdOf(b), versionIdOf(a)], outputs: [versionIdOf(b)] });
    expect(keptRunLinks(node('Run', 'run:old', 'airflow', 'old', { 'links.ran': { namespace: 'airflow', name: 't', version: 'v' } }))).toBeNull();
  });

  it('derives state, times and versions of what it read and wrote', () => {
    const jv = node('JobVersion', 'job:airflow:dag.task@0123456789abcdef', 'airflow', 'dag.task', { version: '0123456789abcdef', jobId: 'job:airflow:dag.task' });
    const input = node('Dataset', 'dataset:s3://b:raw', 's3://b', 'raw');
    const r = toRun(run, { jobVersion: jobVersionIdOf(jv), inputs: [versionIdOf(input)], outputs: [] });
    expect(r).toMatchObject({
      id: 'r1', state: 'COMPLETED', durationMs: 4000, nominalStartTime: '2026-03-01T09:00:00.000Z', nominalEndTime: null,
      jobVersion: { namespace: 'airflow', name: 'dag.task', version: versionUuid('job:airflow:dag.task', '0123456789abcdef') },
      inputDatasetVersions: [{ datasetVersionId: { namespace: 's3://b', name: 'raw', version: versionUuid(input.id, null) }, facets: {} }],
    });
    expect(toRun(node('Run', 'run:a:r2', 'a', 'r2', { 'at.OTHER': T }), { jobVersion: null, inputs: [], outputs: [] }).state).toBe('NEW');
  });

  it('names the parent job from the latest run, as Marquez does for Airflow tasks', () => {
    const job = node('Job', 'job:airflow:dag.task', 'airflow', 'dag.task', { 'facets.jobType': facet({ processingType: 'STREAMING' }) });
    const latest = toRun(run, { jobVersion: null, inputs: [], outputs: [] });
    expect(toJobData(job, { inputs: [], outputs: [], runs: [latest] })).toMatchObject({
      type: 'STREAM', simpleName: 'task', parentJobName: 'dag', parentJobUuid: nameUuid('job:airflow:dag'), latestRun: { id: 'r1' },
    });
  });

  it('reads zone-less producer times as UTC', () => {
    expect(iso('2024-01-01T00:00:00')).toBe('2024-01-01T00:00:00.000Z');
    expect(iso('2024-01-01T02:00:00+02:00')).toBe('2024-01-01T00:00:00.000Z');
    expect(iso('not a time')).toBeNull();
  });
});

describe('Marquez graphs', () => {
  it('links nodes by in and out edges, once, and only between nodes of the graph', () => {
    const g = toGraph(
      [{ id: 'job:n:j', type: 'JOB', data: {} }, { id: 'dataset:n:a', type: 'DATASET', data: {} }],
      [...tableEdges([{ job: 'job:n:j', inputs: [{ namespace: 'n', name: 'a' }], outputs: [{ namespace: 'n', name: 'gone' }] }], [node('Dataset', 'dataset:n:b', 'n', 'b', { aliasOf: 'dataset:n:a' })]),
        { origin: 'dataset:n:a', destination: 'job:n:j' }],
    );
    expect(g.map((n) => [n.id, n.inEdges.length, n.outEdges.length])).toEqual([['dataset:n:a', 0, 1], ['job:n:j', 1, 0]]);
  });

  it("draws a job's inputs and outputs, and each alias or rename once, from the smaller id, sorted", () => {
    const edges = tableEdges(
      [{ job: 'job:n:j', inputs: [{ namespace: 'n', name: 'z' }, { namespace: 'n', name: 'a' }], outputs: [{ namespace: 'n', name: 'o' }] }],
      [node('Dataset', 'dataset:n:b', 'n', 'b', { aliasOf: 'dataset:n:a' }), node('Dataset', 'dataset:n:a', 'n', 'a', { renamedTo: 'dataset:n:c' })],
    );
    expect(edges.map((e) => `${e.origin} ${e.destination}`)).toEqual([
      'dataset:n:a dataset:n:b', 'dataset:n:a dataset:n:c', 'dataset:n:a job:n:j', 'dataset:n:z job:n:j', 'job:n:j dataset:n:o',
    ]);
  });

  it('makes column lineage of field derivations, a dataset-wide dependency an input of every field of that dataset', () => {
    const field = (ds: string, f: string, type?: string) => node('Field', `field:db:${ds}#${f}`, 'db', `${ds}#${f}`, { dataset: `dataset:db:${ds}`, field: f, type });
    const [src, key, out1, out2] = [field('src', 'a', 'int'), field('src', 'key'), field('out', 'x'), field('out', 'y')];
    const direct = { type: 'DIRECT', transformations: [{ type: 'DIRECT', subtype: 'IDENTITY', description: 'copied', masking: false }] };
    const legacy = { type: 'INDIRECT', transformations: [{ type: 'IDENTITY', subtype: null, description: null, masking: false }] };
    const g = toColumnGraph({
      root: node('Dataset', 'dataset:db:out', 'db', 'out'), truncated: false, cut: null,
      nodes: [src, key, out1, out2].map((n) => ({ node: n, distance: 1 })),
      edges: [edge('DERIVES', src.id, out1.id, direct), edge('DERIVES', key.id, 'dataset:db:out', { type: 'INDIRECT', transformations: [] }), edge('DERIVES', src.id, out2.id, legacy)],
    });
    const x = g.find((n) => n.id === 'datasetField:db:out:x')!;
    expect(x.type).toBe('DATASET_FIELD');
    expect(x.inEdges).toEqual([{ origin: 'datasetField:db:src:a', destination: 'datasetField:db:out:x' }, { origin: 'datasetField:db:src:key', destination: 'datasetField:db:out:x' }]);
    expect((x.data as any).inputFields[0]).toMatchObject({ dataset: 'src', field: 'a', transformationType: 'DIRECT', transformationDescription: 'copied', transformations: direct.transformations });
    const y = g.find((n) => n.id === 'datasetField:db:out:y')!;
    expect((y.data as any).inputFields.map((i: any) => [i.field, i.transformationType]).sort()).toEqual([['a', 'IDENTITY'], ['key', 'INDIRECT']]);
    expect(g.find((n) => n.id === 'datasetField:db:src:a')!.outEdges).toHaveLength(2);
  });
});
