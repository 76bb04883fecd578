import { mkdtemp, readdir, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/config.js';
import { openAnalytics, type ClickHouseAnalytics } from './ClickHouseAnalytics.js';
import { RawJson } from '../domain/ports/Analytics.js';

const metric = (tenant: string, run: string, step: number, value: number) =>
  ({ tenant_id: tenant, run_id: run, key: 'loss', step, ts: `2026-03-02T10:00:0${step}.250Z`, value });

/** The behaviour every engine must show; `cfg` is called once, in beforeAll. */
function analyticsSuite(cfg: () => Promise<Config['analytics']>) {
  let store: ClickHouseAnalytics;
  beforeAll(async () => {
    store = await openAnalytics(await cfg());
  });
  afterAll(() => store?.close());

  it('applies numbered migrations once', async () => {
    const files = (await readdir(new URL('../../../schema/clickhouse/', import.meta.url))).filter((f) => /^\d+_\w+\.sql$/.test(f)).sort();
    expect(files.slice(0, 2)).toEqual(['001_run_metrics.sql', '002_spans.sql']);
    expect(await store.migrate()).toEqual(files.map((f) => f.slice(0, -4)));
    expect(await store.migrate()).toEqual([]);
    await store.ping();
  });

  it('round-trips inserted rows with server-side parameters', async () => {
    const run = randomUUID();
    await store.insert('run_metrics', [metric('acme', run, 1, 0.9), metric('acme', run, 2, 0.5)]);
    const rows = await store.query<{ step: string; ts: string; value: number }>('acme',
      'SELECT step, ts, value FROM run_metrics WHERE tenant_id = {tenant:String} AND run_id = {run:String} ORDER BY step',
      { run });
    expect(rows).toEqual([
      { step: '1', ts: '2026-03-02 10:00:01.250', value: 0.9 },
      { step: '2', ts: '2026-03-02 10:00:02.250', value: 0.5 },
    ]);
  });

  it('scopes a query to the tenant it is given', async () => {
    const run = randomUUID();
    await store.insert('run_metrics', [metric('acme', run, 1, 1), metric('globex', run, 1, 2)]);
    const sql = 'SELECT tenant_id, value FROM run_metrics WHERE tenant_id = {tenant:String} AND run_id = {run:String}';
    expect(await store.query('globex', sql, { run })).toEqual([{ tenant_id: 'globex', value: 2 }]);
    expect(await store.query('initech', sql, { run })).toEqual([]);
  });

  it('acknowledges an insert only once its rows are readable; a bad caller in a group fails alone', async () => {
    const run = randomUUID();
    const good = [1, 2, 3, 4].map((step) => store.insert('run_metrics', [metric('acme', run, step, step / 10)]).then(async () => {
      const seen = await store.query('acme', 'SELECT count() AS n FROM run_metrics WHERE tenant_id = {tenant:String} AND run_id = {run:String} AND step = {step:Int64}', { run, step });
      return Number((seen[0] as { n: string }).n);
    }));
    const bad = store.insert('run_metrics', [{ ...metric('acme', run, 9, 1), step: 'not a number' }]).then(() => null, (e: unknown) => e);
    expect(await Promise.all(good)).toEqual([1, 1, 1, 1]);
    expect(await bad).toMatchObject({ type: 'CANNOT_PARSE_INPUT_ASSERTION_FAILED' });
    const rows = await store.query<{ n: string }>('acme', 'SELECT count() AS n FROM run_metrics WHERE tenant_id = {tenant:String} AND run_id = {run:String}', { run });
    expect(rows).toEqual([{ n: '4' }]);
  });

  it('keeps multi-byte text exact, RawJson values verbatim, and rows of other columns inserted at the same moment', async () => {
    const trace = randomUUID();
    const now = Date.now(); // spans older than their TTL may be dropped at once
    const name = 'café 東京 \u{1F680} "quoted" \\ back\nline';
    const body = '{"note":"naïve — 東京 \u{1F680}","n":1}';
    await Promise.all([
      store.insert('spans', [{ tenant_id: 'acme', trace_id: trace, span_id: 'a', name, start_time: new Date(now).toISOString() }]),
      store.insert('spans', [{ tenant_id: 'acme', trace_id: trace, span_id: 'b', status_message: 'ü', start_time: new Date(now + 1000).toISOString() }]),
      store.insert('lineage_events', [{ tenant_id: 'acme', event_time: '2026-03-02 10:00:00.000', body: new RawJson(body), run_id: trace }]),
    ]);
    const spans = await store.query('acme', 'SELECT span_id, name, status_message FROM spans WHERE tenant_id = {tenant:String} AND trace_id = {trace:String} ORDER BY span_id', { trace });
    expect(spans).toEqual([{ span_id: 'a', name, status_message: '' }, { span_id: 'b', name: '', status_message: 'ü' }]);
    const events = await store.query('acme', 'SELECT body FROM lineage_events WHERE tenant_id = {tenant:String} AND run_id = {trace:String}', { trace });
    expect(events).toEqual([{ body }]);
  });

  it('keeps UInt64 values above 2^53 exact', async () => {
    const [row] = await store.query<{ n: string }>('acme',
      'SELECT toUInt64(9007199254740993) + count() AS n FROM run_metrics WHERE tenant_id = {tenant:String} AND key = {k:String}',
      { k: 'no-such-key' });
    expect(row.n).toBe('9007199254740993');
  });

  it('rejects rows without tenant_id and a caller-bound tenant', async () => {
    const rows = [metric('acme', 'r', 1, 1), { run_id: 'r', key: 'loss', step: 2, ts: '2026-03-02T10:00:00Z', value: 1 }];
    await expect(store.insert('run_metrics', rows)).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'rows[1].tenant_id' });
    await expect(store.insert('run_metrics', [{ ...rows[0], tenant_id: '' }])).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
    await expect(store.query('acme', 'SELECT 1', { tenant: 'globex' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT' });
  });
}

describe('ClickHouseAnalytics on chDB', () => {
  let dir: string;
  const cfg = async (): Promise<Config['analytics']> => {
    dir = await mkdtemp(path.join(os.tmpdir(), 'loom-chdb-'));
    return { engine: 'chdb', path: path.join(dir, 'chdb'), database: 'loom' };
  };
  afterAll(() => dir && rm(dir, { recursive: true, force: true }));
  analyticsSuite(cfg);

  it('shares one client per data directory (refcounted close)', async () => {
    const config: Config['analytics'] = { engine: 'chdb', path: path.join(dir, 'chdb'), database: 'loom' };
    const second = await openAnalytics(config);
    const third = await openAnalytics(config);
    await second.close();
    await second.close(); // idempotent: must not release twice
    expect(await third.query('acme', 'SELECT count() > 0 AS ok FROM run_metrics WHERE tenant_id = {tenant:String}')).toEqual([{ ok: 1 }]);
    await third.close();
    await expect(third.ping()).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('refuses inserts beyond its pending-row bound with UNAVAILABLE, and writes what it accepted before closing', async () => {
    const config: Config['analytics'] = { engine: 'chdb', path: path.join(dir, 'chdb'), database: 'loom' };
    const store = await openAnalytics(config);
    const small = await openAnalytics(config, { lingerMs: 50, maxBatchRows: 10_000, maxPendingRows: 3 });
    const run = randomUUID();
    const accepted = small.insert('run_metrics', [1, 2].map((step) => metric('acme', run, step, 1)));
    await expect(small.insert('run_metrics', [3, 4].map((step) => metric('acme', run, step, 1)))).rejects.toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 1 });
    // Refused before its INSERT bytes are built: a value that cannot be serialised is never looked at.
    await expect(small.insert('run_metrics', [3, 4].map((step) => ({ ...metric('acme', run, step, 1), value: 1n })))).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await small.close(); // within the linger window: the accepted rows are written first
    await accepted;
    const [row] = await store.query<{ n: string }>('acme', 'SELECT count() AS n FROM run_metrics WHERE tenant_id = {tenant:String} AND run_id = {run:String}', { run });
    expect(row.n).toBe('2');
    await expect(small.insert('run_metrics', [metric('acme', run, 5, 1)])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    await store.close();
  });

  it('aligns TTLs with the configured days at migrate (0 keeps rows forever; unset keeps the migration default)', async () => {
    const base: Config['analytics'] = { engine: 'chdb', path: path.join(dir, 'chdb'), database: 'loom' };
    const store = await openAnalytics(base);
    const tables = { spans: 'toDateTime(start_time)', traces: 'toDateTime(end_time)', metric_points: 'toDateTime(time)', gpu_metrics_1m: 'minute', lineage_events: 'toDateTime(recorded_at)' };
    const ttls = async () => {
      const rows = await store.query<{ name: string; engine_full: string }>('acme',
        'SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND name IN {names:Array(String)} ORDER BY name', { names: Object.keys(tables) });
      return Object.fromEntries(rows.map((r) => [r.name, / TTL (.*?)(?: SETTINGS |$)/.exec(r.engine_full)?.[1] ?? null]));
    };
    const want = (span: number, raw: number, rollup: number, events = 0) => {
      const ttl = (expr: string, days: number) => (days > 0 ? `${expr} + toIntervalDay(${days})` : null);
      return {
        gpu_metrics_1m: ttl(tables.gpu_metrics_1m, rollup), lineage_events: ttl(tables.lineage_events, events), metric_points: ttl(tables.metric_points, raw),
        spans: ttl(tables.spans, span), traces: ttl(tables.traces, span),
      };
    };
    expect(await ttls()).toEqual(want(30, 30, 400));
    for (const [span, raw, rollup, events] of [[7, 3, 90, 365], [0, 0, 0, 0], [30, 30, 400, 0]]) {
      const a = await openAnalytics({ ...base, spanTtlDays: span, metricTtlDays: raw, metricRollupTtlDays: rollup, lineageEventTtlDays: events });
      expect(await a.migrate()).toEqual([]);
      await a.close();
      expect(await ttls()).toEqual(want(span, raw, rollup, events));
    }
    const unset = await openAnalytics({ ...base, spanTtlDays: 5 });
    await unset.migrate();
    await unset.close();
    expect(await ttls()).toEqual({ ...want(5, 30, 400) });
    await store.close();
  });

  it('merges the tables of many small inserts with more parts at once (merge_selector_base 10)', async () => {
    const store = await openAnalytics({ engine: 'chdb', path: path.join(dir, 'chdb'), database: 'loom' });
    await store.migrate();
    const rows = await store.query<{ name: string; engine_full: string }>('acme',
      "SELECT name, engine_full FROM system.tables WHERE database = currentDatabase() AND name IN ('spans', 'traces', 'metric_points', 'lineage_events') ORDER BY name");
    expect(Object.fromEntries(rows.map((r) => [r.name, /merge_selector_base = (\d+)/.exec(r.engine_full)?.[1] ?? null])))
      .toEqual({ lineage_events: '10', metric_points: null, spans: '10', traces: '10' });
    await store.close();
  });

  it('reports a second data directory in the same process as UNAVAILABLE', async () => {
    const other: Config['analytics'] = { engine: 'chdb', path: path.join(dir, 'other'), database: 'loom' };
    await expect(openAnalytics(other)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe('ClickHouseAnalytics connection errors', () => {
  it('translates a refused connection to UNAVAILABLE', async () => {
    const cfg: Config['analytics'] = { engine: 'clickhouse', url: 'http://127.0.0.1:1', user: 'default', password: '', database: 'loom' };
    await expect(openAnalytics(cfg)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });
});

describe.runIf(process.env.LOOM_CLICKHOUSE_URL)('ClickHouseAnalytics on a ClickHouse server', () => {
  // A fresh database per run, so "migrations apply once" holds on a long-lived server.
  const database = `loom_test_${randomUUID().replaceAll('-', '').slice(0, 12)}`;
  analyticsSuite(async () => loadConfig({ ...process.env, LOOM_CLICKHOUSE_DATABASE: database }).analytics);
});
