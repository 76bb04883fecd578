/**
 * Feature store benchmarks on a fresh Loom (`--only features`; entities = --nodes / 10, 10 daily
 * snapshots each, 10 features: 6 FLOAT64, 2 INT64, a STRING, a BOOL):
 * - writes: values/s through GraphQL `writeFeatures` (2,000 rows = 20,000 values per call, 2 clients),
 *   beside the raw insert of the same store rows straight into the analytics store (`Analytics.insert`,
 *   same batches and clients) in the same run;
 * - online reads: one entity's vector and 100 entities' vectors, p50/p99 through GraphQL `onlineFeatures`
 *   and through Feast's feature server API (`POST /get-online-features`), beside the same SQL on the bare
 *   engine (`Analytics.query`, the service's own query);
 * - point in time: a 1,000-row training set (entities at random past times), p50/p99 through GraphQL
 *   `pointInTimeFeatures` beside the same SQL on the bare engine.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import type { BenchOptions, Emit } from './run.js';
import { startLoom } from '../server/src/app/main.js';
import { featureGroupId, toFeatureGroup, type FeatureGroupInput } from '../server/src/domain/features/groups.js';
import { valueRows, type FeatureRowInput } from '../server/src/domain/features/values.js';
import { onlineQuery, pointInTimeQuery } from '../server/src/domain/features/queries.js';
import { pct } from './stats.js';
import { gql as gqlWith, pool, timed } from './clients.js';

export const name = 'features';

const KEY = 'bench-features-key-000000000001';
const gql = (url: string, query: string, variables: Record<string, unknown>) => gqlWith(url, KEY, query, variables);
const TENANT = 'demo';
const DAYS = 10;
const ROWS_PER_CALL = 2000;
const CLIENTS = 2;
const LOOKUPS = 500;
const PIT_QUERIES = 30;
const PIT_ROWS = 1000;
const DAY = 86_400_000;
const GROUP = { namespace: 'bench', name: 'customer_features' };
const RAW_GROUP = { namespace: 'bench', name: 'customer_features_raw' };
const NUMBERS = ['f_a', 'f_b', 'f_c', 'f_d', 'f_e', 'f_f'];
const DEFINITION: FeatureGroupInput = {
  ...GROUP, entity: 'customer_id',
  features: [...NUMBERS.map((n) => ({ name: n, type: 'FLOAT64' as const })), { name: 'i_a', type: 'INT64' }, { name: 'i_b', type: 'INT64' }, { name: 'plan', type: 'STRING' }, { name: 'active', type: 'BOOL' }],
};
const env = (dir: string) => ({ LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'silent', LOOM_DEMO_KEY: KEY, LOOM_GRAPHQL_IDE: 'false' });

const entity = (e: number) => `c${String(e).padStart(7, '0')}`;

function rowsOf(entities: number, today: number): FeatureRowInput[] {
  const rows: FeatureRowInput[] = [];
  for (let d = DAYS - 1; d >= 0; d--) {
    for (let e = 0; e < entities; e++) {
      const x = (e * 7919 + d * 104_729) % 1000;
      rows.push({
        entityId: entity(e), eventTime: new Date(today - d * DAY).toISOString(),
        values: { ...Object.fromEntries(NUMBERS.map((n, i) => [n, x / (i + 1)])), i_a: x, i_b: e, plan: ['basic', 'standard', 'premium'][x % 3], active: x % 2 === 0 },
      });
    }
  }
  return rows;
}

export async function run(opts: BenchOptions, emit: Emit): Promise<void> {
  const entities = Math.max(100, Math.floor(opts.nodes / 10));
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-bench-features-'));
  const loom = await startLoom(env(dir));
  try {
    const actor = { tenant: TENANT, role: 'admin' as const, name: 'bench' };
    await loom.services.features.define(actor, DEFINITION);
    await loom.services.features.define(actor, { ...DEFINITION, ...RAW_GROUP });
    const today = Math.floor(Date.now() / DAY) * DAY;
    const rows = rowsOf(entities, today);
    const calls = Array.from({ length: Math.ceil(rows.length / ROWS_PER_CALL) }, (_, i) => rows.slice(i * ROWS_PER_CALL, (i + 1) * ROWS_PER_CALL));
    const values = rows.length * DEFINITION.features.length;

    // Writes: the raw engine first (the same store rows, as the service builds them), then GraphQL.
    const [rawNode] = await loom.services.graph.getNodes(TENANT, [featureGroupId(RAW_GROUP.namespace, RAW_GROUP.name)]);
    const rawGroup = toFeatureGroup(rawNode!);
    let done = 0;
    const rawBatches = calls.map((c) => valueRows(TENANT, rawGroup, c, Date.now(), new Date().toISOString()) as unknown as Record<string, unknown>[]);
    const rawMs = await pool(rawBatches, CLIENTS, async (batch) => {
      await loom.services.analytics.insert('feature_values', batch);
      opts.progress('features.write.raw', (done += batch.length), values, 'values');
    });
    done = 0;
    const writeLat: number[] = [];
    const gqlMs = await pool(calls, CLIENTS, async (call) => {
      const t = performance.now();
      await gql(loom.url, 'mutation ($ns: String!, $name: String!, $rows: [FeatureRowInput!]!) { writeFeatures(namespace: $ns, name: $name, rows: $rows) { values } }', { ns: GROUP.namespace, name: GROUP.name, rows: call });
      writeLat.push(performance.now() - t);
      opts.progress('features.write.graphql', (done += call.length * DEFINITION.features.length), values, 'values');
    });
    const stats = await loom.services.features.stats(TENANT, await loom.services.features.get(TENANT, GROUP.namespace, GROUP.name));
    if (stats.values !== values) throw new Error(`expected ${values} stored values, found ${stats.values}`);
    emit({ bench: 'features.write', metric: 'values_per_s', value: values / (gqlMs / 1000), raw_engine: values / (rawMs / 1000), n: values });
    emit({ bench: 'features.write', metric: 'ack_p50_ms', value: pct(writeLat, 50), n: writeLat.length });
    emit({ bench: 'features.write', metric: 'ack_p99_ms', value: pct(writeLat, 99), n: writeLat.length });

    // Online reads.
    const group = await loom.services.features.get(TENANT, GROUP.namespace, GROUP.name);
    const pairs = { pair_groups: group.features.map(() => group.id), pair_features: group.features.map((f) => f.name) };
    const ONLINE = 'query ($ids: [String!]!, $f: [FeatureSelectionInput!]!) { onlineFeatures(entityIds: $ids, features: $f) { entityId values { feature value status } } }';
    for (const size of [1, 100]) {
      const ids = (i: number) => Array.from({ length: size }, (_, k) => entity((i * 7919 + k * 997) % entities));
      const bare = await timed(LOOKUPS, (i) => loom.services.analytics.query(TENANT, onlineQuery(), { groups: [group.id], entities: ids(i), ...pairs }));
      const via = await timed(LOOKUPS, async (i) => {
        const { onlineFeatures } = await gql(loom.url, ONLINE, { ids: ids(i), f: [GROUP] });
        if (onlineFeatures[0].values[0].status !== 'PRESENT') throw new Error(`no value for ${onlineFeatures[0].entityId}`);
        opts.progress(`features.online.${size}`, i + 1, LOOKUPS, 'reads');
      });
      emit({ bench: `features.online.${size}_entities`, metric: 'p50_ms', value: pct(via, 50), raw_engine: pct(bare, 50), n: LOOKUPS });
      emit({ bench: `features.online.${size}_entities`, metric: 'p99_ms', value: pct(via, 99), raw_engine: pct(bare, 99), n: LOOKUPS });
      // The same read through Feast's feature server API (POST /get-online-features).
      const feast = await timed(LOOKUPS, async (i) => {
        const res = await fetch(`${loom.url}/get-online-features`, {
          method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
          body: JSON.stringify({ features: group.features.map((f) => `${GROUP.name}:${f.name}`), entities: { [group.entity]: ids(i) } }),
        });
        const body = (await res.json()) as { results?: { statuses: string[] }[] };
        if (res.status !== 200 || body.results?.[1].statuses[0] !== 'PRESENT') throw new Error(`get-online-features answered ${res.status}: ${JSON.stringify(body).slice(0, 200)}`);
        opts.progress(`features.online.feast.${size}`, i + 1, LOOKUPS, 'reads');
      });
      emit({ bench: `features.online.feast.${size}_entities`, metric: 'p50_ms', value: pct(feast, 50), raw_engine: pct(bare, 50), n: LOOKUPS });
      emit({ bench: `features.online.feast.${size}_entities`, metric: 'p99_ms', value: pct(feast, 99), raw_engine: pct(bare, 99), n: LOOKUPS });
    }

    // Point in time: 1,000 rows at random times of the last DAYS days.
    const pitRows = (i: number) => Array.from({ length: PIT_ROWS }, (_, k) => ({ entityId: entity((i * 104_729 + k * 7919) % entities), at: new Date(today - ((i * 31 + k * 17) % (DAYS * 24)) * 3_600_000).toISOString() }));
    const bare = await timed(PIT_QUERIES, (i) => {
      const r = pitRows(i);
      return loom.services.analytics.query(TENANT, pointInTimeQuery(), { entities: r.map((x) => x.entityId), timesMs: r.map((x) => Date.parse(x.at)), groups: [group.id], ...pairs });
    });
    const via = await timed(PIT_QUERIES, async (i) => {
      await gql(loom.url, 'query ($rows: [EntityAtInput!]!, $f: [FeatureSelectionInput!]!) { pointInTimeFeatures(rows: $rows, features: $f) { entityId values { value } } }', { rows: pitRows(i), f: [GROUP] });
      opts.progress('features.pointInTime', i + 1, PIT_QUERIES, 'queries');
    });
    emit({ bench: 'features.point_in_time.1000_rows', metric: 'p50_ms', value: pct(via, 50), raw_engine: pct(bare, 50), n: PIT_QUERIES });
    emit({ bench: 'features.point_in_time.1000_rows', metric: 'p99_ms', value: pct(via, 99), raw_engine: pct(bare, 99), n: PIT_QUERIES });
  } finally {
    await loom.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
