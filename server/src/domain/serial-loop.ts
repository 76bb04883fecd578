/**
 * A loop that runs at most once at a time: `kick()` starts it unless it runs, and when it ends with
 * work left (`more()`), it starts again. That last check matters: work added after the loop's own
 * last look but before its promise settles would otherwise wait for the next kick. `running` is set
 * before the loop starts, since it runs synchronously up to its first await: a kick from inside it
 * must already find it running. Used by the graph's write queue, the ingest log's flushes and the
 * logged lineage ingest.
 */
export class SerialLoop {
  private current: Promise<void> | null = null;
  private running = false;

  constructor(private readonly loop: () => Promise<void>, private readonly more: () => boolean) {}

  kick(): void {
    if (this.running) return;
    this.running = true;
    this.current = this.loop().finally(() => {
      this.running = false;
      this.current = null;
      if (this.more()) this.kick();
    });
  }

  /** Resolves once the loop is not running (after any restart it makes itself). */
  async idle(): Promise<void> {
    while (this.current) await this.current;
  }
}
