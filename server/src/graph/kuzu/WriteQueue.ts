import { setImmediate as nextTurn } from 'node:timers/promises';
import type { EngineConnection } from './engine.js';
import { unavailable } from '../../domain/errors.js';
import { SerialLoop } from '../../domain/serial-loop.js';

interface Pending<T> { item: T; resolve: () => void; reject: (err: unknown) => void }

/**
 * The timer's checkpoints start at least this many times their last duration apart, so they take at
 * most ~5% of the time: at 1M nodes a checkpoint costs ~2 s whatever it holds, and every 15 s it was
 * an eighth of the writer's time under steady ingest (bench/RESULTS.md, session 16). Small stores
 * (checkpoints of 0.1-0.3 s) keep the interval. The checkpoints by bytes written bound memory and are
 * not spaced.
 */
const TIMER_CHECKPOINT_SPACING = 20;

/**
 * Kuzu allows one write transaction at a time, so every write goes through this queue on one
 * connection. Group commit: writes that arrive while a transaction runs are applied together in
 * the next one (one BEGIN/COMMIT for up to `maxGroup` writes); each caller is answered only after
 * the commit that holds its write. If a group fails, its writes are retried one by one so one bad
 * write cannot fail the others. A group is taken one turn of the event loop after the queue is
 * kicked (or the last group committed), so writes submitted together, even across a few awaits, go
 * in together. Checkpoints run when the queue runs dry, if the timer asked (spaced by their cost:
 * TIMER_CHECKPOINT_SPACING); once about `checkpointBytes` were written, when no write came for
 * `quietCheckpointMs`, or at once after `quietCheckpointTransactions` transactions (un-checkpointed
 * updates hold far more buffer-pool memory than the WAL's size suggests: without this a burst fills
 * the pool); between groups of a burst once `burstCheckpointBytes` were written; and on close.
 */
export class WriteQueue<T> {
  private pending: Pending<T>[] = [];
  /** The drain's BEGIN is synchronous: a submit from inside it must find it running (SerialLoop sees to that). */
  private readonly draining = new SerialLoop(() => this.drain(), () => this.pending.length > 0);
  private dirty = false;
  private bytesSinceCheckpoint = 0;
  private transactionsSinceCheckpoint = 0;
  private checkpointDue = false;
  /** How long the last checkpoint took, and when it ended (monotonic ms). */
  private checkpointMs = 0;
  private checkpointEnd = -Infinity;
  private closed = false;
  private readonly timer: NodeJS.Timeout;
  /** The checkpoint waiting for a quiet moment (`quietCheckpointMs` without a write). */
  private quiet: NodeJS.Timeout | null = null;

  constructor(
    private readonly conn: EngineConnection,
    /** Applies a group inside the transaction: about how many bytes it wrote, and what to do once committed. */
    private readonly apply: (conn: EngineConnection, items: T[]) => Promise<{ bytes: number; onCommit(): void }>,
    private readonly opts: {
      checkpointIntervalMs: number; maxGroup: number; checkpointBytes: number; burstCheckpointBytes: number; maxPending: number;
      /**
       * How long the queue must stay empty before the checkpoint `checkpointBytes` asked for runs. A
       * writer fed in chunks (the logged lineage ingest) empties the queue between chunks while it is
       * busy: checkpointing there each time cost 25-30% of the writer's time (bench/RESULTS.md, session 10).
       */
      quietCheckpointMs: number;
      /**
       * How many transactions a checkpoint due by `checkpointBytes` may wait: each holds pool memory of
       * its own beyond its bytes (the 603-event corpus, one event a transaction, filled a 256 MB pool
       * after ~600 of them without a checkpoint).
       */
      quietCheckpointTransactions: number;
      /** Runs the CHECKPOINT with no read in flight (ReaderPool.excluding). */
      excludingReads: <R>(work: () => Promise<R>) => Promise<R>;
    },
  ) {
    this.timer = setInterval(() => {
      if (!this.dirty || performance.now() - this.checkpointEnd < this.checkpointMs * TIMER_CHECKPOINT_SPACING) return;
      this.checkpointDue = true;
      this.draining.kick();
    }, opts.checkpointIntervalMs);
    this.timer.unref();
  }

