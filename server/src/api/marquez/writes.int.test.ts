import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startMarquezLoom, type MarquezClient } from './marquez.fixture.js';
import { DEMO_TENANT } from '../../app/seed.js';
import { ok } from '../graphql/registry.testkit.js';

/** The calls marquez-python's client makes (create_namespace, create_dataset, create_job, create_job_run, mark_job_run_as_*), in its order. */
describe("Marquez's older write API, as marquez-python calls it", () => {
  let c: MarquezClient;
  let viewerKey: string;
  const send: MarquezClient['send'] = (...args) => c.send(...args);

  beforeAll(async () => {
    c = await startMarquezLoom();
    viewerKey = await c.loom.services.tenancy.createApiKey(DEMO_TENANT, 'viewer');
  });
  afterAll(() => c?.loom.close());

  it('creates datasets, a job reading and writing them, a run, and moves the run through its states', async () => {
    expect((await send('PUT', '/namespaces/py-client', { ownerName: 'me', description: 'From marquez-python' })).status).toBe(200);
    const source = await send('PUT', '/sources/analytics_db', { type: 'POSTGRESQL', connectionUrl: 'jdbc:postgresql://db.example.com/analytics', description: 'Warehouse' });
    expect(source.status).toBe(200);
    c.validate('Source', source.json);
    expect(source.json).toMatchObject({ name: 'analytics_db', type: 'POSTGRESQL', connectionUrl: 'jdbc:postgresql://db.example.com/analytics' });
    expect(await c.ok('/sources/analytics_db', 'Source')).toEqual(source.json);
    c.validate('Source', (await send('PUT', '/sources/kafka', { type: 'KAFKA', connectionUrl: 'kafka://broker:9092' })).json);
    expect((await c.ok('/sources', 'SourceList')).sources.map((x: { name: string }) => x.name)).toEqual(['analytics_db', 'kafka']);
    const table = await send('PUT', '/namespaces/py-client/datasets/public.room_bookings', {
      type: 'DB_TABLE', physicalName: 'public.room_bookings', sourceName: 'analytics_db', description: 'All the bookings',
      fields: [{ name: 'booking_id', type: 'INTEGER', tags: ['PK'] }, { name: 'guest_email', type: 'VARCHAR', description: 'E-mail', tags: ['PII'] }],
      tags: ['gold'],
    });
    expect(table.status, JSON.stringify(table.json)).toBe(200);
    c.validate('Dataset', table.json);
    // The dataset's dataSource facet carries the registered source's URL.
    expect(table.json.facets.dataSource).toMatchObject({ name: 'analytics_db', uri: 'jdbc:postgresql://db.example.com/analytics' });
    expect(table.json).toMatchObject({
      name: 'public.room_bookings', type: 'DB_TABLE', sourceName: 'analytics_db', description: 'All the bookings', tags: ['gold'],
      fields: [{ name: 'booking_id', type: 'INTEGER', tags: ['PK'] }, { name: 'guest_email', type: 'VARCHAR', tags: ['PII'], description: 'E-mail' }],
    });
    const stream = await send('PUT', '/namespaces/py-client/datasets/bookings_topic', {
      type: 'STREAM', physicalName: 'bookings_topic', sourceName: 'kafka', schemaLocation: 'https://schemas.example.com/bookings.avsc', fields: [],
    });
    expect(stream.json.type).toBe('STREAM');

    const job = await send('PUT', '/namespaces/py-client/jobs/bookings_etl', {
      type: 'BATCH', inputs: [{ namespace: 'py-client', name: 'bookings_topic' }], outputs: [{ namespace: 'py-client', name: 'public.room_bookings' }],
      location: 'https://github.com/example/etl/blob/main/bookings.py', description: 'Loads bookings', context: { sql: 'INSERT INTO public.room_bookings SELECT * FROM topic' },
    });
    expect(job.status, JSON.stringify(job.json)).toBe(200);
    c.validate('Job', job.json);
    expect(job.json).toMatchObject({
      inputs: [{ namespace: 'py-client', name: 'bookings_topic' }], outputs: [{ namespace: 'py-client', name: 'public.room_bookings' }],
      location: 'https://github.com/example/etl/blob/main/bookings.py', description: 'Loads bookings',
    });

    const created = await send('POST', '/namespaces/py-client/jobs/bookings_etl/runs', { nominalStartTime: '2026-12-06T10:00:00Z', args: { retries: 1 } });
    expect(created.status, JSON.stringify(created.json)).toBe(201);
    c.validate('Run', created.json);
    expect(created.json).toMatchObject({ state: 'NEW', nominalStartTime: '2026-12-06T10:00:00.000Z', args: { retries: '1' } }); // as Marquez answers them: text
    const id = created.json.id;

    const started = await send('POST', `/jobs/runs/${id}/start?at=2026-12-06T10:00:05Z`);
    expect(started.status).toBe(200);
    expect(started.json).toMatchObject({ id, state: 'RUNNING', startedAt: '2026-12-06T10:00:05.000Z' });
    const done = await send('POST', `/jobs/runs/${id}/complete?at=2026-12-06T10:07:05Z`);
    c.validate('Run', done.json);
    expect(done.json).toMatchObject({ state: 'COMPLETED', endedAt: '2026-12-06T10:07:05.000Z', durationMs: 420_000 });
    // A given run id is kept; a failed and an aborted run.
    const given = '0193a0c4-7a4e-7000-8000-0000000000f1';
    expect((await send('POST', '/namespaces/py-client/jobs/bookings_etl/runs', { id: given })).json.id).toBe(given);
    expect((await send('POST', `/jobs/runs/${given}/fail`)).json.state).toBe('FAILED');
    const other = (await send('POST', '/namespaces/py-client/jobs/bookings_etl/runs', {})).json.id;
    expect((await send('POST', `/jobs/runs/${other}/abort`)).json.state).toBe('ABORTED');

    // What the graph holds is what an emitter's events would have made: lineage, runs, tags, versions.
    const read = await c.ok('/namespaces/py-client/jobs/bookings_etl', 'Job');
    expect(read.latestRuns.map((r: { state: string }) => r.state).sort()).toEqual(['ABORTED', 'COMPLETED', 'FAILED']);
    const lineage = await c.ok('/lineage?nodeId=job:py-client:bookings_etl&depth=1', 'LineageGraph');
    expect(lineage.graph.map((n: { id: string }) => n.id).sort()).toEqual(['dataset:py-client:bookings_topic', 'dataset:py-client:public.room_bookings', 'job:py-client:bookings_etl']);
    const { tagReach } = await ok(c.loom, '{ tagReach(tag: "PII") { tagged { id } } }');
    expect(tagReach.tagged).toEqual([{ id: 'field:py-client:public.room_bookings#guest_email' }]);
    expect((await c.ok('/namespaces/py-client/datasets/public.room_bookings/versions', 'DatasetVersionList')).totalCount).toBe(1);
    const events = await c.ok('/events/lineage?sortDirection=ASC', 'LineageEventList');
    expect(events.events.filter((e: { producer: string }) => e.producer.endsWith('/marquez-api')).length).toBe(10);
  });

  it('ties a dataset version to the run a PUT names (runId), keeps the job context, and refuses a run it does not know', async () => {
    const job = await send('PUT', '/namespaces/py-client/jobs/exports', {
      type: 'BATCH', inputs: [], outputs: [], context: { sql: 'SELECT 1', dag: 'nightly', owner_team: 'growth' },
    });
    expect(job.status, JSON.stringify(job.json)).toBe(200);
    c.validate('Job', job.json);
    expect(job.json.context).toEqual({ dag: 'nightly', owner_team: 'growth', sql: 'SELECT 1' });
    const runId = (await send('POST', '/namespaces/py-client/jobs/exports/runs', {})).json.id;
    expect((await send('POST', `/jobs/runs/${runId}/start`)).json.state).toBe('RUNNING');
    const put = (body: Record<string, unknown>, key?: string) => send('PUT', '/namespaces/py-client/datasets/exports.daily', {
      type: 'DB_TABLE', physicalName: 'exports.daily', sourceName: 'analytics_db', fields: [{ name: 'day', type: 'DATE' }], ...body,
    }, key);
    const written = await put({ runId });
    expect(written.status, JSON.stringify(written.json)).toBe(200);
    c.validate('Dataset', written.json);
    const version = await c.ok(`/namespaces/py-client/datasets/exports.daily/versions/${written.json.currentVersion}`, 'DatasetVersion');
    expect(version.createdByRun).toMatchObject({ id: runId, state: 'RUNNING' }); // the run's state stays
    expect((await c.ok(`/jobs/runs/${runId}`, 'Run')).outputDatasetVersions.map((v: any) => v.datasetVersionId.name)).toEqual(['exports.daily']);
    expect((await c.ok('/lineage?nodeId=dataset:py-client:exports.daily&depth=1', 'LineageGraph')).graph.map((n: { id: string }) => n.id)).toContain('job:py-client:exports');
    // Refused, and nothing stored: a run id that is not a UUID, one this tenant does not have, a context value that is not text
    expect((await put({ runId: 'nope' })).json.message).toMatch(/^runId: must be a UUID/);
    const unknown = await put({ runId: '0193a0c4-7a4e-7000-8000-00000000dead' });
    expect([unknown.status, unknown.json.message]).toEqual([404, expect.stringMatching(/run 0193a0c4-7a4e-7000-8000-00000000dead/)]);
    expect((await send('PUT', '/namespaces/py-client/datasets/other.t', { type: 'DB_TABLE', physicalName: 'x', sourceName: 's', fields: [], runId }, c.otherKey)).status).toBe(404);
    expect((await send('PUT', '/namespaces/py-client/jobs/exports', { type: 'BATCH', inputs: [], outputs: [], context: { retries: 3 } })).json.message).toMatch(/^context\.retries: must be a string/);
    expect((await c.ok('/namespaces/py-client/jobs/exports', 'Job')).context).toEqual({ dag: 'nightly', owner_team: 'growth', sql: 'SELECT 1' });
    expect((await c.ok('/namespaces/py-client/datasets/exports.daily/versions', 'DatasetVersionList')).totalCount).toBe(1);
  });

  it('refuses bodies it cannot place, naming the field; viewers; runs of other tenants', async () => {
    const put = (body: unknown) => send('PUT', '/namespaces/py-client/datasets/bad', body);
    expect((await put({ type: 'TABLE', physicalName: 'x', sourceName: 's', fields: [] })).json.message).toMatch(/^type: must be DB_TABLE or STREAM/);
    expect((await put({ type: 'DB_TABLE', physicalName: 'x', sourceName: 's', fields: [{ name: 'a' }] })).json.message).toMatch(/^fields\[0\]\.type: is required/);
    expect((await put({ type: 'DB_TABLE', physicalName: 'x', fields: [] })).json.message).toMatch(/^sourceName: is required/);
    expect((await put([1])).json.message).toMatch(/^body: /);
    expect((await send('PUT', '/sources/s', { type: 'KAFKA' })).json.message).toMatch(/^connectionUrl: is required/);
    expect((await send('GET', '/sources/nope')).status).toBe(404);
    expect((await send('PUT', '/sources/s', { type: 'KAFKA', connectionUrl: 'kafka://x' }, viewerKey)).status).toBe(403);
    expect((await c.get('/sources', c.otherKey)).json).toEqual({ sources: [] });
    expect((await send('PUT', '/namespaces/py-client/jobs/bad', { type: 'BATCH', inputs: [{ namespace: 'a' }], outputs: [] })).json.message).toMatch(/^inputs\[0\]\.name: is required/);
    expect((await send('POST', '/namespaces/py-client/jobs/bookings_etl/runs', { id: 'not-a-uuid' })).json.message).toMatch(/^id: must be a UUID/);
    expect((await send('POST', '/namespaces/py-client/jobs/no_such_job/runs', {})).status).toBe(404);
    expect((await send('POST', '/jobs/runs/0193a0c4-7a4e-7000-8000-0000000000f1/start?at=yesterday')).json.message).toMatch(/^at: /);
    expect((await send('GET', '/namespaces/py-client/datasets/bad')).status).toBe(404); // nothing of them stored
    expect((await send('PUT', '/namespaces/py-client/jobs/j', { type: 'BATCH', inputs: [], outputs: [] }, viewerKey)).status).toBe(403);
    expect((await send('POST', '/jobs/runs/0193a0c4-7a4e-7000-8000-0000000000f1/complete', undefined, c.otherKey)).status).toBe(404);
    expect((await c.ok('/jobs/runs/0193a0c4-7a4e-7000-8000-0000000000f1', 'Run')).state).toBe('FAILED');
  });
});
