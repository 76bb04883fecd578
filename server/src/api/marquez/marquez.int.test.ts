import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EVENTS, enc, startMarquezLoom, type MarquezClient } from './marquez.fixture.js';
import { parseEventTime } from '../../domain/openlineage/event.schema.js';

const TBL1 = enc('/tmp/cll_test/tbl1');
const [dagRun, taskRun] = [EVENTS.airflow[0].run.runId as string, EVENTS.airflow[1].run.runId as string];
const [sparkApp, sparkCtas] = [EVENTS.spark[0].run.runId as string, EVENTS.spark[4].run.runId as string];
const dbtRun = EVENTS.dbt.find((e) => e.run.facets?.dbt_run)!;
const at = (e: Record<string, any>) => new Date(e.eventTime as string).toISOString();
const names = (list: { name: string }[]) => list.map((x) => x.name);
const byId = (g: { graph: any[] }) => new Map(g.graph.map((n) => [n.id, n]));
const UNKNOWN = '00000000-0000-4000-8000-000000000000';

describe('Marquez read API over OpenLineage events from Spark, Airflow and dbt', () => {
  let c: MarquezClient;
  beforeAll(async () => { c = await startMarquezLoom(); });
  afterAll(() => c?.loom.close());

  it('lists and reads namespaces, URL-encoded names included', async () => {
    const { namespaces } = await c.ok('/namespaces', 'NamespaceList');
    expect(names(namespaces)).toEqual(expect.arrayContaining(['airflow', 'bigquery', 'dbt', 'file', 'gs://mock-bucket', 'postgres://localhost:5432', 'testColumnLevelLineage']));
    expect((await c.ok('/namespaces?limit=2&offset=1', 'NamespaceList')).namespaces).toEqual(namespaces.slice(1, 3));
    expect(await c.ok(`/namespaces/${enc('gs://mock-bucket')}`, 'Namespace')).toMatchObject({ name: 'gs://mock-bucket', ownerName: 'anonymous' });
  });

  it('lists datasets with paging and a total; reads one with its schema, source and facets verbatim', async () => {
    const all = await c.ok('/namespaces/file/datasets', 'DatasetList');
    expect([names(all.datasets), all.totalCount]).toEqual([['/tmp/cll_test/cll_source1', '/tmp/cll_test/cll_source2', '/tmp/cll_test/tbl1'], 3]);
    const second = await c.ok('/namespaces/file/datasets?limit=1&offset=1', 'DatasetList');
    expect([names(second.datasets), second.totalCount]).toEqual([['/tmp/cll_test/cll_source2'], 3]);
    const tbl1 = await c.ok(`/namespaces/file/datasets/${TBL1}`, 'Dataset');
    expect(tbl1).toMatchObject({
      id: { namespace: 'file', name: '/tmp/cll_test/tbl1' }, type: 'DB_TABLE', physicalName: '/tmp/cll_test/tbl1', sourceName: 'file',
      lastLifecycleState: 'CREATE', lastModifiedAt: at(EVENTS.spark[7]), deleted: false,
      fields: [{ name: 'ident', type: 'integer', tags: [] }, { name: 'trans', type: 'string' }, { name: 'agg', type: 'long' }],
    });
    expect(tbl1.facets.columnLineage).toEqual(EVENTS.spark[7].outputs[0].facets.columnLineage);
    expect(tbl1.facets.symlinks).toEqual(EVENTS.spark[7].outputs[0].facets.symlinks);
  });

  it('lists dataset versions and reads one by its UUID, with the run that created it', async () => {
    const tbl1 = await c.ok(`/namespaces/file/datasets/${TBL1}`, 'Dataset');
    const { versions, totalCount } = await c.ok(`/namespaces/file/datasets/${TBL1}/versions`, 'DatasetVersionList');
    expect(versions.map((v: any) => v.version)).toContain(tbl1.currentVersion);
    expect(totalCount).toBe(versions.length);
    const current = await c.ok(`/namespaces/file/datasets/${TBL1}/versions/${tbl1.currentVersion}`, 'DatasetVersion');
    expect(current).toMatchObject({ id: { namespace: 'file', name: '/tmp/cll_test/tbl1', version: tbl1.currentVersion }, createdByRun: { id: sparkCtas, state: 'COMPLETED' } });
    expect(names(current.fields)).toEqual(['ident', 'trans', 'agg']);
    expect((await c.get(`/namespaces/file/datasets/${TBL1}/versions/${UNKNOWN}`)).status).toBe(404);
  });

  it("lists a run's inputs and outputs each in its dataset's versions: a COMPLETE not repeating START's schema, an input named without a version", async () => {
    const ev = (eventType: string, time: string, runId: string, job: string, io: Record<string, unknown>) => ({
      eventType, eventTime: time, producer: 'https://example.com/p', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId }, job: { namespace: 'vers', name: job }, inputs: [], outputs: [], ...io,
    });
    const schema = { schema: { _producer: 'https://example.com/p', _schemaURL: 'https://openlineage.io/spec/facets/1-1-1/SchemaDatasetFacet.json', fields: [{ name: 'a', type: 'int' }] } };
    const [writer, reader] = ['01900000-0000-7000-8000-0000000000a1', '01900000-0000-7000-8000-0000000000a2'];
    for (const e of [
      ev('START', '2026-06-01T00:00:00Z', writer, 'w', { outputs: [{ namespace: 'vers', name: 'out', facets: schema }] }),
      ev('COMPLETE', '2026-06-01T00:01:00Z', writer, 'w', { outputs: [{ namespace: 'vers', name: 'out' }] }),
      ev('START', '2026-06-01T01:00:00Z', reader, 'r', { inputs: [{ namespace: 'vers', name: 'out' }] }),
      ev('COMPLETE', '2026-06-01T01:01:00Z', reader, 'r', { inputs: [{ namespace: 'vers', name: 'out' }] }),
    ]) expect((await c.loom.post('/api/v1/lineage', e)).status).toBe(201);
    const { versions } = await c.ok('/namespaces/vers/datasets/out/versions', 'DatasetVersionList');
    expect(versions).toHaveLength(1);
    const wrote = await c.ok(`/jobs/runs/${writer}`, 'Run');
    expect(wrote.outputDatasetVersions.map((v: any) => v.datasetVersionId)).toEqual([{ namespace: 'vers', name: 'out', version: versions[0].version }]);
    const read = await c.ok(`/jobs/runs/${reader}`, 'Run');
    expect(read.inputDatasetVersions.map((v: any) => v.datasetVersionId)).toEqual([{ namespace: 'vers', name: 'out', version: versions[0].version }]);
  });

  it('reads Airflow jobs: a task with its parent DAG, what its version reads and writes, its runs', async () => {
    const jobs = await c.ok('/namespaces/airflow/jobs', 'JobList');
    expect([names(jobs.jobs), jobs.totalCount]).toEqual([['BQ', 'BQ.copy', 'BQ.download', 'BQ.upload'], 4]);
    const upload = await c.ok('/namespaces/airflow/jobs/BQ.upload', 'Job');
    expect(upload).toMatchObject({
      type: 'BATCH', simpleName: 'upload', parentJobName: 'BQ', latestRun: { id: taskRun, state: 'COMPLETED' },
      inputs: [{ namespace: 'gs://mock-bucket', name: 'copied.csv' }, { namespace: 'gs://mock-bucket', name: 'test.csv' }],
      outputs: [{ namespace: 'bigquery', name: 'mock-project.test.upload' }],
    });
    expect(upload.facets.ownership).toEqual(EVENTS.airflow[1].job.facets.ownership);
    const { versions } = await c.ok('/namespaces/airflow/jobs/BQ.upload/versions', 'JobVersionList');
    expect(versions.map((v: any) => v.version)).toEqual([upload.currentVersion]);
    const version = await c.ok(`/namespaces/airflow/jobs/BQ.upload/versions/${upload.currentVersion}`, 'JobVersion');
    expect(version).toMatchObject({ inputs: upload.inputs, outputs: upload.outputs, latestRun: { id: taskRun } });
    const { runs } = await c.ok('/namespaces/airflow/jobs/BQ.upload/runs', 'RunList');
    expect(runs.map((r: any) => r.id)).toEqual([taskRun]);
  });

  it('reads runs by id: state, times, versions read and written; the DAG run is the parent of its task runs', async () => {
    const task = await c.ok(`/jobs/runs/${taskRun}`, 'Run');
    const [start, end] = [at(EVENTS.airflow[1]), at(EVENTS.airflow[2])];
    expect(task).toMatchObject({
      state: 'COMPLETED', startedAt: start, endedAt: end, durationMs: Date.parse(end) - Date.parse(start),
      jobVersion: { namespace: 'airflow', name: 'BQ.upload' }, facets: { parent: { run: { runId: dagRun }, job: { name: 'BQ' } } },
    });
    expect(task.inputDatasetVersions.map((v: any) => v.datasetVersionId.name)).toEqual(['copied.csv', 'test.csv']);
    expect(task.outputDatasetVersions.map((v: any) => v.datasetVersionId.name)).toEqual(['mock-project.test.upload']);
    const dag = await c.ok(`/jobs/runs/${dagRun}`, 'Run');
    expect(dag).toMatchObject({ state: 'COMPLETED', endedAt: at(EVENTS.airflow[7]), jobVersion: { name: 'BQ' } });
    expect(dag.facets.airflowDagRun).toEqual(EVENTS.airflow[0].run.facets.airflowDagRun);
    for (const task of ['BQ.copy', 'BQ.download']) {
      expect((await c.ok(`/namespaces/airflow/jobs/${task}`, 'Job')).latestRun.facets.parent.run.runId).toBe(dagRun);
    }
    const ctas = await c.ok(`/jobs/runs/${sparkCtas}`, 'Run');
    expect(ctas.facets.parent.run.runId).toBe(sparkApp);
    expect((await c.ok(`/jobs/runs/${sparkApp}`, 'Run')).state).toBe('COMPLETED');
  });

  it('returns custom facets verbatim, of the run or of its job', async () => {
    const run = await c.ok(`/jobs/runs/${dbtRun.run.runId}/facets?type=run`, 'FacetsResult');
    const version = EVENTS.dbt.find((e) => e.run.facets?.dbt_version)!.run.facets.dbt_version;
    // facets of every event of the run accumulate (dbt sends one per event)
    expect(run).toEqual({ runId: dbtRun.run.runId, facets: { dbt_run: dbtRun.run.facets.dbt_run, dbt_version: version } });
    const job = await c.ok(`/jobs/runs/${dbtRun.run.runId}/facets?type=job`, 'FacetsResult');
    expect(job.facets.dbt_node).toEqual(EVENTS.dbt.find((e) => e.job.facets?.dbt_node)!.job.facets.dbt_node);
    const bad = await c.get(`/jobs/runs/${dbtRun.run.runId}/facets`);
    expect([bad.status, bad.json.field]).toEqual([400, 'type']);
  });

  it('answers table-level lineage: datasets and jobs with their in and out edges', async () => {
    const g = await c.ok(`/lineage?nodeId=${enc('dataset:bigquery:mock-project.test.upload')}&depth=1`, 'LineageGraph');
    for (const n of g.graph) c.validate(n.type === 'JOB' ? 'Job' : 'Dataset', n.data);
    const nodes = byId(g);
    expect([...nodes.keys()].sort()).toEqual(['dataset:bigquery:mock-project.test.upload', 'dataset:bigquery:mock-project.test.upload_cp',
      'dataset:gs://mock-bucket:copied.csv', 'dataset:gs://mock-bucket:test.csv', 'job:airflow:BQ.copy', 'job:airflow:BQ.upload']);
    const ds = nodes.get('dataset:bigquery:mock-project.test.upload');
    expect([ds.type, ds.inEdges, ds.outEdges]).toEqual(['DATASET',
      [{ origin: 'job:airflow:BQ.upload', destination: 'dataset:bigquery:mock-project.test.upload' }],
      [{ origin: 'dataset:bigquery:mock-project.test.upload', destination: 'job:airflow:BQ.copy' }]]);
    expect(nodes.get('job:airflow:BQ.upload').data).toMatchObject({ type: 'BATCH', latestRun: { id: taskRun, state: 'COMPLETED' } });
    const fromJob = byId(await c.ok(`/lineage?nodeId=${enc('job:airflow:BQ.copy')}`, 'LineageGraph'));
    expect(fromJob.has('dataset:gs://mock-bucket:result.csv') && fromJob.has('dataset:gs://mock-bucket:test.csv')).toBe(true);
    for (const [q, field] of [['nodeId=nope', 'nodeId'], [`nodeId=${enc('job:airflow:BQ')}&depth=-1`, 'depth']]) {
      expect((await c.get(`/lineage?${q}`)).json).toMatchObject({ code: 'BAD_USER_INPUT', field });
    }
  });

  it('answers column-level lineage of the Spark CTAS and of dbt, upstream and downstream', async () => {
    const g = byId(await c.ok(`/column-lineage?nodeId=${enc('dataset:file:/tmp/cll_test/tbl1')}&depth=3`, 'LineageGraph'));
    const ident = g.get('datasetField:file:/tmp/cll_test/tbl1:ident');
    expect(ident.inEdges.map((e: any) => e.origin).sort()).toEqual(['a', 'b'].map((f) => `datasetField:file:/tmp/cll_test/cll_source1:${f}`).concat('datasetField:file:/tmp/cll_test/cll_source2:a'));
    expect(ident.data.inputFields.map((i: any) => `${i.dataset}:${i.field}:${i.transformationType}`).sort()).toEqual([
      '/tmp/cll_test/cll_source1:a:DIRECT', '/tmp/cll_test/cll_source1:b:INDIRECT', '/tmp/cll_test/cll_source2:a:INDIRECT']);
    const agg = g.get('datasetField:file:/tmp/cll_test/tbl1:agg').data.inputFields.find((i: any) => i.field === 'c');
    expect(agg.transformations).toEqual([{ type: 'DIRECT', subtype: 'AGGREGATION', description: null, masking: false }]);
    const c2 = `datasetField:file:/tmp/cll_test/cll_source2:c`;
    const down = byId(await c.ok(`/column-lineage?nodeId=${enc(c2)}&withDownstream=true`, 'LineageGraph'));
    expect(down.get(c2).outEdges).toEqual([{ origin: c2, destination: 'datasetField:file:/tmp/cll_test/tbl1:agg' }]);
    expect([...byId(await c.ok(`/column-lineage?nodeId=${enc(c2)}`, 'LineageGraph')).keys()]).toEqual([c2]);
    const dbt = byId(await c.ok(`/column-lineage?nodeId=${enc('datasetField:postgres://localhost:5432:dbt_test.main.customer_analytics:customer_id')}`, 'LineageGraph'));
    expect(dbt.get('datasetField:postgres://localhost:5432:dbt_test.main.customer_analytics:customer_id').inEdges.map((e: any) => e.origin))
      .toEqual(['datasetField:postgres://localhost:5432:dbt_test.main.stg_customers:customer_id']);
  });

  it('answers column-level lineage of a job node: the fields of the datasets it writes (the spec allows job node ids here)', async () => {
    const sparkJob = 'job:testColumnLevelLineage:open_lineage_integration_create_table.execute_create_hive_table_as_select_command.default_tbl1';
    const fromJob = await c.ok(`/column-lineage?nodeId=${enc(sparkJob)}&depth=3`, 'LineageGraph');
    const fromDataset = await c.ok(`/column-lineage?nodeId=${enc('dataset:file:/tmp/cll_test/tbl1')}&depth=3`, 'LineageGraph');
    expect(fromJob.graph.length).toBeGreaterThan(0);
    expect(fromJob).toEqual(fromDataset); // the job writes tbl1 alone
    const dbtJob = 'job:dbt:dbt_test.main.openlineage_compatibility_test.customer_analytics';
    const dbt = byId(await c.ok(`/column-lineage?nodeId=${enc(dbtJob)}`, 'LineageGraph'));
    expect(dbt.get('datasetField:postgres://localhost:5432:dbt_test.main.customer_analytics:customer_id').inEdges.map((e: any) => e.origin))
      .toEqual(['datasetField:postgres://localhost:5432:dbt_test.main.stg_customers:customer_id']);
    // A job writing two datasets: the fields of both. (The Spark CTAS event, its output written twice under other names.)
    const ctas = EVENTS.spark.find((e) => e.eventType === 'COMPLETE' && e.outputs?.some((o: any) => o.name === '/tmp/cll_test/tbl1'))!;
    const tbl1 = ctas.outputs.find((o: any) => o.name === '/tmp/cll_test/tbl1');
    const twice = { ...ctas, run: { runId: '01890000-0000-7000-8000-0000000000cc' }, job: { ...ctas.job, name: 'writes_two' },
      outputs: ['tbl_a', 'tbl_b'].map((name) => ({ ...tbl1, name: `/tmp/cll_test/${name}` })) };
    expect((await c.loom.post('/api/v1/lineage', twice)).status).toBe(201);
    const two = byId(await c.ok(`/column-lineage?nodeId=${enc(`job:${ctas.job.namespace}:writes_two`)}&depth=3`, 'LineageGraph'));
    for (const name of ['tbl_a', 'tbl_b']) {
      expect(two.get(`datasetField:file:/tmp/cll_test/${name}:ident`).inEdges.map((e: any) => e.origin).sort())
        .toEqual(['a', 'b'].map((f) => `datasetField:file:/tmp/cll_test/cll_source1:${f}`).concat('datasetField:file:/tmp/cll_test/cll_source2:a'));
    }
    // A job that writes nothing (the Airflow DAG) answers an empty graph; one that does not exist, a 404.
    expect((await c.ok(`/column-lineage?nodeId=${enc('job:airflow:BQ')}`, 'LineageGraph')).graph).toEqual([]);
    expect((await c.get(`/column-lineage?nodeId=${enc('job:airflow:nope')}`)).status).toBe(404);
    expect((await c.get(`/column-lineage?nodeId=${enc(sparkJob)}`, c.otherKey)).status).toBe(404);
  });

  it('answers run-level upstream lineage: the runs that wrote what a run read, nearest first', async () => {
    // The Airflow DAG: upload reads test.csv and copied.csv and writes upload; copy reads upload, writes upload_cp; download reads upload_cp.
    const [upload, copy, download] = [EVENTS.airflow[2], EVENTS.airflow[4], EVENTS.airflow[6]];
    const lineage = await c.ok(`/runlineage/upstream?runId=${download.run.runId}`, 'UpstreamRunLineage');
    expect(lineage.runs.map((r: any) => `${r.job.name}:${r.run.id}`)).toEqual([download, copy, upload].map((e) => `${e.job.name}:${e.run.runId}`));
    const [d, cp, up] = lineage.runs;
    expect(d.run).toEqual({ id: download.run.runId, start: expect.any(String), end: at(download), status: 'COMPLETED' });
    expect(d.job).toMatchObject({ namespace: 'airflow', name: 'BQ.download', version: expect.stringMatching(/^[0-9a-f-]{36}$/) });
    expect(d.inputs).toEqual([{ namespace: 'bigquery', name: 'mock-project.test.upload_cp', version: expect.stringMatching(/^[0-9a-f-]{36}$/), producedByRunId: copy.run.runId }]);
    expect(cp.inputs.map((i: any) => [i.name, i.producedByRunId])).toEqual([['mock-project.test.upload', upload.run.runId]]);
    expect(up.inputs.map((i: any) => [i.name, i.producedByRunId]).sort()).toEqual([['copied.csv', null], ['test.csv', null]]);
    // The input's version is the one the dataset's versions list names.
    const versions = await c.ok(`/namespaces/bigquery/datasets/${enc('mock-project.test.upload_cp')}/versions`, 'DatasetVersionList');
    expect(versions.versions.map((v: any) => v.version)).toContain(d.inputs[0].version);
    // Bounded: depth 1 stops at the writers of what the run read; limit 2 cuts and says so.
    const near = await c.ok(`/runlineage/upstream?runId=${download.run.runId}&depth=1`, 'UpstreamRunLineage');
    expect(near.runs.map((r: any) => r.run.id)).toEqual([download.run.runId, copy.run.runId]);
    const res = await fetch(`${c.loom.url}/api/v1/runlineage/upstream?runId=${download.run.runId}&limit=2`, { headers: { authorization: `Bearer ${c.loom.key}` } });
    expect([res.headers.get('x-loom-lineage-partial'), (await res.json()).runs.length]).toEqual(['NODE_LIMIT', 2]);
    expect((await c.ok(`/runlineage/upstream?runId=${upload.run.runId}`, 'UpstreamRunLineage')).runs.map((r: any) => r.run.id)).toEqual([upload.run.runId]);
    expect((await c.get('/runlineage/upstream')).json).toMatchObject({ code: 'BAD_USER_INPUT', field: 'runId' });
    expect((await c.get(`/runlineage/upstream?runId=${download.run.runId}&depth=-1`)).json).toMatchObject({ code: 'BAD_USER_INPUT', field: 'depth' });
    expect((await c.get(`/runlineage/upstream?runId=${UNKNOWN}`)).status).toBe(404);
    expect((await c.get(`/runlineage/upstream?runId=${download.run.runId}`, c.otherKey)).status).toBe(404);
  });

  it('lists the events received, as they were sent: newest first, paged, bounded in time, each event once', async () => {
    // In a tenant of their own: the test Loom's demo tenant has the demo's events too.
    await c.loom.services.tenancy.createTenant('events');
    const key = await c.loom.services.tenancy.createApiKey('events', 'admin');
    const posted = [...EVENTS.spark, ...EVENTS.airflow, ...EVENTS.dbt];
    for (const e of posted) expect((await c.loom.post('/api/v1/lineage', e, { key })).status).toBe(201);
    const ok = async (path: string) => {
      const res = await c.get(path, key);
      expect(res.status, `${path}: ${JSON.stringify(res.json)}`).toBe(200);
      c.validate('LineageEventList', res.json);
      return res.json;
    };
    const distinct = [...new Set(posted.map((e) => JSON.stringify(e)))];
    const time = (e: any) => parseEventTime(e.eventTime);
    const all = await ok('/events/lineage?limit=1000');
    expect(all.totalCount).toBe(distinct.length);
    expect(all.events.map((e: unknown) => JSON.stringify(e)).sort()).toEqual([...distinct].sort());
    all.events.forEach((e: any, i: number) => i && expect(time(all.events[i - 1])).toBeGreaterThanOrEqual(time(e)));
    expect((await ok('/events/lineage?limit=1000&sortDirection=asc')).events).toEqual([...all.events].reverse());
    expect(await ok('/events/lineage?limit=3&offset=2')).toEqual({ events: all.events.slice(2, 5), totalCount: all.totalCount });
    expect((await ok('/events/lineage')).events).toHaveLength(Math.min(100, all.totalCount)); // Marquez's default page

    // `after` includes its instant, `before` excludes it: the two sides of one instant make up the whole.
    const mid = all.events[Math.floor(all.events.length / 2)];
    const instant = new Date(time(mid)).toISOString();
    const later = await ok(`/events/lineage?limit=1000&after=${enc(instant)}`);
    const earlier = await ok(`/events/lineage?limit=1000&before=${enc(instant)}`);
    expect(later.events).toContainEqual(mid);
    expect(earlier.events).not.toContainEqual(mid);
    expect([later.totalCount + earlier.totalCount, [...later.events, ...earlier.events]]).toEqual([all.totalCount, all.events]);
    expect(later.events.every((e: any) => time(e) >= time(mid)) && earlier.events.every((e: any) => time(e) < time(mid))).toBe(true);

    // An emitter's retries of an event are listed once (here three copies in one INSERT, so one part holds them all).
    expect((await c.loom.post('/api/v1/lineage/batch', [EVENTS.airflow[3], EVENTS.airflow[3], EVENTS.airflow[3]], { key })).json).toMatchObject({ summary: { successful: 3 } });
    expect(await ok('/events/lineage?limit=1000')).toEqual(all);

    for (const [param, field] of [['sortDirection=up', 'sortDirection'], ['before=yesterday', 'before'], ['after=2024-13-45T00:00:00Z', 'after'], ['limit=0', 'limit']]) {
      const res = await c.get(`/events/lineage?${param}`, key);
      expect([param, res.status, res.json.code, res.json.message]).toEqual([param, 400, 'BAD_USER_INPUT', expect.stringContaining(field)]);
    }
  });

  it('GraphQL lineageEvents: a run\'s events or a job\'s, from the same archive, newest first unless asked', async () => {
    const posted = [...EVENTS.spark, ...EVENTS.airflow, ...EVENTS.dbt];
    const newest = (list: any[]) => [...list].sort((a, b) => parseEventTime(b.eventTime) - parseEventTime(a.eventTime));
    const Q = `query($runId: ID, $ns: String, $name: String, $newestFirst: Boolean! = true, $first: Int! = 100) {
      lineageEvents(runId: $runId, jobNamespace: $ns, jobName: $name, newestFirst: $newestFirst, first: $first) { totalCount events } }`;
    const ofRun = posted.filter((e) => e.run?.runId === taskRun);
    expect(ofRun.length).toBeGreaterThan(1);
    const run = await c.loom.gql(Q, { runId: taskRun });
    expect(run).toMatchObject({ status: 200, data: { lineageEvents: { totalCount: ofRun.length, events: newest(ofRun) } } });
    expect((await c.loom.gql(Q, { runId: taskRun, newestFirst: false })).data.lineageEvents.events).toEqual(newest(ofRun).reverse());

    const ofJob = posted.filter((e) => e.job?.namespace === 'airflow' && e.job?.name === 'BQ.upload');
    const job = await c.loom.gql(Q, { ns: 'airflow', name: 'BQ.upload', first: 1 });
    expect(job.data.lineageEvents).toEqual({ totalCount: ofJob.length, events: newest(ofJob).slice(0, 1) });

    const DQ = `query($ns: String, $name: String) { lineageEvents(datasetNamespace: $ns, datasetName: $name, newestFirst: false) { totalCount events } }`;
    const names = (e: any) => [...(e.inputs ?? []), ...(e.outputs ?? []), ...(e.dataset ? [e.dataset] : [])].map((d: any) => `${d.namespace}:${d.name}`);
    const ofTable = posted.filter((e) => names(e).includes('file:/tmp/cll_test/tbl1'));
    expect(ofTable.length).toBeGreaterThan(1);
    expect((await c.loom.gql(DQ, { ns: 'file', name: '/tmp/cll_test/tbl1' })).data.lineageEvents).toEqual({ totalCount: ofTable.length, events: newest(ofTable).reverse() });
    expect((await c.loom.gql(DQ, { ns: 'file' })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'datasetName' } });

    const half = await c.loom.gql(Q, { name: 'BQ.upload' });
    expect(half.errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'jobNamespace' } });
    expect((await c.loom.gql(Q, { runId: taskRun, first: 0 })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
    expect((await c.loom.gql(Q, { runId: taskRun }, c.otherKey)).data.lineageEvents).toEqual({ totalCount: 0, events: [] });
  });

  it('GraphQL recentlyActive: the jobs and datasets of the newest events, each once, where they exist; none of another tenant', async () => {
    const Q = 'query($first: Int!) { recentlyActive(first: $first) { id kind namespace name } }';
    const events = (await c.loom.gql('{ lineageEvents(first: 200) { events } }')).data.lineageEvents.events as any[];
    const expected: string[] = [];
    for (const e of events) {
      for (const [kind, ref] of [['job', e.job], ...[...(e.outputs ?? []), e.dataset, ...(e.inputs ?? [])].map((d) => ['dataset', d])]) {
        const id = ref?.namespace && ref?.name ? `${kind}:${ref.namespace}:${ref.name}` : null;
        if (id && !expected.includes(id)) expected.push(id);
      }
    }
    const got = (await c.loom.gql(Q, { first: 8 })).data.recentlyActive as { id: string; kind: string }[];
    expect(got).toHaveLength(8);
    expect(got[0].id).toBe(expected[0]); // the newest event's job
    expect(got.map((n) => n.id)).toEqual(expected.filter((id) => got.some((n) => n.id === id))); // in that order
    expect([got[0].kind, got.some((n) => n.kind === 'Dataset')]).toEqual(['Job', true]); // (a dataset an emitter marks as a model is a Model)
    for (const n of got) expect((await c.loom.gql('query($id: ID!) { node(id: $id) { id } }', { id: n.id })).data.node).toEqual({ id: n.id });
    expect((await c.loom.gql(Q, { first: 8 }, c.otherKey)).data.recentlyActive).toEqual([]);
    expect((await c.loom.gql(Q, { first: 51 })).errors?.[0]).toMatchObject({ extensions: { code: 'BAD_USER_INPUT', field: 'first' } });
  });

  it('searches datasets and jobs by name pattern, filtered and sorted', async () => {
    const all = await c.ok('/search?q=upload', 'SearchResultList');
    expect(all.results.map((r: any) => `${r.type}:${r.nodeId}`)).toEqual(['JOB:job:airflow:BQ.upload', 'DATASET:dataset:bigquery:mock-project.test.upload', 'DATASET:dataset:bigquery:mock-project.test.upload_cp']);
    expect(names((await c.ok('/search?q=upload&filter=job', 'SearchResultList')).results)).toEqual(['BQ.upload']);
    expect(names((await c.ok(`/search?q=${enc('mock%cp')}`, 'SearchResultList')).results)).toEqual(['mock-project.test.upload_cp']);
    const recent = (await c.ok('/search?q=upload&sort=UPDATE_AT&limit=2', 'SearchResultList')).results.map((r: any) => r.updatedAt);
    expect([recent.length, recent[0] >= recent[1]]).toEqual([2, true]);
    expect((await c.ok('/search?q=%25&filter=JOB&limit=1000', 'SearchResultList')).totalCount).toBeGreaterThanOrEqual(4);
    expect((await c.get('/search')).json).toMatchObject({ code: 'BAD_USER_INPUT', field: 'q' });
  });

  it('reads a job whose name is longer than a URL path parameter usually is (Spark and dbt names run to 300 characters)', async () => {
    const name = `spark_app.${'execute_insert_into_hadoop_fs_relation_command.'.repeat(5)}warehouse_target`;
    const e = { ...EVENTS.airflow[1], job: { ...EVENTS.airflow[1].job, namespace: 'long-names', name }, run: { runId: '01890000-0000-7000-8000-0000000000aa' } };
    expect((await c.loom.post('/api/v1/lineage', e)).status).toBe(201);
    expect(enc(name).length).toBeGreaterThan(200);
    const job = await c.ok(`/namespaces/long-names/jobs/${enc(name)}`, 'Job');
    expect(job.name).toBe(name);
  });

  it('answers 404 for what does not exist and 401 without a valid key', async () => {
    for (const path of ['/namespaces/nope', '/namespaces/nope/datasets', '/namespaces/file/datasets/nope', '/namespaces/airflow/jobs/nope',
      `/namespaces/airflow/jobs/BQ/versions/${UNKNOWN}`, `/jobs/runs/${UNKNOWN}`, `/lineage?nodeId=${enc('dataset:nope:nope')}`,
      `/column-lineage?nodeId=${enc('datasetField:file:/tmp/cll_test/tbl1:nope')}`]) {
      const res = await c.get(path);
      expect([path, res.status, res.json.code]).toEqual([path, 404, 'NOT_FOUND']);
    }
    for (const key of [null, 'not-a-key']) expect((await c.get('/namespaces', key)).json).toMatchObject({ code: 'UNAUTHENTICATED' });
  });

  it('shows another tenant none of it', async () => {
    const other = (path: string) => c.get(path, c.otherKey);
    expect(names((await other('/namespaces')).json.namespaces)).not.toContain('airflow');
    for (const path of ['/namespaces/airflow', `/jobs/runs/${dagRun}`, `/lineage?nodeId=${enc('dataset:bigquery:mock-project.test.upload')}`,
      `/column-lineage?nodeId=${enc('dataset:file:/tmp/cll_test/tbl1')}`]) expect((await other(path)).status).toBe(404);
    expect((await other('/search?q=upload')).json).toEqual({ totalCount: 0, results: [] });
    expect((await other('/events/lineage')).json).toEqual({ events: [], totalCount: 0 });
  });
});
