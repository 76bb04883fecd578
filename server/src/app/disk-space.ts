/**
 * Writes refused while the disk holding Loom's data directory is nearly full.
 *
 * The embedded engines do not survive running out of space. On a 120 MB tmpfs (session 24), a Kuzu
 * transaction whose WAL write failed left half of itself behind: the next write of the same node
 * failed on a duplicated primary key, the lineage event already answered was dropped, and soon chDB
 * declared a fatal error and the process aborted. So Loom stops writing before the disk is full: the
 * write ports (graph writes, analytics inserts, the ingest log) check the free space first and, under
 * the minimum, refuse with UNAVAILABLE (503 with Retry-After; exporters keep their data and retry)
 * naming the setting. Reads go on. Space freed, writes resume within `refreshMs`.
 */
import { statfsSync } from 'node:fs';
import { unavailable } from '../domain/errors.js';

const MB = 1024 * 1024;

/** Bytes available to this process on the file system holding `dir`. */
export function availableBytes(dir: string): number {
  const s = statfsSync(dir);
  return s.bavail * s.bsize;
}

export class DiskSpaceGuard {
  private free = Infinity;
  private checkedAt = -Infinity;
  private low = false;

  /**
   * `minFreeBytes`: below it writes are refused. `onChange`: the disk went low (true) or recovered.
   * `available`: how the free space is read (statfs of `dir`), at most every `refreshMs`.
   */
  constructor(
    private readonly dir: string,
    private readonly minFreeBytes: number,
    private readonly opts: { onChange?: (low: boolean, freeBytes: number) => void; available?: (dir: string) => number; refreshMs?: number } = {},
  ) {}

  /** Throws UNAVAILABLE when the free space is under the minimum. */
  check(): void {
    const now = performance.now();
    if (now - this.checkedAt >= (this.opts.refreshMs ?? 250)) {
      this.checkedAt = now;
      this.free = (this.opts.available ?? availableBytes)(this.dir);
      const low = this.free < this.minFreeBytes;
      if (low !== this.low) {
        this.low = low;
        this.opts.onChange?.(low, this.free);
      }
    }
    if (this.low) {
      throw unavailable(
        `the disk holding ${this.dir} has ${Math.floor(this.free / MB)} MB free, under LOOM_MIN_FREE_DISK_MB (${Math.floor(this.minFreeBytes / MB)}): `
        + 'writes are refused until space is freed; reads go on', 30,
      );
    }
  }
}

/**
 * `port` with `methods` (each returning a promise) checked by `guard` first: refused ones reject with
 * its error, the rest of the port is untouched. Methods are called on the port itself, so ports with
 * private fields work.
 */
export function guardWrites<T extends object>(port: T, methods: readonly (keyof T & string)[], guard: DiskSpaceGuard): T {
  const guarded = new Set<PropertyKey>(methods);
  return new Proxy(port, {
    get(target, prop) {
      const value: unknown = Reflect.get(target, prop, target);
      if (typeof value !== 'function') return value;
      if (!guarded.has(prop)) return value.bind(target);
      return (...args: unknown[]) => {
        try {
          guard.check();
        } catch (err) {
          return Promise.reject(err);
        }
        return value.apply(target, args);
      };
    },
  });
}
