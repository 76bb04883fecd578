import { LoomError, unavailable } from '../domain/errors.js';

type Row = Record<string, unknown>;
interface Waiter<P> { batch: P; rows: number; resolve: () => void; reject: (err: unknown) => void }
interface TableQueue<P> { waiters: Waiter<P>[]; rows: number; timer: NodeJS.Timeout | null; flushing: Promise<void> | null }

/**
 * The form an insert's rows wait in: built from a caller's rows on the caller's own turn (`prepare`,
 * while the INSERT before runs), joined with others of the same `key` into one INSERT.
 */
export interface BatchForm<P> {
  prepare(rows: readonly Row[]): P;
  key(batch: P): string;
  join(batches: P[]): P;
}

/** Rows as given: any can share an INSERT (the writer takes the union of their fields). */
export const ROWS: BatchForm<Row[]> = { prepare: (rows) => rows as Row[], key: () => '', join: (bs) => bs.flat() };

export interface BatcherOptions {
  /** How long a lone insert waits for others to join its INSERT. */
  lingerMs: number;
  /** Flush at once when this many rows are pending for a table; also the most rows per INSERT. */
  maxBatchRows: number;
  /** Rows pending over all tables beyond which new inserts are refused (UNAVAILABLE, 503 + Retry-After). */
  maxPendingRows: number;
}

export const DEFAULT_BATCHING: BatcherOptions = { lingerMs: 2, maxBatchRows: 10_000, maxPendingRows: 100_000 };

/**
 * Group commit for ClickHouse inserts: concurrent inserts into the same table within `lingerMs`
 * (or until `maxBatchRows` rows are pending) go out as one INSERT; one INSERT per table is in flight
 * at a time and the rows that arrive meanwhile form the next one. The inserts wait in the form `P`
 * the writer takes (`form`), built when they arrive. Each caller's promise settles with the INSERT that holds its rows (acknowledged = committed). When a grouped INSERT fails on its
 * data, every caller's rows are retried alone, so one bad batch cannot fail the others; when the
 * store is unavailable the whole group fails with that error. Memory is bounded: past
 * `maxPendingRows` new inserts fail at once with UNAVAILABLE.
 */
export class InsertBatcher<P = Row[]> {
  private readonly tables = new Map<string, TableQueue<P>>();
  private pendingRows = 0;
  private closed = false;

  constructor(
    private readonly write: (table: string, batch: P) => Promise<void>,
    private readonly form: BatchForm<P>,
    private readonly opts: BatcherOptions = DEFAULT_BATCHING,
  ) {}

  /** Refused at once (before its batch is built) when closed, or past `maxPendingRows`; rows that cannot be put in form `P` fail alone. */
  insert(table: string, input: readonly Row[]): Promise<void> {
    const rows = input.length;
    if (this.closed) return Promise.reject(unavailable('analytics store is closed'));
    // A single oversized insert is let through when nothing else is pending, so it can always make progress.
    if (this.pendingRows > 0 && this.pendingRows + rows > this.opts.maxPendingRows) {
      return Promise.reject(unavailable(`analytics store is saturated (${this.pendingRows} rows waiting to be written); retry shortly`, 1));
    }
    let batch: P;
    try {
      batch = this.form.prepare(input);
    } catch (err) {
      return Promise.reject(err);
    }
    let q = this.tables.get(table);
    if (!q) this.tables.set(table, (q = { waiters: [], rows: 0, timer: null, flushing: null }));
    const queue = q;
    const done = new Promise<void>((resolve, reject) => queue.waiters.push({ batch, rows, resolve, reject }));
    queue.rows += rows;
    this.pendingRows += rows;
    if (queue.flushing) return done; // the running flush picks these rows up when it is done
    if (queue.rows >= this.opts.maxBatchRows) this.kick(table, queue);
    else queue.timer ??= setTimeout(() => this.kick(table, queue), this.opts.lingerMs);
    return done;
  }

  /** Waits for every pending insert to settle; later inserts are refused. */
  async close(): Promise<void> {
    this.closed = true;
    for (const [table, q] of this.tables) if (q.waiters.length && !q.flushing) this.kick(table, q);
    await Promise.all([...this.tables.values()].map((q) => q.flushing));
  }

  private kick(table: string, q: TableQueue<P>): void {
    if (q.timer) clearTimeout(q.timer);
    q.timer = null;
    q.flushing ??= this.drain(table, q).finally(() => {
      q.flushing = null;
      if (q.waiters.length) this.kick(table, q);
      else if (this.tables.get(table) === q) this.tables.delete(table);
    });
  }

  private async drain(table: string, q: TableQueue<P>): Promise<void> {
    while (q.waiters.length) {
      const group = this.takeGroup(q.waiters);
      const failures = await this.writeGroup(table, group);
      const rows = group.reduce((n, w) => n + w.rows, 0);
      q.rows -= rows; // before answering: a caller that was told "written" sees the room it freed
      this.pendingRows -= rows;
      group.forEach((w, i) => (failures[i] === OK ? w.resolve() : w.reject(failures[i])));
    }
  }

  /** Per waiter: OK, or why its rows were not written. */
  private async writeGroup(table: string, group: Waiter<P>[]): Promise<unknown[]> {
    try {
      await this.write(table, group.length === 1 ? group[0].batch : this.form.join(group.map((w) => w.batch)));
      return group.map(() => OK);
    } catch (err) {
      if (group.length === 1 || (err instanceof LoomError && err.code === 'UNAVAILABLE')) return group.map(() => err);
      const failures: unknown[] = [];
      for (const w of group) failures.push(await this.write(table, w.batch).then(() => OK, (e: unknown) => e));
      return failures;
    }
  }

  /** The first waiters of one key whose rows fit in `maxBatchRows` (always at least one). */
  private takeGroup(waiters: Waiter<P>[]): Waiter<P>[] {
    const key = this.form.key(waiters[0].batch);
    let n = 0;
    let count = 0;
    while (count < waiters.length && (count === 0 || (n + waiters[count].rows <= this.opts.maxBatchRows && this.form.key(waiters[count].batch) === key))) {
      n += waiters[count++].rows;
    }
    return waiters.splice(0, count);
  }
}

const OK = Symbol('written');
