import { mkdtemp, rm } from 'node:fs/promises';
import os from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { loadConfig, type Config } from '../config/config.js';
import { openAnalytics, type ClickHouseAnalytics } from './ClickHouseAnalytics.js';

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
    expect(await store.migrate()).toEqual(['001_run_metrics']);
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
