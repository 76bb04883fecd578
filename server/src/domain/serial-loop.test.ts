import { describe, expect, it } from 'vitest';
import { SerialLoop } from './serial-loop.js';

describe('SerialLoop', () => {
  it('runs one loop at a time, and runs again for work added after its last look', async () => {
    const queue: number[] = [];
    const done: number[] = [];
    let runs = 0;
    const loop: SerialLoop = new SerialLoop(async () => {
      runs++;
      loop.kick(); // from inside: already running, nothing starts
      while (queue.length) {
        done.push(queue.shift()!);
        await Promise.resolve();
      }
      // Work that comes after the loop's last look, before its promise settles.
      if (runs === 1) queueMicrotask(() => queue.push(99));
    }, () => queue.length > 0);
    queue.push(1, 2);
    loop.kick();
    loop.kick();
    await loop.idle();
    expect(done).toEqual([1, 2, 99]);
    expect(runs).toBe(2);
  });
});
