import { describe, expect, it } from 'vitest';
import pino from 'pino';
import { Registry } from 'prom-client';
import { InProcessJobQueue } from '../queue/InProcessJobQueue.js';
import { createQueueMetrics } from './queue-metrics.js';
import { WorkerManager } from './worker-manager.js';

describe('WorkerManager', () => {
  it('stop() waits for work started beside the queues (start-up recovery must not outlive the stores it reads)', async () => {
    const queue = new InProcessJobQueue();
    const manager = new WorkerManager(queue, createQueueMetrics(new Registry(), queue), pino({ level: 'silent' }));
    let finished = false;
    manager.runBeside(new Promise((resolve) => setTimeout(() => resolve((finished = true)), 100)));
    manager.runBeside(Promise.reject(new Error('handled by its owner'))); // a failure does not fail stop()
    await manager.stop();
    expect(finished).toBe(true);
    await queue.close();
  });

  it('every() ticks on the wall clock\'s multiples of the interval, never two at once, and stop() waits for the tick in progress', async () => {
    const queue = new InProcessJobQueue();
    const manager = new WorkerManager(queue, createQueueMetrics(new Registry(), queue), pino({ level: 'silent' }));
    const starts: number[] = [];
    let running = 0;
    let overlapped = false;
    let finished = 0;
    manager.every(500, async () => {
      starts.push(Date.now());
      if (running++) overlapped = true;
      await new Promise((r) => setTimeout(r, 600)); // longer than the interval: the boundary it spans is skipped
      running--;
      finished++;
    });
    await new Promise((r) => setTimeout(r, 2100));
    await manager.stop();
    expect(starts.length).toBeGreaterThanOrEqual(2);
    expect(overlapped).toBe(false);
    for (const t of starts) expect(t % 500).toBeLessThan(250); // at a boundary (timers fire late, never early)
    expect(finished).toBe(starts.length); // stop() waited for the last one
    await new Promise((r) => setTimeout(r, 600));
    expect(starts.length).toBe(finished); // and no tick after stop()
    await queue.close();
  });
});
