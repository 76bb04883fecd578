/**
 * The only module that imports the embedded engine. Kuzu 0.11.3 today; its fork LadybugDB (`lbug`)
 * has the same API, so switching is a change of the import below.
 */
import kuzu, { type Connection, type PreparedStatement, type KuzuValue, type QueryResult } from 'kuzu';
import { unavailable } from '../../domain/errors.js';

export type Row = Record<string, unknown>;
export type Params = Record<string, unknown>;

export interface EngineConnection {
  run(text: string, params?: Params): Promise<Row[]>;
  /**
   * A statement without parameters that does almost no work (BEGIN), run on the calling thread:
   * ~0.15 ms, where the thread pool's round trip took ~1 ms with the event loop busy serving requests.
   */
  runSync(text: string): Row[];
  /** Interrupt queries on this connection after `ms` (0 = the engine's longest: Kuzu rejects 0). */
  setTimeout(ms: number): void;
}

const NO_TIMEOUT_MS = 24 * 3600 * 1000;

/** Kuzu reports an interrupted query only by its message; this is the one place that reads it. */
export function isTimeout(err: unknown): boolean {
  return err instanceof Error && /interrupted|timeout/i.test(err.message);
}

/**
 * The buffer pool could not hold a write. Kuzu 0.11.3 reports it as a buffer manager exception, or,
 * when an update runs out of memory midway, as a write-write conflict (with one writer there is no
 * other): both seen writing cold corpus-like events through a 128 MB pool.
 */
function isPoolExhausted(err: unknown): boolean {
  return err instanceof Error && /Buffer manager exception|Unable to allocate memory|Write-write conflict/i.test(err.message);
}

/** Out of buffer-pool memory is an overload (503 + Retry-After), not a failure of the statement. */
function overload(err: unknown): unknown {
  return isPoolExhausted(err) ? unavailable('the graph store is out of buffer-pool memory for now (LOOM_KUZU_BUFFER_MB); retry shortly', 1) : err;
}

export interface Engine {
  /** `threads`: most threads one query on this connection may use (default: the engine's, one per core). */
  connect(threads?: number): EngineConnection;
  close(): Promise<void>;
}

/**
 * Read every row and close the result at once: results left to the GC crash the process when the
 * database closes. Synchronously: the result is already complete in memory, and the binding's async
 * getAll() fetches it one row per thread-pool round trip (each waiting for this event loop).
 */
function drain(result: QueryResult | QueryResult[]): Row[] {
  const results = Array.isArray(result) ? result : [result];
  try {
    return results[0].getAllSync() as Row[];
  } finally {
    for (const r of results) r.close();
  }
}

/** Open (or create) a database file. Auto-checkpoint is off: the store checkpoints on a timer (toolchain.md trap 5). */
export function openEngine(path: string, bufferPoolBytes: number): Engine {
  const db = new kuzu.Database(path, bufferPoolBytes, true, false, 0, false);
  const connections: Connection[] = [];
  return {
    connect(threads) {
      const conn = new kuzu.Connection(db, threads);
      connections.push(conn);
      const prepared = new Map<string, Promise<PreparedStatement>>();
      const execute = async (text: string, params?: Params): Promise<Row[]> => {
        if (!params || Object.keys(params).length === 0) return drain(await conn.query(text));
        let ps = prepared.get(text);
        if (!ps) {
          ps = conn.prepare(text);
          prepared.set(text, ps);
          if (prepared.size > 500) prepared.delete(prepared.keys().next().value!);
        }
        const statement = await ps;
        if (!statement.isSuccess()) {
          prepared.delete(text);
          throw new Error(statement.getErrorMessage());
        }
        return drain(await conn.execute(statement, params as Record<string, KuzuValue>));
      };
      return {
        setTimeout(ms) {
          conn.setQueryTimeout(ms > 0 ? Math.ceil(ms) : NO_TIMEOUT_MS);
        },
        async run(text, params) {
          try {
            return await execute(text, params);
          } catch (err) {
            throw overload(err);
          }
        },
        runSync(text) {
          try {
            return drain(conn.querySync(text));
          } catch (err) {
            throw overload(err);
          }
        },
      };
    },
    async close() {
      for (const c of connections) await c.close();
      await db.close();
    },
  };
}
