import { afterAll, describe, expect, it } from 'vitest';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { WriteQueue } from './WriteQueue.js';
import { openEngine, type EngineConnection } from './engine.js';

const dir = mkdtempSync(path.join(tmpdir(), 'loom-wq-'));
const engine = openEngine(path.join(dir, 'g.kuzu'), 64 * 1024 * 1024);
afterAll(async () => {
  await engine.close();
  rmSync(dir, { recursive: true, force: true });
});

/** No readers here: a checkpoint runs at once. */
const noReaders = <R>(work: () => Promise<R>) => work();

type Options = ConstructorParameters<typeof WriteQueue<number>>[2];
/** Queue options: no checkpoints unless a test asks for them, through `over`. */
const options = (over: Partial<Options> = {}): Options => ({
  checkpointIntervalMs: 60_000, maxGroup: 100, checkpointBytes: 1e9, burstCheckpointBytes: 1e9, maxPending: 100,
  quietCheckpointMs: 50, quietCheckpointTransactions: 100, excludingReads: noReaders, ...over,
});

/** The real engine connection, with the statements it ran recorded. */
function recordingConnection(log: string[]): EngineConnection {
  const conn = engine.connect();
  return {
    async run(text, params) { log.push(text); return conn.run(text, params); },
    runSync(text) { log.push(text); return conn.runSync(text); },
    setTimeout: (ms) => conn.setTimeout(ms),
  };
}