  /**
   * Resolves once the write is committed. Beyond `maxPending` queued writes it is refused at once
   * with UNAVAILABLE (HTTP 503 + Retry-After): overload never grows memory without bound.
   */
  submit(item: T): Promise<void> {
    if (this.closed) return Promise.reject(unavailable('the graph store is shutting down', 5));
    if (this.pending.length >= this.opts.maxPending) {
      return Promise.reject(unavailable(`the graph store is saturated (${this.pending.length} writes queued); retry shortly`, 1));
    }
    return new Promise((resolve, reject) => {
      this.pending.push({ item, resolve, reject });
      this.draining.kick();
    });
  }

  private async drain(): Promise<void> {
    if (this.quiet) clearTimeout(this.quiet);
    this.quiet = null;
    while (this.pending.length) {
      // Also between groups, not only when the queue runs dry: under steady load it never does, and
      // the changes not yet checkpointed would fill the buffer pool (a cold ingest of 12,000 events did
      // at 1 GB). At a higher mark than when idle: each checkpoint in a burst costs time and grows the
      // file (3,000 cold events: 172 MB at checkpointBytes, 68 MB at 4x it, 29 MB with none).
      if (this.dirty && this.bytesSinceCheckpoint > this.opts.burstCheckpointBytes) await this.checkpoint();
      // One turn first: writes submitted in the turn that kicked the queue, or by the callers just
      // answered, join this group. The logged ingest submits a chunk's writes a few awaits apart (job
      // locks, histories); taken at once, the first of them went alone, and about half the
      // transactions held a single write at 15-30 ms each (bench/RESULTS.md, session 10).
      await nextTurn();
      const group = this.pending.splice(0, this.opts.maxGroup);
      try {
        await this.transaction(group.map((p) => p.item));
        for (const p of group) p.resolve();
      } catch (err) {
        if (group.length === 1) group[0].reject(err);
        else for (const p of group) await this.transaction([p.item]).then(p.resolve, p.reject);
      }
    }
    if (!this.dirty) return;
    const due = this.bytesSinceCheckpoint > this.opts.checkpointBytes;
    if (this.checkpointDue || (due && this.transactionsSinceCheckpoint >= this.opts.quietCheckpointTransactions)) await this.checkpoint();
    else if (due && !this.closed) {
      this.quiet = setTimeout(() => {
        this.quiet = null;
        this.checkpointDue = true;
        this.draining.kick();
      }, this.opts.quietCheckpointMs);
      this.quiet.unref();
    }
  }

  private async transaction(items: T[]): Promise<void> {
    // Synchronous: it holds the event loop only while the engine opens the transaction. The one long
    // holder of the engine's transaction lock, CHECKPOINT, runs on this connection, between transactions.
    this.conn.runSync('BEGIN TRANSACTION');
    try {
      const { bytes, onCommit } = await this.apply(this.conn, items);
      await this.conn.run('COMMIT');
      onCommit();
      this.dirty = true;
      this.bytesSinceCheckpoint += bytes;
      this.transactionsSinceCheckpoint++;
    } catch (err) {
      await this.conn.run('ROLLBACK').catch(() => undefined);
      throw err;
    }
  }

  private async checkpoint(): Promise<void> {
    this.dirty = false;
    this.checkpointDue = false;
    this.bytesSinceCheckpoint = 0;
    this.transactionsSinceCheckpoint = 0;
    const started = performance.now();
    await this.opts.excludingReads(() => this.conn.run('CHECKPOINT')).catch(() => { this.dirty = true; });
    this.checkpointEnd = performance.now();
    this.checkpointMs = this.checkpointEnd - started;
  }

  async close(): Promise<void> {
    clearInterval(this.timer);
    if (this.quiet) clearTimeout(this.quiet);
    this.closed = true;
    await this.draining.idle();
    if (this.dirty) await this.checkpoint();
  }
}
