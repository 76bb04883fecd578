import { describe, expect, it } from 'vitest';
import { cuttableWait } from './cuttable-wait.js';

describe('cuttableWait', () => {
  it('ends after its time, or at once when cut, and then forgets how to cut', async () => {
    let cut: (() => void) | null = null;
    const t0 = performance.now();
    const waiting = cuttableWait(60_000, (c) => (cut = c));
    expect(cut).not.toBeNull();
    cut!();
    await waiting;
    expect(performance.now() - t0).toBeLessThan(1_000);
    expect(cut).toBeNull();
    const t1 = performance.now();
    await cuttableWait(30, (c) => (cut = c));
    expect(performance.now() - t1).toBeGreaterThanOrEqual(25);
    expect(cut).toBeNull();
  });
});
