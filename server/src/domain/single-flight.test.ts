import { describe, expect, it } from 'vitest';
import { TrailingSingleFlight } from './single-flight.js';

const tick = () => new Promise((r) => setTimeout(r, 5));

describe('TrailingSingleFlight', () => {
  it('runs one job per key at a time and folds callers that arrive meanwhile into one next run', async () => {
    const flight = new TrailingSingleFlight();
    let runs = 0;
    let active = 0;
    let maxActive = 0;
    const seenAtStart: number[] = [];
    let written = 0;
    const work = async () => {
      runs++; active++; maxActive = Math.max(maxActive, active);
      seenAtStart.push(written);
      await tick();
      active--;
    };
    const first = flight.run('k', work);
    const later = [1, 2, 3].map(() => { written++; return flight.run('k', work); });
    await Promise.all([first, ...later]);
    expect(runs).toBe(2);
    expect(maxActive).toBe(1);
    expect(seenAtStart).toEqual([0, 3]); // the trailing run started after every later caller wrote
    await flight.run('k', work);
    expect(runs).toBe(3);
  });

  it('keeps keys apart and survives a failing run', async () => {
    const flight = new TrailingSingleFlight();
    const order: string[] = [];
    await Promise.all([
      flight.run('a', async () => { order.push('a'); await tick(); }),
      flight.run('b', async () => { order.push('b'); await tick(); }),
    ]);
    expect(order.sort()).toEqual(['a', 'b']);
    await expect(flight.run('a', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(flight.run('a', async () => undefined)).resolves.toBeUndefined();
  });
});
