import { describe, expect, it } from 'vitest';
import { KeyFilter } from './KeyFilter.js';

describe('KeyFilter (Bloom filter of stored node keys)', () => {
  it('never says absent for a key it was told of', () => {
    const f = new KeyFilter(100_000);
    const keys = Array.from({ length: 100_000 }, (_, i) => `tenant/dataset:ns:table_${i}`);
    for (const k of keys) f.add(k);
    expect(keys.every((k) => f.mayContain(k))).toBe(true);
  });

  it('says absent for almost every other key (about 1% false positives at its sizing)', () => {
    const f = new KeyFilter(250_000);
    for (let i = 0; i < 1_000_000; i++) f.add(`t/run:${i}`);
    let falsePositives = 0;
    for (let i = 0; i < 100_000; i++) if (f.mayContain(`t/run:other-${i}`)) falsePositives++;
    expect(falsePositives / 100_000).toBeLessThan(0.02);
    expect(new KeyFilter(0).mayContain('t/anything')).toBe(false);
  });
});
