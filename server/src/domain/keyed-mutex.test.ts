import { describe, expect, it } from 'vitest';
import { KeyedMutex } from './keyed-mutex.js';

const tick = () => new Promise((r) => setTimeout(r, 3));

describe('KeyedMutex', () => {
  it('runs one holder per key at a time, in arrival order, and keys side by side', async () => {
    const mutex = new KeyedMutex();
    const log: string[] = [];
    let active = 0;
    let maxActive = 0;
    const job = (key: string, name: string) => mutex.run(key, async () => {
      active++; maxActive = Math.max(maxActive, active);
      log.push(`${name}+`);
      await tick();
      log.push(`${name}-`);
      active--;
      return name;
    });
    const results = await Promise.all([job('a', 'a1'), job('a', 'a2'), job('b', 'b1'), job('a', 'a3')]);
    expect(results).toEqual(['a1', 'a2', 'b1', 'a3']);
    const a = log.filter((x) => x.startsWith('a'));
    expect(a).toEqual(['a1+', 'a1-', 'a2+', 'a2-', 'a3+', 'a3-']);
    expect(maxActive).toBe(2); // b ran beside a
  });

  it('releases the key when the holder fails', async () => {
    const mutex = new KeyedMutex();
    await expect(mutex.run('k', async () => { throw new Error('boom'); })).rejects.toThrow('boom');
    await expect(mutex.run('k', async () => 7)).resolves.toBe(7);
  });
});
