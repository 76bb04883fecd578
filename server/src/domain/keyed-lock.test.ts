import { describe, expect, it } from 'vitest';
import { KeyedLock } from './keyed-lock.js';
import { LoomError } from './errors.js';

const tick = () => new Promise((r) => setTimeout(r, 1));

describe('KeyedLock', () => {
  it('runs work on one key one at a time, in order, other keys in parallel', async () => {
    const lock = new KeyedLock();
    const log: string[] = [];
    let running = 0;
    let most = 0;
    const job = (key: string, name: string) => lock.run(key, async () => {
      running++;
      most = Math.max(most, running);
      log.push(`${name}+`);
      await tick();
      log.push(`${name}-`);
      running--;
      return name;
    });
    const results = await Promise.all([job('a', 'a1'), job('a', 'a2'), job('b', 'b1'), job('a', 'a3')]);
    expect(results).toEqual(['a1', 'a2', 'b1', 'a3']);
    const a = log.filter((l) => l.startsWith('a'));
    expect(a).toEqual(['a1+', 'a1-', 'a2+', 'a2-', 'a3+', 'a3-']);
    expect(most).toBe(2);
    expect(lock.size).toBe(0);
  });

  it('keeps going after a failure and refuses work beyond its bound', async () => {
    const lock = new KeyedLock(2);
    const failed = lock.run('k', async () => { throw new Error('boom'); });
    const next = lock.run('k', async () => 'ok');
    const over = lock.run('k', async () => 'over');
    await expect(over).rejects.toBeInstanceOf(LoomError);
    await expect(failed).rejects.toThrow('boom');
    expect(await next).toBe('ok');
    expect(await lock.run('k', async () => 'again')).toBe('again');
  });
});
