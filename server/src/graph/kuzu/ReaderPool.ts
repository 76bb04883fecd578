import type { EngineConnection } from './engine.js';

/** Reader connections checked out exclusively (a per-query timeout is a connection setting in Kuzu). */
export class ReaderPool {
  private readonly free: EngineConnection[];
  private readonly waiting: ((c: EngineConnection) => void)[] = [];

  constructor(connections: EngineConnection[]) {
    this.free = [...connections];
  }

  async use<T>(work: (conn: EngineConnection) => Promise<T>): Promise<T> {
    const conn = this.free.pop() ?? (await new Promise<EngineConnection>((resolve) => this.waiting.push(resolve)));
    try {
      return await work(conn);
    } finally {
      try { conn.setTimeout(0); } catch { /* keep the connection in the pool whatever happens */ }
      const next = this.waiting.shift();
      if (next) next(conn);
      else this.free.push(conn);
    }
  }
}
