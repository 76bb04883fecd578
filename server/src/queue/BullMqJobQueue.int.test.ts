import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { spawn } from 'node:child_process';
import { randomUUID } from 'node:crypto';
import { fileURLToPath } from 'node:url';
import { BullMqJobQueue } from './BullMqJobQueue.js';
import { describeJobQueueContract, until } from './jobqueue.contract.js';
import { startRedis, type TestRedis } from './redis.testkit.js';

let redis: TestRedis;
beforeAll(async () => { redis = await startRedis(); });
afterAll(async () => { await redis?.stop(); });

// Every queue gets its own key prefix: tests never see each other's jobs.
describeJobQueueContract('BullMQ on redis-server', async (policies) =>
  new BullMqJobQueue({ url: redis.url, prefix: `t${randomUUID().slice(0, 8)}`, policies, lockMs: 2_000, stalledIntervalMs: 1_000 }));

describe('BullMQ: a worker process killed mid-job', () => {
  it('gets its job back after the lock expires; another worker runs it once, as the same attempt', async () => {
    const prefix = `crash${randomUUID().slice(0, 8)}`;
    const fixture = fileURLToPath(new URL('./crash-worker.fixture.ts', import.meta.url));
    const child = spawn(process.execPath, ['--import', 'tsx', fixture, redis.url, prefix], { stdio: ['ignore', 'pipe', 'inherit'] });
    let out = '';
    child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
    const producer = new BullMqJobQueue({ url: redis.url, prefix });
    let survivor: BullMqJobQueue | undefined;
    try {
      await until(() => out.includes('ready'), 30_000, 'the worker process');
      expect(await producer.add('training.run', 'run.crash-1', { tenant: 'demo', runId: 'crash-1' })).toEqual({ added: true });
      await until(() => out.includes('started crash-1 1'), 10_000, 'the job to start in the worker process');
      child.kill('SIGKILL');
      await new Promise((r) => child.once('exit', r));
      // While its lock lasts the dead worker's job still counts as running: adding it again does nothing.
      expect(await producer.add('training.run', 'run.crash-1', { tenant: 'demo', runId: 'crash-1' })).toEqual({ added: false });

      survivor = new BullMqJobQueue({ url: redis.url, prefix, lockMs: 1_000, stalledIntervalMs: 300 });
      const ran: { runId: string; attempt: number }[] = [];
      survivor.work('training.run', async (data, job) => { ran.push({ runId: data.runId, attempt: job.attempt }); });
      await until(() => ran.length === 1, 15_000, 'the stalled job to be recovered');
      await new Promise((r) => setTimeout(r, 1_500)); // two more stalled checks: nothing runs twice
      expect(ran).toEqual([{ runId: 'crash-1', attempt: 1 }]);
      expect(await producer.counts('training.run')).toEqual({ waiting: 0, active: 0, delayed: 0 });
    } finally {
      if (child.exitCode === null) child.kill('SIGKILL');
      await survivor?.close();
      await producer.close();
    }
  });

  it('enqueueing fails fast (not hangs) when Redis is unreachable', async () => {
    const q = new BullMqJobQueue({ url: 'redis://127.0.0.1:1', addTimeoutMs: 500 });
    try {
      const t0 = performance.now();
      await expect(q.add('training.run', 'x', { tenant: 'demo', runId: 'x' })).rejects.toThrow();
      expect(performance.now() - t0).toBeLessThan(3_000);
    } finally {
      await q.close();
    }
  });
});
