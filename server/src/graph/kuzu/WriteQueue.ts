import type { EngineConnection } from './engine.js';

/**
 * Kuzu allows one write transaction at a time: every write goes through this queue, on one
 * connection, inside BEGIN/COMMIT (ROLLBACK on error). Checkpoints run on a timer when there
 * were writes, and on close.
 */
export class WriteQueue {
  private tail: Promise<unknown> = Promise.resolve();
  private dirty = false;
  private closed = false;
  private readonly timer: NodeJS.Timeout;

  constructor(private readonly conn: EngineConnection, checkpointIntervalMs: number) {
    this.timer = setInterval(() => void this.checkpointIfDirty(), checkpointIntervalMs);
    this.timer.unref();
  }

  transaction<T>(work: (conn: EngineConnection) => Promise<T>): Promise<T> {
    if (this.closed) return Promise.reject(new Error('graph store is closed'));
    const run = async () => {
      await this.conn.run('BEGIN TRANSACTION');
      try {
        const result = await work(this.conn);
        await this.conn.run('COMMIT');
        this.dirty = true;
        return result;
      } catch (err) {
        await this.conn.run('ROLLBACK').catch(() => undefined);
        throw err;
      }
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  private checkpointIfDirty(): Promise<void> {
    if (!this.dirty) return Promise.resolve();
    const run = async () => {
      this.dirty = false;
      await this.conn.run('CHECKPOINT');
    };
    const next = this.tail.then(run, run);
    this.tail = next.catch(() => undefined);
    return next;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    await this.checkpointIfDirty().catch(() => undefined);
    this.closed = true;
    await this.tail;
  }
}
