/**
 * The archive of OpenLineage events received: reads of Marquez's GET /api/v1/events/lineage and of
 * GraphQL `lineageEvents` over an archive of N corpus-like events (N = --nodes, at most 1,000,000; two
 * thirds in the tenant read, one third in another), p50/p99, beside the same two queries (a page, the
 * count) run straight on chDB in the same run. Loading goes through the archive's own write
 * (LineageEventArchive.record), 5,000 events an INSERT, and its rate is reported too.
 */
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { randomUUID } from 'node:crypto';
import type { BenchOptions, Emit } from './run.js';
import { pct } from './stats.js';
import { startLoom } from '../server/src/app/main.js';
import { countSql, listParams, pageSql, type EventListQuery } from '../server/src/domain/openlineage/event-archive.js';
import { timed } from './clients.js';

export const name = 'events';
const KEY = 'bench-key-000000000000000000001';
const TENANT = 'demo';
const LOAD_BATCH = 5_000;
const READS = 50;
const MAX_EVENTS = 1_000_000;
const corpusFile = new URL('../../shared/openlineage/ingestable.ndjson', import.meta.url);

export async function run(opts: BenchOptions, emit: Emit): Promise<void> {
  const total = Math.min(opts.nodes, MAX_EVENTS);
  const corpus = readFileSync(corpusFile, 'utf8').split('\n').filter(Boolean);
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-bench-events-'));
  const loom = await startLoom({ LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_ALERT_INTERVAL_SECONDS: 'off', LOOM_DEMO_KEY: KEY });
  try {
    const t0 = Date.UTC(2026, 0, 1);
    const runs: string[] = [];
    const started = performance.now();
    for (let done = 0; done < total; done += LOAD_BATCH) {
      const tenant = (done / LOAD_BATCH) % 3 === 2 ? 'other' : TENANT;
      const events = Array.from({ length: Math.min(LOAD_BATCH, total - done) }, (_, j) => {
        const i = done + j;
        const body = JSON.parse(corpus[i % corpus.length]) as { run?: { runId: string } };
        if (body.run) body.run.runId = randomUUID();
        if (body.run && tenant === TENANT && i % 997 === 0) runs.push(body.run.runId);
        return { body, at: new Date(t0 + i * 1000).toISOString() }; // one event a second: N events span N seconds
      });
      await loom.services.lineageEvents.record(tenant, events);
      opts.progress('events.load', Math.min(done + LOAD_BATCH, total), total, 'events');
    }
    emit({ bench: 'events.load', metric: 'events_per_s', value: total / ((performance.now() - started) / 1000), n: total });

    const get = async (query: string) => {
      const res = await fetch(`${loom.url}/api/v1/events/lineage?${query}`, { headers: { authorization: `Bearer ${KEY}` } });
      if (res.status !== 200) throw new Error(`/events/lineage?${query} answered ${res.status}`);
      return res.json();
    };
    const gql = async (runId: string) => {
      const res = await fetch(`${loom.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${KEY}` },
        body: JSON.stringify({ query: 'query($r: ID) { lineageEvents(runId: $r) { totalCount events } }', variables: { r: runId } }),
      });
      const body = (await res.json()) as { errors?: unknown; data?: { lineageEvents: { totalCount: number } } };
      if (body.errors || body.data?.lineageEvents.totalCount !== 1) throw new Error(`lineageEvents(runId) answered ${JSON.stringify(body).slice(0, 200)}`);
    };
    const raw = (q: EventListQuery) => {
      const params = listParams(q);
      return Promise.all([loom.services.analytics.query(TENANT, pageSql(q), params), loom.services.analytics.query(TENANT, countSql(q), params)]);
    };
    const page: EventListQuery = { before: null, after: null, direction: 'desc', limit: 100, offset: 0 };
    const day = (i: number) => t0 + ((i * 7919) % Math.max(1, Math.floor(total / 86_400))) * 86_400_000;
    const dayIso = (ms: number) => new Date(ms).toISOString();
    const ours = { run: (i: number) => runs[i % runs.length] };
    const cases: { bench: string; loom: (i: number) => Promise<unknown>; raw: (i: number) => Promise<unknown> }[] = [
      { bench: 'events.rest.newest100', loom: () => get('limit=100'), raw: () => raw(page) },
      { bench: 'events.rest.offset10000', loom: () => get('limit=100&offset=10000'), raw: () => raw({ ...page, offset: 10_000 }) },
      {
        bench: 'events.rest.one_day',
        loom: (i) => get(`limit=100&after=${dayIso(day(i))}&before=${dayIso(day(i) + 86_400_000)}`),
        raw: (i) => raw({ ...page, after: day(i), before: day(i) + 86_400_000 }),
      },
      { bench: 'events.graphql.one_run', loom: (i) => gql(ours.run(i)), raw: (i) => raw({ ...page, runId: ours.run(i) }) },
    ];
    for (const [k, c] of cases.entries()) {
      await c.loom(0); // warm
      const loomMs: number[] = [];
      const rawMs: number[] = [];
      for (let r = 0; r < 2; r++) { // alternate, so machine load hits both alike
        loomMs.push(...await timed(READS / 2, (i) => c.loom(i + r * READS)));
        rawMs.push(...await timed(READS / 2, (i) => c.raw(i + r * READS)));
      }
      emit({ bench: c.bench, metric: 'p50_ms', value: pct(loomMs, 50), raw_engine: pct(rawMs, 50), n: total });
      emit({ bench: c.bench, metric: 'p99_ms', value: pct(loomMs, 99), raw_engine: pct(rawMs, 99), n: total });
      opts.progress('events.read', k + 1, cases.length, 'cases');
    }
  } finally {
    await loom.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
