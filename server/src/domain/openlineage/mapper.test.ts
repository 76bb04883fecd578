import { describe, expect, it } from 'vitest';
import { readFileSync } from 'node:fs';
import { mapEvent } from './mapper.js';
import { validateEvent } from './validate.js';

const corpus = new URL('../../../../../shared/openlineage/ingestable.ndjson', import.meta.url);

function map(raw: unknown) {
  const { event, kind } = validateEvent(raw);
  return { kind, ...mapEvent(event, kind) };
}

describe('OpenLineage event → graph batch', () => {
  const base = {
    eventType: 'START', eventTime: '2026-01-02T03:04:05', producer: 'p',
    run: { runId: 'r1', facets: { parent: { job: { namespace: 'airflow', name: 'etl' }, run: { runId: 'dag-run-1' } } } },
    job: { namespace: 'airflow', name: 'etl.clean', facets: { sql: { query: 'select 1' }, gone: { _deleted: true } } },
    inputs: [{ namespace: 'pg', name: 'raw', facets: { schema: { fields: [] } } }],
    outputs: [{ namespace: 's3://m', name: 'model', facets: { loom_kind: { kind: 'Model' } } }],
  };

  it('reads a zone-less eventTime as UTC and keeps per-event-type run times', () => {
    const { nodes } = map(base);
    const run = nodes.find((n) => n.kind === 'Run' && n.name === 'r1')!;
    expect(run.props).toMatchObject({ 'at.START': '2026-01-02T03:04:05.000Z', runId: 'r1', producer: 'p' });
  });

  it('maps facets one prop each, tombstones _deleted facets, honours a declared loom_kind', () => {
    const { nodes } = map(base);
    const job = nodes.find((n) => n.id === 'job:airflow:etl.clean')!;
    expect(job.props).toEqual({ 'facets.sql': { query: 'select 1' }, 'facets.gone': null, latestRun: 'run:r1' });
    expect(nodes.find((n) => n.name === 'model')).toMatchObject({ kind: 'Model', id: 'dataset:s3://m:model', kindIsDefault: false });
    expect(nodes.find((n) => n.name === 'raw')).toMatchObject({ kind: 'Dataset', kindIsDefault: true });
  });

  it('keeps the summaries views read on the job and its outputs: current version, latest run, last modification', () => {
    const started = map(base).nodes;
    const job = (nodes: typeof started) => nodes.find((n) => n.id === 'job:airflow:etl.clean')!.props!;
    const model = (nodes: typeof started) => nodes.find((n) => n.id === 'dataset:s3://m:model')!.props!;
    // START: the run is the latest; nothing is versioned or modified yet
    expect(job(started)).toMatchObject({ latestRun: 'run:r1' });
    expect(job(started)).not.toHaveProperty('currentVersion');
    expect(model(started)).not.toHaveProperty('lastModifiedAt');
    // COMPLETE: the version it defines is current, its outputs were modified at its time; only a START names the latest run
    const completed = map({ ...base, eventType: 'COMPLETE', eventTime: '2026-01-02T04:00:00Z' }).nodes;
    const version = completed.find((n) => n.kind === 'JobVersion')!.props!.version;
    expect(job(completed).currentVersion).toEqual({ version, inputs: [{ namespace: 'pg', name: 'raw' }], outputs: [{ namespace: 's3://m', name: 'model' }] });
    expect(job(completed)).not.toHaveProperty('latestRun');
    expect(model(completed).lastModifiedAt).toBe('2026-01-02T04:00:00.000Z');
    expect(completed.find((n) => n.id === 'dataset:pg:raw')!.props).not.toHaveProperty('lastModifiedAt');
    // FAIL versions the job but modifies nothing
    const failed = map({ ...base, eventType: 'FAIL' }).nodes;
    expect(job(failed)).toHaveProperty('currentVersion');
    expect(model(failed)).not.toHaveProperty('lastModifiedAt');
  });

  it('links datasets, job, run and the parent run', () => {
    const { edges } = map(base);
    const e = edges.map((x) => `${x.kind} ${x.from} -> ${x.to}`);
    expect(e).toEqual(expect.arrayContaining([
      'INPUT_TO dataset:pg:raw -> job:airflow:etl.clean',
      'OUTPUT job:airflow:etl.clean -> dataset:s3://m:model',
      'READ_BY dataset:pg:raw@2a92db9d918a85e2 -> run:r1',
      'WROTE run:r1 -> dataset:s3://m:model',
      'RUN_OF run:r1 -> job:airflow:etl.clean',
      'PARENT_OF run:dag-run-1 -> run:r1',
      'RUN_OF run:dag-run-1 -> job:airflow:etl',
    ]));
  });

  it('records a dataset version when defining facets are given, and the run reads that version', () => {
    const { nodes, edges } = map(base);
    const version = nodes.find((n) => n.kind === 'DatasetVersion')!;
    expect(version.id).toMatch(/^dataset:pg:raw@[0-9a-f]{16}$/);
    expect(edges.some((e) => e.kind === 'HAS_VERSION' && e.from === 'dataset:pg:raw' && e.to === version.id)).toBe(true);
    // the same schema with other volatile facets is the same version; another schema is another
    const again = map({ ...base, inputs: [{ ...base.inputs[0], inputFacets: { dataQualityMetrics: { rowCount: 5 } } }] });
    const v2 = again.nodes.find((n) => n.kind === 'DatasetVersion')!;
    expect(v2.id).toBe(version.id);
    expect(v2.props!['quality.dataQualityMetrics']).toEqual({ rowCount: 5 });
    const changed = map({ ...base, inputs: [{ namespace: 'pg', name: 'raw', facets: { schema: { fields: [{ name: 'x', type: 'int' }] } } }] });
    expect(changed.nodes.find((n) => n.kind === 'DatasetVersion')!.id).not.toBe(version.id);
    // a declared datasetVersion is used as is
    const declared = map({ ...base, inputs: [{ namespace: 'pg', name: 'raw', facets: { version: { datasetVersion: 'v42' } } }] });
    expect(declared.nodes.find((n) => n.kind === 'DatasetVersion')!.id).toBe('dataset:pg:raw@v42');
  });

  it('records a job version on terminal events from its defining facets and IO', () => {
    expect(map(base).nodes.some((n) => n.kind === 'JobVersion')).toBe(false); // START: IO may be partial
    const done = map({ ...base, eventType: 'COMPLETE' });
    const jv = done.nodes.find((n) => n.kind === 'JobVersion')!;
    expect(jv.props).toMatchObject({ inputs: ['dataset:pg:raw'], outputs: ['dataset:s3://m:model'] });
    expect(done.edges.some((e) => e.kind === 'RAN' && e.from === 'run:r1' && e.to === jv.id)).toBe(true);
    const other = map({ ...base, eventType: 'COMPLETE', outputs: [] });
    expect(other.nodes.find((n) => n.kind === 'JobVersion')!.id).not.toBe(jv.id);
  });

  it('turns schema fields into Field nodes and columnLineage into field edges with transformations', () => {
    const out = {
      namespace: 'wh', name: 'agg',
      facets: {
        schema: { fields: [{ name: 'total', type: 'double' }, { name: 'addr', type: 'struct', fields: [{ name: 'city', type: 'string' }] }] },
        columnLineage: {
          fields: { total: { inputFields: [{ namespace: 'pg', name: 'raw', field: 'amount', transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION', masking: false }] }] } },
          dataset: [{ namespace: 'pg', name: 'raw', field: 'region', transformations: [{ type: 'INDIRECT', subtype: 'FILTER' }] }],
        },
      },
    };
    const { nodes, edges } = map({ ...base, outputs: [out] });
    expect([...new Set(nodes.filter((n) => n.kind === 'Field' && n.namespace === 'wh').map((n) => n.id))].sort()).toEqual(['field:wh:agg#addr', 'field:wh:agg#addr.city', 'field:wh:agg#total']);
    const derives = edges.filter((e) => e.kind === 'DERIVES');
    expect(derives).toEqual([
      expect.objectContaining({ from: 'field:pg:raw#amount', to: 'field:wh:agg#total', props: { type: 'DIRECT', transformations: [{ type: 'DIRECT', subtype: 'AGGREGATION', description: null, masking: false }] } }),
      expect.objectContaining({ from: 'field:pg:raw#region', to: 'dataset:wh:agg', props: expect.objectContaining({ type: 'INDIRECT' }) }),
    ]);
    expect(edges.some((e) => e.kind === 'HAS_FIELD' && e.from === 'dataset:pg:raw' && e.to === 'field:pg:raw#amount')).toBe(true);
  });

  it('links symlinked names both ways as aliases of one dataset', () => {
    const { nodes, edges } = map({ ...base, outputs: [{ namespace: 'hdfs://nn', name: '/warehouse/db/t', facets: { symlinks: { identifiers: [{ namespace: 'hive://ms', name: 'db.t', type: 'TABLE' }] } } }] });
    expect(nodes.find((n) => n.id === 'dataset:hive://ms:db.t')).toMatchObject({ kindIsDefault: true, props: { aliasOf: 'dataset:hdfs://nn:/warehouse/db/t' } });
    const alias = edges.filter((e) => e.kind === 'ALIAS').map((e) => `${e.from} -> ${e.to}`);
    expect(alias).toEqual(['dataset:hive://ms:db.t -> dataset:hdfs://nn:/warehouse/db/t', 'dataset:hdfs://nn:/warehouse/db/t -> dataset:hive://ms:db.t']);
  });

  it('ends a dropped dataset\'s validity, marks re-creates, and links a renamed dataset to its old name', () => {
    const drop = map({ ...base, outputs: [{ namespace: 'pg', name: 't', facets: { lifecycleStateChange: { lifecycleStateChange: 'DROP' } } }] });
    expect(drop.nodes.find((n) => n.id === 'dataset:pg:t')!.props).toMatchObject({ deletedAt: '2026-01-02T03:04:05.000Z' });
    const create = map({ ...base, outputs: [{ namespace: 'pg', name: 't', facets: { lifecycleStateChange: { lifecycleStateChange: 'CREATE' } } }] });
    expect(create.nodes.find((n) => n.id === 'dataset:pg:t')!.props).toMatchObject({ restoredAt: '2026-01-02T03:04:05.000Z' });
    const rename = map({ ...base, outputs: [{ namespace: 'pg', name: 'new', facets: { lifecycleStateChange: { lifecycleStateChange: 'RENAME', previousIdentifier: { namespace: 'pg', name: 'old' } } } }] });
    expect(rename.nodes.find((n) => n.id === 'dataset:pg:old')!.props).toMatchObject({ deletedAt: '2026-01-02T03:04:05.000Z', renamedTo: 'dataset:pg:new' });
    expect(rename.edges.filter((e) => e.kind === 'ALIAS').map((e) => `${e.from}>${e.to}`)).toEqual(['dataset:pg:old>dataset:pg:new', 'dataset:pg:new>dataset:pg:old']);
  });

  it('maps job events (static lineage) and dataset events without a run', () => {
    const job = map({ eventTime: '2026-01-01T00:00:00Z', job: { namespace: 'n', name: 'j' }, inputs: [{ namespace: 'n', name: 'd' }] });
    expect(job.kind).toBe('JobEvent');
    expect(job.nodes.some((n) => n.kind === 'Run')).toBe(false);
    const ds = map({ eventTime: '2026-01-01T00:00:00Z', dataset: { namespace: 'n', name: 'd', facets: { x: { a: 1 } } } });
    expect(ds.kind).toBe('DatasetEvent');
    expect(ds.nodes.find((n) => n.kind === 'Dataset')!.props).toEqual({ 'facets.x': { a: 1 } });
  });

  it('accepts every event of the real-emitter corpus', () => {
    const lines = readFileSync(corpus, 'utf8').split('\n').filter(Boolean);
    expect(lines.length).toBeGreaterThan(600);
    for (const line of lines) expect(() => map(JSON.parse(line)), line.slice(0, 200)).not.toThrow();
  });
});
