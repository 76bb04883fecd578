import { unavailable } from './errors.js';

/**
 * Serialises work per key (e.g. per tenant + model) inside one process: read-check-write sequences
 * such as "promote to Production unless another version is there" run one at a time per model.
 * This is the serialisation point for the embedded default (one process). Several processes on
 * Neo4j would need the check inside the write transaction (a conditional write on a per-model
 * sequence number), which the GraphStore port does not offer yet.
 */
export class KeyedLock {
  private readonly tails = new Map<string, { tail: Promise<unknown>; waiting: number }>();

  constructor(private readonly maxWaiting = 1000) {}

  run<T>(key: string, work: () => Promise<T>): Promise<T> {
    const entry = this.tails.get(key) ?? { tail: Promise.resolve(), waiting: 0 };
    if (entry.waiting >= this.maxWaiting) return Promise.reject(unavailable(`too many concurrent changes to ${key.split('/').slice(1).join('/')}`, 1));
    entry.waiting++;
    const result = entry.tail.then(work, work);
    const settled = result.then(() => undefined, () => undefined).finally(() => {
      entry.waiting--;
      if (entry.waiting === 0 && this.tails.get(key) === entry) this.tails.delete(key);
    });
    entry.tail = settled;
    this.tails.set(key, entry);
    return result;
  }

  /** Keys with work queued or running (for tests and metrics). */
  get size(): number {
    return this.tails.size;
  }
}
