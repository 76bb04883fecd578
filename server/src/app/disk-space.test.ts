import { describe, expect, it } from 'vitest';
import { tmpdir } from 'node:os';
import { availableBytes, DiskSpaceGuard, guardWrites } from './disk-space.js';
import { LoomError } from '../domain/errors.js';

const MB = 1024 * 1024;

describe('DiskSpaceGuard', () => {
  it('refuses writes under the minimum, naming the directory and the setting, and lets them through once space is back', () => {
    let free = 300 * MB;
    const changes: [boolean, number][] = [];
    const guard = new DiskSpaceGuard('/data', 256 * MB, { available: () => free, refreshMs: 0, onChange: (low, bytes) => changes.push([low, bytes]) });
    expect(() => guard.check()).not.toThrow();
    free = 100 * MB;
    const err = (() => {
      try {
        guard.check();
      } catch (e) {
        return e;
      }
      return null;
    })();
    expect(err).toBeInstanceOf(LoomError);
    expect(err).toMatchObject({ code: 'UNAVAILABLE', retryAfterSeconds: 30 });
    expect((err as Error).message).toBe('the disk holding /data has 100 MB free, under LOOM_MIN_FREE_DISK_MB (256): writes are refused until space is freed; reads go on');
    free = 257 * MB;
    expect(() => guard.check()).not.toThrow();
    expect(changes).toEqual([[true, 100 * MB], [false, 257 * MB]]);
  });

  it('reads the free space at most every refreshMs', () => {
    let reads = 0;
    const guard = new DiskSpaceGuard('/data', 1, { available: () => ++reads, refreshMs: 60_000 });
    for (let i = 0; i < 5; i++) guard.check();
    expect(reads).toBe(1);
  });

  it('reads the real free space of a directory', () => {
    expect(availableBytes(tmpdir())).toBeGreaterThan(0);
  });
});

describe('guardWrites', () => {
  class Store {
    #rows: string[] = [];
    written = 0;
    get size() { return this.#rows.length; }
    async write(row: string) { this.#rows.push(row); this.written++; }
    async read() { return [...this.#rows]; }
  }

  it('checks the guarded methods only, and calls every method on the port itself (private fields work)', async () => {
    let free = 10;
    const store = new Store();
    const guarded = guardWrites(store, ['write'], new DiskSpaceGuard('/data', 5, { available: () => free, refreshMs: 0 }));
    await guarded.write('a');
    free = 1;
    await expect(guarded.write('b')).rejects.toMatchObject({ code: 'UNAVAILABLE' });
    expect(await guarded.read()).toEqual(['a']);
    expect(guarded.size).toBe(1);
    expect(store.written).toBe(1);
  });
});
