/**
 * When a lineage event is answered. LOOM_INGEST_ACK=logged (the default): once in the ingest log,
 * and it survives the process being killed before it reached the graph (the next start writes it).
 * LOOM_INGEST_ACK=committed: once in the graph, with no ingest log at all.
 */
import { describe, expect, it } from 'vitest';
import { existsSync } from 'node:fs';
import path from 'node:path';
import { startLoom, type RunningLoom } from './main.js';
import { DEMO_KEY, spawnLoom, suiteTempDir } from '../testing/harness.js';
import { FileIngestLog } from '../queue/FileIngestLog.js';

const EVENTS = 3_000;

const event = (i: number) => ({
  eventType: 'COMPLETE', eventTime: '2026-03-01T00:00:00.000Z', producer: 'https://example.com/crash-test',
  run: { runId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
  job: { namespace: 'crash', name: `job_${i}` },
  inputs: [{ namespace: 'db', name: `in_${i % 100}` }], outputs: [{ namespace: 'db', name: `out_${i}` }],
});

/** The events of the instant every event above is about, from Marquez's event list. */
async function listed(url: string): Promise<{ events: unknown[]; totalCount: number }> {
  const range = `after=${encodeURIComponent('2026-03-01T00:00:00Z')}&before=${encodeURIComponent('2026-03-01T00:00:00.001Z')}`;
  const res = await fetch(`${url}/api/v1/events/lineage?limit=1000&${range}`, { headers: { authorization: `Bearer ${DEMO_KEY}` } });
  expect(res.status).toBe(200);
  return res.json() as Promise<{ events: unknown[]; totalCount: number }>;
}

const tempDir = suiteTempDir('loom-ingest-crash-');

describe('lineage ingest across a crash', () => {
  it('keeps every answered event when the process is killed right after answering, and writes them at the next start', async () => {
    const env = { LOOM_DATA_DIR: path.join(tempDir(), 'data'), LOOM_LOG_LEVEL: 'warn', LOOM_DEMO_KEY: DEMO_KEY };
    const child = await spawnLoom(env);
    let survivor: RunningLoom | undefined;
    try {
      const res = await fetch(`http://127.0.0.1:${child.port}/api/v1/lineage/batch`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` },
        body: JSON.stringify(Array.from({ length: EVENTS }, (_, i) => event(i))),
      });
      expect(await res.json()).toMatchObject({ status: 'success', summary: { successful: EVENTS } });
      await child.kill(); // answered; the graph takes ~1-2 s to write them all

      const log = await FileIngestLog.open(path.join(env.LOOM_DATA_DIR, 'ingest-log'));
      const pending = log.unapplied().length;
      await log.close();
      expect(pending).toBeGreaterThan(0); // the kill came before the graph had them (else this test proves nothing)

      survivor = await startLoom({ ...env, LOOM_PORT: '0' });
      const jobs = await survivor.services.graph.getNodes('demo', Array.from({ length: EVENTS }, (_, i) => `job:crash:job_${i}`));
      expect(jobs.filter(Boolean)).toHaveLength(EVENTS);
      expect((await listed(survivor.url)).totalCount).toBe(EVENTS); // archived too, each once (some perhaps before the kill)
      const graphql = await fetch(`${survivor.url}/graphql`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` },
        body: JSON.stringify({ query: '{ node(id: "job:crash:job_2999") { id } }' }),
      });
      expect(await graphql.json()).toEqual({ data: { node: { id: 'job:crash:job_2999' } } });
      const metrics = await (await fetch(`${survivor.url}/metrics`)).text();
      expect(metrics).toMatch(/^loom_lineage_events_waiting 0$/m);
      expect(metrics).toMatch(/^loom_lineage_lag_seconds 0$/m);
    } finally {
      await child.kill();
      await survivor?.close();
    }
  }, 180_000);

  it('LOOM_INGEST_ACK=committed: answers once the event is in the graph, and keeps no ingest log', async () => {
    const data = path.join(tempDir(), 'committed');
    const loom = await startLoom({ LOOM_DATA_DIR: data, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_DEMO_KEY: DEMO_KEY, LOOM_INGEST_ACK: 'committed' });
    try {
      expect(loom.services.lineageLog).toBeNull();
      const post = (body: unknown) => fetch(`${loom.url}/api/v1/lineage`, {
        method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify(body),
      });
      expect((await post(event(1))).status).toBe(201);
      expect(await (await post({ ...event(2), run: {} })).json()).toMatchObject({ code: 'BAD_USER_INPUT', field: 'run.runId' });
      const [job] = await loom.services.graph.getNodes('demo', ['job:crash:job_1']); // the store itself: nothing to wait for
      expect(job?.name).toBe('job_1');
      expect(await listed(loom.url)).toEqual({ events: [event(1)], totalCount: 1 }); // archived before the answer
      expect(existsSync(path.join(data, 'ingest-log'))).toBe(false);
    } finally {
      await loom.close();
    }
  });
});
