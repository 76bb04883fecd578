/**
 * A row value already serialised as JSON, inserted as that text: a JSON object for a String column
 * is stored verbatim (lineage_events.body). Lets a caller that holds a value's JSON not pay for
 * serialising it again.
 */
export class RawJson {
  constructor(readonly json: string) {}
  /** Where a row is serialised whole (a ClickHouse server's client), the value it stands for. */
  toJSON(): unknown {
    return JSON.parse(this.json);
  }
}

/** The analytics store (ClickHouse or chDB): spans, run metrics, GPU metrics, feature values. */
export interface Analytics {
  /** Apply numbered migrations from schema/clickhouse (idempotent). */
  migrate(): Promise<string[]>;
  /** Insert rows into a table (JSONEachRow; a RawJson value goes in as its text). Rows must carry `tenant_id`. */
  insert(table: string, rows: Record<string, unknown>[]): Promise<void>;
  /** Run a SELECT with server-side `{name:Type}` parameters; `tenant` is bound as `{tenant:String}`. */
  query<T = Record<string, unknown>>(tenant: string, sql: string, params?: Record<string, unknown>): Promise<T[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
