/** One contract for every JobQueue adapter (in-process and BullMQ): the semantics both promise. */
import { afterEach, describe, expect, it } from 'vitest';
import { PermanentJobError, type JobInfo, type JobQueue, type PolicyOverrides } from '../domain/ports/JobQueue.js';

/** Polls `cond` until it holds, for up to `timeoutMs` of the monotonic clock (a wall-clock step once failed a 15 s wait after 4.7 s). */
export async function until(cond: () => boolean | Promise<boolean>, timeoutMs = 10_000, what = 'condition'): Promise<void> {
  const end = performance.now() + timeoutMs;
  while (!(await cond())) {
    if (performance.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}

const payload = (runId: string) => ({ tenant: 'demo', runId });

export function describeJobQueueContract(name: string, open: (policies: PolicyOverrides) => Promise<JobQueue>): void {
  describe(`JobQueue contract: ${name}`, () => {
    const opened: JobQueue[] = [];
    const make = async (policies: PolicyOverrides = {}) => { const q = await open(policies); opened.push(q); return q; };
    afterEach(async () => { await Promise.all(opened.splice(0).map((q) => q.close())); });

    it('runs a job once per id while it is queued or running; the same id runs again after it finished', async () => {
      const q = await make();
      expect(await q.add('training.run', 'job-a', payload('a'))).toEqual({ added: true });
      expect(await q.add('training.run', 'job-a', payload('a-again'))).toEqual({ added: false });
      const seen: string[] = [];
      q.work('training.run', async (data) => { seen.push(data.runId); });
      await until(() => seen.length === 1);
      await until(async () => (await q.counts('training.run')).active === 0);
      await new Promise((r) => setTimeout(r, 100));
      expect(seen).toEqual(['a']);
      expect(await q.add('training.run', 'job-a', payload('b'))).toEqual({ added: true });
      await until(() => seen.length === 2);
      expect(seen).toEqual(['a', 'b']);
    });

    it('retries a failing job with exponential backoff until it succeeds', async () => {
      const q = await make({ 'training.cancel': { attempts: 4, backoffMs: 150 } });
      const calls: { attempt: number; at: number }[] = [];
      const failed: Error[] = [];
      q.work('training.cancel', async (_d, job) => {
        calls.push({ attempt: job.attempt, at: performance.now() });
        if (job.attempt < 3) throw new Error(`boom ${job.attempt}`);
      }, { onFailed: async (_d, _j, e) => { failed.push(e); } });
      await q.add('training.cancel', 'retry-1', payload('r'));
      await until(() => calls.length === 3);
      await new Promise((r) => setTimeout(r, 300));
      expect(calls.map((c) => c.attempt)).toEqual([1, 2, 3]);
      expect(calls[1].at - calls[0].at).toBeGreaterThanOrEqual(140); // 1st retry: backoffMs
      expect(calls[2].at - calls[1].at).toBeGreaterThanOrEqual(290); // 2nd retry: 2 x backoffMs
      expect(failed).toEqual([]);
    });

    it('fails a job for good once its attempts are used up, calling onFailed once', async () => {
      const q = await make({ 'training.cancel': { attempts: 3, backoffMs: 20 } });
      const attempts: number[] = [];
      const failed: { job: Omit<JobInfo, 'signal'>; message: string }[] = [];
      q.work('training.cancel', async (_d, job) => { attempts.push(job.attempt); throw new Error(`always ${job.attempt}`); },
        { onFailed: async (_d, job, e) => { failed.push({ job, message: e.message }); } });
      await q.add('training.cancel', 'doomed', payload('d'));
      await until(() => failed.length === 1);
      await new Promise((r) => setTimeout(r, 200));
      expect(attempts).toEqual([1, 2, 3]);
      expect(failed).toHaveLength(1);
      expect(failed[0]).toMatchObject({ job: { id: 'doomed', queue: 'training.cancel', attempt: 3, maxAttempts: 3 }, message: 'always 3' });
      expect(await q.counts('training.cancel')).toEqual({ waiting: 0, active: 0, delayed: 0 });
    });

    it('does not retry a PermanentJobError', async () => {
      const q = await make({ 'training.cancel': { attempts: 5, backoffMs: 20 } });
      const attempts: number[] = [];
      const failed: string[] = [];
      q.work('training.cancel', async (_d, job) => { attempts.push(job.attempt); throw new PermanentJobError('no such run'); },
        { onFailed: async (_d, _j, e) => { failed.push(e.message); } });
      await q.add('training.cancel', 'perm', payload('p'));
      await until(() => failed.length === 1);
      await new Promise((r) => setTimeout(r, 200));
      expect(attempts).toEqual([1]);
      expect(failed).toEqual(['no such run']);
    });

    it('runs at most `concurrency` jobs at once', async () => {
      const q = await make({ 'training.cancel': { concurrency: 2 } });
      let active = 0;
      let peak = 0;
      let done = 0;
      q.work('training.cancel', async () => {
        peak = Math.max(peak, ++active);
        await new Promise((r) => setTimeout(r, 80));
        active--;
        done++;
      });
      for (let i = 0; i < 6; i++) await q.add('training.cancel', `c${i}`, payload(`c${i}`));
      await until(() => done === 6);
      expect(peak).toBe(2);
    });

    it('takes waiting jobs by priority (1 first), in the order added within one', async () => {
      const q = await make({ 'training.run': { concurrency: 1 } });
      const order: string[] = [];
      let release!: () => void;
      const gate = new Promise<void>((r) => { release = r; });
      q.work('training.run', async ({ runId }) => {
        order.push(runId);
        if (runId === 'first') await gate; // holds the one slot while the others are added
      });
      await q.add('training.run', 'first', payload('first'), { priority: 2 });
      await until(() => order.length === 1);
      for (const [id, priority] of [['low', 3], ['normal-a', 2], ['high', 1], ['normal-b', 2]] as const) await q.add('training.run', id, payload(id), { priority });
      release();
      await until(() => order.length === 5);
      expect(order).toEqual(['first', 'high', 'normal-a', 'normal-b', 'low']);
      await expect(q.add('training.run', 'bad', payload('bad'), { priority: 0 })).rejects.toThrow(/priority must be an integer 1\.\.1000/);
    });

    it('a graceful stop hands running jobs back (attempt not used); they run again when work resumes', async () => {
      const q = await make({ 'training.run': { attempts: 2 } });
      const runs: number[] = [];
      q.work('training.run', async (_d, job) => {
        runs.push(job.attempt);
        await new Promise<void>((_, reject) => job.signal.addEventListener('abort', () => reject(new Error('stopping')), { once: true }));
      });
      await q.add('training.run', 'long', payload('l'));
      await until(() => runs.length === 1);
      await q.stopWorkers();
      expect(await q.counts('training.run')).toMatchObject({ active: 0, waiting: 1 });
      const resumed: number[] = [];
      q.work('training.run', async (_d, job) => { resumed.push(job.attempt); });
      await until(() => resumed.length === 1);
      expect(runs).toEqual([1]);
      expect(resumed).toEqual([1]);
    });
  });
}
