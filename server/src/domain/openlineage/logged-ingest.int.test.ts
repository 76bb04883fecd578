/**
 * Lineage events answered from the ingest log: on the real embedded graph and the real file log.
 * An answered event is readable at once, survives a stop before it reached the graph, and a bad
 * one is refused before it is logged; a full backlog makes new events wait, then answers 503.
 */
import { afterEach, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KuzuGraphStore } from '../../graph/kuzu/KuzuGraphStore.js';
import { FileIngestLog } from '../../queue/FileIngestLog.js';
import { LineageIngestService } from './lineage-ingest.service.js';
import { LoggedLineageIngest, type LoggedIngestOptions } from './logged-ingest.js';
import { visibleGraph } from './visible-graph.js';
import { LineageEventArchive, type EventListQuery } from './event-archive.js';
import { openAnalytics } from '../../analytics/ClickHouseAnalytics.js';

const dirs: string[] = [];
afterEach(() => { for (const d of dirs.splice(0)) rmSync(d, { recursive: true, force: true }); });

function event(i: number, eventType = 'COMPLETE') {
  return {
    eventType, eventTime: `2026-03-01T00:00:${String(i % 60).padStart(2, '0')}.000Z`, producer: 'https://example.com/test',
    run: { runId: `00000000-0000-4000-8000-${String(i).padStart(12, '0')}` },
    job: { namespace: 'etl', name: `job_${i}` },
    inputs: [{ namespace: 'db', name: `in_${i}` }], outputs: [{ namespace: 'db', name: `out_${i}` }],
  };
}

const dropped: unknown[] = [];
const OPTS: Omit<LoggedIngestOptions, 'maxBacklog' | 'roomWaitMs'> = { applyChunk: 64, lingerMs: 0, onDropped: (err) => dropped.push(err), onRetry: () => undefined };

async function open(dir: string, opts: Partial<LoggedIngestOptions> = {}, archive: LineageEventArchive | null = null, maxPendingWrites?: number) {
  const store = await KuzuGraphStore.open({ path: path.join(dir, 'graph.kuzu'), bufferPoolBytes: 128 * 1024 * 1024, maxPendingWrites });
  await store.init();
  const log = await FileIngestLog.open(path.join(dir, 'ingest-log'));
  const logged = new LoggedLineageIngest(new LineageIngestService(store), log, { maxBacklog: 1000, roomWaitMs: 2000, ...OPTS, ...opts }, archive);
  const reads = visibleGraph(store, (t) => logged.visible(t));
  return {
    store, log, logged, reads,
    async close() { await logged.close(); await store.close(); },
  };
}

const newDir = () => {
  const d = mkdtempSync(path.join(tmpdir(), 'loom-logged-'));
  dirs.push(d);
  return d;
};
const jobsFound = async (reads: Awaited<ReturnType<typeof open>>['reads'], tenant: string, ids: number[]) =>
  (await reads.getNodes(tenant, ids.map((i) => `job:etl:job_${i}`))).filter(Boolean).length;

