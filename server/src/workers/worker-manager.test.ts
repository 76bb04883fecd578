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
});
