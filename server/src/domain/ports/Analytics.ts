/** The analytics store (ClickHouse or chDB): spans, run metrics, GPU metrics, feature values. */
export interface Analytics {
  /** Apply numbered migrations from schema/clickhouse (idempotent). */
  migrate(): Promise<string[]>;
  /** Insert rows into a table (JSONEachRow). Rows must carry `tenant_id`. */
  insert(table: string, rows: Record<string, unknown>[]): Promise<void>;
  /** Run a SELECT with server-side `{name:Type}` parameters; `tenant` is bound as `{tenant:String}`. */
  query<T = Record<string, unknown>>(tenant: string, sql: string, params?: Record<string, unknown>): Promise<T[]>;
  ping(): Promise<void>;
  close(): Promise<void>;
}