describe('LoggedLineageIngest', () => {
  it('answers from the log, and a read right after the answer sees the event (its tenant only)', async () => {
    const s = await open(newDir());
    try {
      expect(s.logged.stats()).toEqual({ waiting: 0, lagMs: 0, dropped: 0 });
      const answers = await Promise.all(Array.from({ length: 40 }, (_, i) => s.logged.ingest('t1', event(i))));
      expect(answers[0]).toMatchObject({ kind: 'RunEvent' });
      expect(s.logged.stats().waiting).toBeGreaterThan(0); // answered; the graph write has not finished yet
      expect(await jobsFound(s.reads, 't1', Array.from({ length: 40 }, (_, i) => i))).toBe(40);
      expect(s.logged.stats()).toEqual({ waiting: 0, lagMs: 0, dropped: 0 });
      expect(await jobsFound(s.reads, 't2', [0, 1])).toBe(0);
      const batch = await s.logged.ingestBatch('t1', [event(100), { eventType: 'COMPLETE' }, event(101)]);
      expect(batch).toMatchObject({ received: 3, successful: 2, failed: [{ index: 1, retriable: false }] });
      expect(await jobsFound(s.reads, 't1', [100, 101])).toBe(2);
    } finally {
      await s.close();
    }
  });

  it('makes a reader wait for the events it sent (read-your-writes), not for those another client sent', async () => {
    const s = await open(newDir());
    const settled = (p: Promise<void>) => Promise.race([p.then(() => 'in the graph'), Promise.resolve().then(() => 'waiting')]);
    try {
      await s.logged.ingest('t1', event(1), 'airflow');
      // Answered; its graph write needs the engine's threads, so it cannot be done yet.
      expect(await settled(s.logged.visible('t1', 'airflow'))).toBe('waiting');
      expect(await settled(s.logged.visible('t1'))).toBe('waiting'); // no reader: every event of the tenant
      expect(await settled(s.logged.visible('t1', 'ui'))).toBe('in the graph');
      expect(await settled(s.logged.visible('t2', 'airflow'))).toBe('in the graph');
      await s.logged.visible('t1', 'airflow');
      expect(await jobsFound(s.store, 't1', [1])).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('lets an idle writer wait for more events, until a reader waits for them, a chunk is full, or it closes', async () => {
    const s = await open(newDir(), { lingerMs: 60_000 });
    const inGraph = async (ids: number[]) => (await s.store.getNodes('t1', ids.map((i) => `job:etl:job_${i}`))).filter(Boolean).length;
    const ids = (from: number, n: number) => Array.from({ length: n }, (_, i) => from + i);
    try {
      for (const i of ids(0, 5)) await s.logged.ingest('t1', event(i));
      await new Promise((r) => setTimeout(r, 300));
      expect(await inGraph(ids(0, 5))).toBe(0); // answered, and left waiting for more
      let t = performance.now();
      expect(await jobsFound(s.reads, 't1', ids(0, 5))).toBe(5); // a read waits for them: the writer stops waiting
      expect(performance.now() - t).toBeLessThan(10_000);
      t = performance.now();
      await Promise.all(ids(100, 64).map((i) => s.logged.ingest('t1', event(i)))); // a full chunk (applyChunk 64)
      while (await inGraph(ids(100, 64)) < 64) await new Promise((r) => setTimeout(r, 20));
      expect(performance.now() - t).toBeLessThan(10_000);
      await s.logged.ingest('t1', event(200));
      t = performance.now();
      await s.logged.close();
      expect(performance.now() - t).toBeLessThan(10_000);
      expect(await inGraph([200])).toBe(1);
    } finally {
      await s.close();
    }
  });

  it('writes, at the next start, the events answered but not yet in the graph when the process stopped', async () => {
    const dir = newDir();
    // What a stop between the answer and the graph write leaves: events in the log past its applied mark.
    const log = await FileIngestLog.open(path.join(dir, 'ingest-log'));
    await log.append(Array.from({ length: 30 }, (_, i) => ({ tenant: i % 2 ? 't1' : 't2', event: event(i) })));
    await log.close();

    const s = await open(dir);
    try {
      expect(await s.logged.recover()).toBe(30);
      expect(await jobsFound(s.store, 't1', Array.from({ length: 15 }, (_, i) => 2 * i + 1))).toBe(15);
      expect(await jobsFound(s.store, 't2', Array.from({ length: 15 }, (_, i) => 2 * i))).toBe(15);
    } finally {
      await s.close();
    }
    const again = await open(dir);
    try {
      expect(await again.logged.recover()).toBe(0); // marked applied when it closed
    } finally {
      await again.close();
    }
  });

  it('writes the events of a chunk the graph refused for now, placed again from their logged text', async () => {
    const dir = newDir();
    const retries: unknown[] = [];
    // A graph store that queues one write at a time: a chunk's second tenant is refused (UNAVAILABLE) while the first is written.
    const s = await open(dir, { onRetry: (err) => retries.push(err), applyChunk: 64, lingerMs: 50 }, null, 1);
    try {
      await Promise.all(Array.from({ length: 12 }, (_, i) => s.logged.ingest(i % 3 === 0 ? 't1' : i % 3 === 1 ? 't2' : 't3', event(i))));
      await Promise.all(['t1', 't2', 't3'].map((t) => s.logged.visible(t)));
      expect(retries.length).toBeGreaterThan(0);
      expect(retries[0]).toMatchObject({ code: 'UNAVAILABLE' });
      for (const [t, first] of [['t1', 0], ['t2', 1], ['t3', 2]] as const) {
        expect(await jobsFound(s.store, t, [first, first + 3, first + 6, first + 9])).toBe(4);
        const [job] = await s.store.getNodes(t, [`job:etl:job_${first}`]);
        expect(job).toMatchObject({ kind: 'Job', name: `job_${first}` });
      }
    } finally {
      await s.close();
    }
    expect(dropped).toEqual([]);
  });

  it('refuses an event that cannot be placed before logging it', async () => {
    const dir = newDir();
    const s = await open(dir);
    try {
      await expect(s.logged.ingest('t1', { ...event(1), job: { namespace: 'etl' } })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: 'job.name' });
      await expect(s.logged.ingestBatch('t1', { not: 'an array' })).rejects.toMatchObject({ code: 'BAD_USER_INPUT', field: '(body)' });
    } finally {
      await s.close();
    }
    const log = await FileIngestLog.open(path.join(dir, 'ingest-log'));
    expect(log.unapplied()).toEqual([]);
    expect(await log.append([{ tenant: 't1', event: event(2) }])).toEqual([1]); // nothing was ever appended
    await log.close();
  });

  it('makes events wait for room past its backlog, and answers UNAVAILABLE when none comes in time; no answered event is lost', async () => {
    const s = await open(newDir(), { maxBacklog: 3, roomWaitMs: 0 });
    try {
      const settled = await Promise.allSettled(Array.from({ length: 10 }, (_, i) => s.logged.ingest('t1', event(i))));
      const ok = settled.flatMap((r, i) => (r.status === 'fulfilled' ? [i] : []));
      expect(ok).toEqual([0, 1, 2]);
      for (const r of settled.slice(3)) expect(r).toMatchObject({ status: 'rejected', reason: { code: 'UNAVAILABLE', retryAfterSeconds: 1 } });
      expect(await jobsFound(s.reads, 't1', ok)).toBe(3);
      expect(await jobsFound(s.reads, 't1', [3, 4, 5, 6, 7, 8, 9])).toBe(0);
    } finally {
      await s.close();
    }
    const waits = await open(newDir(), { maxBacklog: 3, roomWaitMs: 30_000 });
    try {
      await Promise.all(Array.from({ length: 20 }, (_, i) => waits.logged.ingest('t1', event(i))));
      expect(await jobsFound(waits.reads, 't1', Array.from({ length: 20 }, (_, i) => i))).toBe(20);
    } finally {
      await waits.close();
    }
    expect(dropped).toEqual([]);
  });

  it('archives each event it writes, once; while the archive cannot take them they stay in the log, and go in after a restart', async () => {
    const dir = newDir();
    const all: EventListQuery = { before: null, after: null, direction: 'asc', limit: 100, offset: 0 };
    const archiveIn = async () => {
      const analytics = await openAnalytics({ engine: 'chdb', path: path.join(dir, 'chdb'), database: 'loom' });
      await analytics.migrate();
      return { analytics, archive: new LineageEventArchive(analytics) };
    };
    const first = await archiveIn();
    const retries: unknown[] = [];
    const s = await open(dir, { onRetry: (err) => retries.push(err) }, first.archive);
    try {
      await s.logged.ingest('t1', event(1));
      await s.logged.ingest('t1', event(1)); // an emitter's retry
      await s.logged.archived('t1');
      expect(await first.archive.list('t1', all)).toEqual({ events: [event(1)], totalCount: 1 });
      expect(await first.archive.list('t2', all)).toEqual({ events: [], totalCount: 0 });
      await first.analytics.close(); // the archive is gone: answered events go into the graph, but the log keeps them
      await s.logged.ingest('t1', event(2));
      await s.logged.visible('t1');
      expect(await jobsFound(s.reads, 't1', [2])).toBe(1);
      for (let waited = 0; !retries.length && waited < 5_000; waited += 10) await new Promise((r) => setTimeout(r, 10));
      expect(retries[0]).toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await s.close();
    }
    const second = await archiveIn();
    const again = await open(dir, {}, second.archive);
    try {
      expect(await again.logged.recover()).toBe(1);
      await again.logged.archived('t1');
      expect(await second.archive.list('t1', all)).toEqual({ events: [event(1), event(2)], totalCount: 2 });
    } finally {
      await again.close();
      await second.analytics.close();
    }
    expect(dropped).toEqual([]);
  });

  it('leaves out of the archive, and reports, an event the archive refuses for good; the others go in', async () => {
    const dir = newDir();
    const analytics = await openAnalytics({ engine: 'chdb', path: path.join(dir, 'chdb'), database: 'loom' });
    await analytics.migrate();
    // A row the store refuses on its data (what no event that passed validation should be): by a constraint.
    await analytics.command("ALTER TABLE lineage_events ADD CONSTRAINT no_poison CHECK job_name != 'job_13'");
    const archive = new LineageEventArchive(analytics);
    const refused: { where: string; tenant: string }[] = [];
    const retries: unknown[] = [];
    const s = await open(dir, { onDropped: (_err, tenant, _event, where) => refused.push({ where, tenant }), onRetry: (err) => retries.push(err) }, archive);
    try {
      await Promise.all([11, 12, 13, 14].map((i) => s.logged.ingest('t1', event(i))));
      await s.logged.archived('t1'); // resolves: the refused event does not hold the others back
      const all: EventListQuery = { before: null, after: null, direction: 'asc', limit: 100, offset: 0 };
      expect((await archive.list('t1', all)).events.map((e) => (e as { job: { name: string } }).job.name)).toEqual(['job_11', 'job_12', 'job_14']);
      expect(refused).toEqual([{ where: 'archive', tenant: 't1' }]);
      expect(s.logged.stats()).toMatchObject({ dropped: 1 });
      expect(retries.length).toBeGreaterThanOrEqual(3); // tried as a group first: a refusal may be passing
      expect(await jobsFound(s.reads, 't1', [11, 12, 13, 14])).toBe(4); // the graph has it
      await s.logged.ingest('t1', event(15));
      await s.logged.archived('t1');
      expect((await archive.list('t1', all)).totalCount).toBe(4);
    } finally {
      await s.close();
      await analytics.close();
    }
  });
});
