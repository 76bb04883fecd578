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

  constructor(connections: EngineConnection[]) {
    this.free = [...connections];
    this.size = connections.length;
  }

  async use<T>(work: (conn: EngineConnection) => Promise<T>): Promise<T> {
    const conn = this.closed ? null : this.free.pop() ?? (await new Promise<EngineConnection | null>((resolve) => this.waiting.push(resolve)));
    if (!conn) throw unavailable('graph store is closed');
    try {
      return await work(conn);
    } finally {
      try { conn.setTimeout(0); } catch { /* keep the connection in the pool whatever happens */ }
      const next = this.closed ? undefined : this.waiting.shift();
      if (next) next(conn);
      else {
        this.free.push(conn);
        if (this.free.length === this.size) this.drained?.();
      }
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