describe('WriteQueue on the embedded engine', () => {
  it('groups writes that arrive together into one transaction and answers each after the commit', async () => {
    const log: string[] = [];
    const groups: number[][] = [];
    const q = new WriteQueue<number>(recordingConnection(log), async (_c, items) => { groups.push(items); return { bytes: 1, onCommit() {} }; }, options());
    const first = [1, 2, 3, 4].map((i) => q.submit(i));
    await new Promise((r) => setImmediate(r)); // the group is taken: these wait for the next one
    const second = [5, 6].map((i) => q.submit(i));
    await Promise.all([...first, ...second]);
    expect(groups).toEqual([[1, 2, 3, 4], [5, 6]]);
    expect(log.filter((s) => s === 'COMMIT')).toHaveLength(2);
    await q.close();
  });

  it('retries a failed group one by one so one bad write fails alone', async () => {
    const q = new WriteQueue<number>(recordingConnection([]), async (_c, items) => {
      if (items.includes(2)) throw new Error('bad write');
      return { bytes: 1, onCommit() {} };
    }, options());
    const results = await Promise.allSettled([1, 2, 3].map((i) => q.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await q.close();
  });

  it('answers a write the buffer pool cannot hold with UNAVAILABLE (an overload), and the others commit', async () => {
    const q = new WriteQueue<number>(recordingConnection([]), async (c, items) => {
      // Item 2 needs more than the 64 MB pool holds (a list of 4M strings).
      if (items.includes(2)) await c.run('UNWIND range(1, 4000000) AS x RETURN size(collect(string(x))) AS n');
      return { bytes: 1, onCommit() {} };
    }, options());
    const results = await Promise.allSettled([1, 2, 3].map((i) => q.submit(i)));
    expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    expect((results[1] as PromiseRejectedResult).reason).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 1 });
    await q.submit(4); // and the store goes on
    await q.close();
  }, 120_000); // ~16-30 s alone, more when the suite loads both cores: running out of pool memory takes the engine a while

  it('refuses writes beyond its bound with UNAVAILABLE instead of queueing without limit', async () => {
    let release!: () => void;
    const gate = new Promise<void>((r) => { release = r; });
    const q = new WriteQueue<number>(recordingConnection([]), async () => { await gate; return { bytes: 1, onCommit() {} }; }, options({ maxGroup: 10, maxPending: 3 }));
    const accepted = [q.submit(1)];
    await new Promise((r) => setImmediate(r)); // 1 runs
    accepted.push(q.submit(2), q.submit(3), q.submit(4)); // 2..4 wait
    await expect(q.submit(5)).rejects.toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 1 });
    release();
    await Promise.all(accepted);
    await q.close();
    await expect(q.submit(6)).rejects.toMatchObject({ code: 'UNAVAILABLE' });
  });

  it('checkpoints between groups when writes keep coming (the queue never runs dry)', async () => {
    const log: string[] = [];
    const done: Promise<void>[] = [];
    const q: WriteQueue<number> = new WriteQueue<number>(recordingConnection(log), async (_c, [i]) => {
      if (i < 6) done.push(q.submit(i + 1)); // the next write is queued before this one commits
      return { bytes: 600, onCommit() {} };
    }, options({ maxGroup: 1, checkpointBytes: 100, burstCheckpointBytes: 1000 }));
    await q.submit(1);
    while (done.length < 5) await new Promise((r) => setTimeout(r, 5));
    await Promise.all(done);
    const commits = log.flatMap((s, i) => (s === 'COMMIT' ? [i] : []));
    expect(commits).toHaveLength(6);
    // in the burst, a checkpoint after every second group (1,200 bytes > 1,000), not after each (600 > 100)
    const between = log.slice(0, commits[commits.length - 1]).filter((s) => s === 'CHECKPOINT').length;
    expect(between).toBe(2);
    expect(log.indexOf('CHECKPOINT')).toBeLessThan(commits[commits.length - 1]);
    await q.close();
  });

  it('checkpoints after enough bytes were written, once no write came for a while', async () => {
    const log: string[] = [];
    const q = new WriteQueue<number>(recordingConnection(log), async () => ({ bytes: 600, onCommit() {} }), options({ maxGroup: 1, checkpointBytes: 1000, quietCheckpointMs: 300 }));
    await q.submit(1);
    await q.submit(2);
    // 1,200 bytes: due, but the queue has been empty for less than quietCheckpointMs
    expect(log).not.toContain('CHECKPOINT');
    // writes that keep coming for longer than the quiet time, each well before it is up, keep
    // postponing it (wide margins: a loaded CI machine stalls timers)
    const until = performance.now() + 600;
    for (let i = 3; performance.now() < until; i++) {
      await new Promise((r) => setTimeout(r, 30));
      await q.submit(i);
    }
    expect(log).not.toContain('CHECKPOINT');
    await new Promise((r) => setTimeout(r, 800));
    expect(log.filter((s) => s === 'CHECKPOINT')).toHaveLength(1);
    expect(log.at(-1)).toBe('CHECKPOINT');
    await q.close();
  });

  it('does not let a checkpoint due by bytes wait beyond quietCheckpointTransactions transactions', async () => {
    const log: string[] = [];
    const q = new WriteQueue<number>(recordingConnection(log), async () => ({ bytes: 600, onCommit() {} }), options({ maxGroup: 1, checkpointBytes: 1000, quietCheckpointMs: 60_000, quietCheckpointTransactions: 3 }));
    await q.submit(1);
    await q.submit(2); // 1,200 bytes: due, waits for quiet
    expect(log).not.toContain('CHECKPOINT');
    await q.submit(3); // the third transaction: no more waiting
    expect(log.at(-1)).toBe('CHECKPOINT');
    await q.close();
  });

  it('spaces the timer\'s checkpoints by what the last one cost (at most ~5% of the time)', async () => {
    const log: string[] = [];
    const conn = recordingConnection(log);
    // Each CHECKPOINT takes 100 ms more here (at 1M nodes one took ~2 s): the timer's next one waits 20 x that.
    const slow: EngineConnection = { ...conn, async run(text, params) { if (text === 'CHECKPOINT') await new Promise((r) => setTimeout(r, 100)); return conn.run(text, params); } };
    const q = new WriteQueue<number>(slow, async () => ({ bytes: 1, onCommit() {} }), options({ checkpointIntervalMs: 20 }));
    const end = performance.now() + 1_200;
    for (let i = 0; performance.now() < end; i++) {
      await q.submit(i);
      await new Promise((r) => setTimeout(r, 10));
    }
    // Unspaced, the timer asked every 20 ms and one ran after each checkpoint: ~9 in 1.2 s.
    expect(log.filter((s) => s === 'CHECKPOINT')).toHaveLength(1);
    await q.close();
  });

  it('takes the writes submitted a few awaits apart in one group', async () => {
    const log: string[] = [];
    const groups: number[][] = [];
    const q = new WriteQueue<number>(recordingConnection(log), async (_c, items) => {
      groups.push(items);
      return { bytes: 0, onCommit() {} };
    }, options());
    const done: Promise<void>[] = [];
    for (let i = 0; i < 5; i++) {
      done.push(q.submit(i));
      await Promise.resolve(); // as the lineage ingest's job locks and cached histories do
      await Promise.resolve();
    }
    await Promise.all(done);
    expect(groups).toEqual([[0, 1, 2, 3, 4]]);
    await q.close();
  });
});
