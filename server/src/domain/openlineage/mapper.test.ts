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
    expect(job.props).toEqual({ 'facets.sql': { query: 'select 1' }, 'facets.gone': null });
    expect(nodes.find((n) => n.name === 'model')).toMatchObject({ kind: 'Model', id: 'dataset:s3://m:model', kindIsDefault: false });
    expect(nodes.find((n) => n.name === 'raw')).toMatchObject({ kind: 'Dataset', kindIsDefault: true });
  });

  it('links datasets, job, run and the parent run', () => {
    const { edges } = map(base);
    const e = edges.map((x) => `${x.kind} ${x.from} -> ${x.to}`);
    expect(e).toEqual(expect.arrayContaining([
      'INPUT_TO dataset:pg:raw -> job:airflow:etl.clean',
      'OUTPUT job:airflow:etl.clean -> dataset:s3://m:model',
      'READ_BY dataset:pg:raw -> run:airflow:r1',
      'WROTE run:airflow:r1 -> dataset:s3://m:model',
      'RUN_OF run:airflow:r1 -> job:airflow:etl.clean',
      'PARENT_OF run:airflow:dag-run-1 -> run:airflow:r1',
      'RUN_OF run:airflow:dag-run-1 -> job:airflow:etl',
    ]));
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
