import { unavailable } from '../../domain/errors.js';
import type { EngineConnection } from './engine.js';

/**
 * Reader connections checked out exclusively (a per-query timeout is a connection setting in Kuzu).
 * close() refuses new reads and resolves once every connection is back: the database must never be
 * closed under a running query (the native engine does not survive that).
 */
export class ReaderPool {
  private readonly free: EngineConnection[];
  private readonly waiting: ((c: EngineConnection | null) => void)[] = [];
  private readonly size: number;
  private closed = false;
  private drained: (() => void) | null = null;
  /** Set while `excluding` runs: reads wait for it. */
  private exclusive: Promise<void> | null = null;
  /** Called once every connection is back (excluding waits for it). */
  private idle: (() => void) | null = null;

  constructor(connections: EngineConnection[]) {
    this.free = [...connections];
    this.size = connections.length;
  }

  async use<T>(work: (conn: EngineConnection) => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    const conn = this.closed ? null : this.free.pop() ?? (await new Promise<EngineConnection | null>((resolve) => this.waiting.push(resolve)));
    if (!conn) throw unavailable('graph store is closed');
    try {
      return await work(conn);
    } finally {
      try { conn.setTimeout(0); } catch { /* keep the connection in the pool whatever happens */ }
      const next = this.closed || this.exclusive ? undefined : this.waiting.shift();
      if (next) next(conn);
      else {
        this.free.push(conn);
        if (this.free.length === this.size) {
          this.drained?.();
          this.idle?.();
          this.idle = null;
        }
      }
    }
  }

  /**
   * Runs `work` with no read in flight: new reads wait, the running ones finish first. For CHECKPOINT:
   * Kuzu's waits for every active transaction to leave and holds new ones meanwhile, and with readers
   * arriving all the time it gave up after ~5.9 s ("Timeout waiting for active transactions"), having
   * stopped readers and writer all that time (ingest bench with two readers, session 9: every run).
   */
  async excluding<T>(work: () => Promise<T>): Promise<T> {
    while (this.exclusive) await this.exclusive;
    let release!: () => void;
    this.exclusive = new Promise<void>((resolve) => { release = resolve; });
    try {
      if (this.free.length < this.size && !this.closed) await new Promise<void>((resolve) => (this.idle = resolve));
      return await work();
    } finally {
      this.exclusive = null;
      // Reads that were already waiting for a connection when this began get the ones it kept free.
      while (this.waiting.length && this.free.length) this.waiting.shift()!(this.free.pop()!);
      release();
    }
  }

  /** Refuses new reads (and those still waiting for a connection); resolves when the running ones are done. */
  close(): Promise<void> {
    this.closed = true;
    for (const w of this.waiting.splice(0)) w(null);
    if (this.free.length === this.size) return Promise.resolve();
    return new Promise((resolve) => (this.drained = resolve));
  }
}
