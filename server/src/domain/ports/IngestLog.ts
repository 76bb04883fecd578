/** An event as the ingest log keeps it: its place in the log, its tenant, the event as received. */
export interface LoggedEvent { seq: number; tenant: string; event: unknown }

/**
 * The durable log of accepted OpenLineage events (write-ahead of the graph): an event is answered
 * once it is here, then written to the graph in large groups. Sequence numbers grow by one per event.
 */
export interface IngestLog {
  /**
   * Appends in order; resolves once the events are on disk (fsync), with their sequence numbers.
   * `json`: the event serialised, when the caller has it (then the log does not serialise it again).
   */
  append(entries: readonly { tenant: string; event: unknown; json?: string }[]): Promise<number[]>;
  /** The events after the last `applied` mark when the log was opened, in order (read once, at start). */
  unapplied(): LoggedEvent[];
  /** Every event up to `seq` is in the graph: the log may let them go. */
  applied(seq: number): void;
  close(): Promise<void>;
}
