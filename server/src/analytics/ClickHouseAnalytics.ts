import { mkdir, readdir, readFile } from 'node:fs/promises';
import path from 'node:path';
import {
  ClickHouseLogLevel, createClient, parseError, type ClickHouseClient, type ClickHouseClientConfigOptions, type ClickHouseSettings,
} from '@clickhouse/client';
import { createChdbConnection, type ChdbExtension } from 'chdb/connection';
import type { Config } from '../config/config.js';
import { RawJson, type Analytics } from '../domain/ports/Analytics.js';
import { badInput, LoomError, unavailable } from '../domain/errors.js';
import { DEFAULT_BATCHING, InsertBatcher, ROWS, type BatchForm, type BatcherOptions } from './InsertBatcher.js';
import { alignRetention, alignTableSettings, type Retention } from './retention.js';

const MIGRATIONS_DIR = new URL('../../../schema/clickhouse/', import.meta.url);
const INSERT_SETTINGS = {
  date_time_input_format: 'best_effort' as const, // accept ISO-8601 timestamps in inserted rows
  input_format_null_as_default: 1 as const, // a field a row does not have (null in the compact rows below) takes the column's default
  input_format_json_read_objects_as_strings: 1 as const, // a JSON object given for a String column is stored as its text (lineage_events.body)
  // No deduplication inside each inserted block: the Replacing tables' readers collapse copies anyway
  // (FINAL, LIMIT 1 BY, latest version), as they must for copies in different inserts. 2,083 span rows
  // went in ~17% faster on chDB, 10,000 ~25% (bench/RESULTS.md, session 8).
  optimize_on_insert: 0 as const,
  // Spans and metric points are partitioned by day (so retention drops whole days), and one INSERT of the
  // group commit may hold exports from many days: a backfill of gauges (the rollup keeps 400 days), spans
  // kept for ever. Past the default limit of 100 days the whole INSERT failed as TOO_MANY_PARTS, answered
  // 503 to every export in it and retried for ever. The ingest bounds the days instead: the retention
  // behind, a day ahead (domain/telemetry/time-bounds.ts). Each day costs ~2.5 ms (1,000 in one INSERT
  // took 2.5 s on chDB, session 24).
  max_partitions_per_insert_block: '0',
  // A lone UTF-16 surrogate in a string (JSON.stringify writes it as an escape, "\ud800") made ClickHouse
  // refuse the INSERT: the export was answered 500 at every retry, and a lineage event with one in a
  // dataset name held the event archive back for good. Kept as sent instead.
  input_format_json_throw_on_bad_escape_sequence: 0 as const,
};
const SETTINGS: ClickHouseSettings = {
  ...INSERT_SETTINGS,
  output_format_json_quote_64bit_integers: 1, // UInt64/Int64 come back as exact strings
};
/** Failures are rethrown as LoomErrors and logged once by the caller, not by the client too. */
const LOG = { level: ClickHouseLogLevel.OFF };
const IDENT = /^[A-Za-z_][A-Za-z0-9_]*$/;
const TABLE = /^([A-Za-z_][A-Za-z0-9_]*\.)?[A-Za-z_][A-Za-z0-9_]*$/;

/** Errors that mean "the store cannot be reached or is overloaded now": by code/type, never by message. */
const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED', 'ECONNRESET', 'ETIMEDOUT', 'ENOTFOUND', 'EAI_AGAIN', 'EPIPE', 'EHOSTUNREACH', 'ENETUNREACH',
  'ECONNABORTED', 'UND_ERR_SOCKET', 'CHDB_CONNECTION', 'CHDB_CLOSED', 'CHDB_TIMEOUT',
]);
const BUSY_TYPES = new Set([
  'TIMEOUT_EXCEEDED', 'TOO_MANY_SIMULTANEOUS_QUERIES', 'SOCKET_TIMEOUT', 'NETWORK_ERROR',
  'ALL_CONNECTION_TRIES_FAILED', 'TABLE_IS_READ_ONLY', 'TOO_MANY_PARTS',
  // The disk is full: 503, so that exporters keep their data and retry (the data directory's guard,
  // app/disk-space.ts, refuses writes before this on chDB; a ClickHouse server's disk is its own).
  'NOT_ENOUGH_SPACE',
]);

function isUnavailable(e: unknown, depth = 0): boolean {
  if (!(e instanceof Error) || depth > 3) return false;
  const { code, type } = e as { code?: unknown; type?: unknown };
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  if (typeof type === 'string' && BUSY_TYPES.has(type)) return true; // ClickHouseError.type (server or chDB)
  if (e instanceof AggregateError && e.errors.some((x) => isUnavailable(x, depth + 1))) return true;
  return isUnavailable(e.cause, depth + 1);
}

function translate(e: unknown): unknown {
  if (e instanceof LoomError || !isUnavailable(e)) return e;
  return unavailable(`analytics store unavailable: ${(e as Error).message}`);
}

async function guarded<T>(fn: () => Promise<T>): Promise<T> {
  try {
    return await fn();
  } catch (e) {
    throw translate(e);
  }
}

/**
 * Rows as JSONCompactEachRow: one array per row under the union of the rows' fields, instead of an
 * object each. Field names are not repeated per row, so the text to build, copy and parse is ~45%
 * shorter for spans; 2,000 span rows went in ~12% faster, 10,000 ~29% (alternated on chDB).
 */
function compactRows(rows: readonly Record<string, unknown>[]): { columns: [string, ...string[]]; values: unknown[][]; raw: boolean } {
  const names = new Set<string>();
  for (const r of rows) for (const k in r) names.add(k);
  const columns = [...names] as [string, ...string[]];
  let raw = false; // whether any value is a RawJson (noted here, where every value is read anyway)
  const values = rows.map((r) => columns.map((c) => {
    const v = r[c] ?? null;
    if (typeof v === 'object' && v instanceof RawJson) raw = true;
    return v;
  }));
  return { columns, values, raw };
}

/**
 * JSONCompactEachRow bytes of the rows; with RawJson values (`raw`), the rows are built value by value
 * and those spliced in as they are. Each line is written into one buffer of the exact size: joining
 * the lines into one string first cost more than serialising them (2,000 span rows: 7.7-13.3 µs a row
 * with the join and Buffer.from, 6.2-9.8 µs without; bench/RESULTS.md, session 23).
 */
function rowsBytes(values: unknown[][], raw: boolean): Buffer {
  const lines = raw
    ? values.map((row) => `[${row.map((v) => (v instanceof RawJson ? v.json : JSON.stringify(v))).join(',')}]`)
    : values.map((row) => JSON.stringify(row));
  let size = lines.length - 1;
  for (const line of lines) size += Buffer.byteLength(line);
  const bytes = Buffer.allocUnsafe(size);
  let at = 0;
  for (let i = 0; i < lines.length; i++) {
    if (i) bytes[at++] = 0x0a;
    at += bytes.write(lines[i], at);
  }
  return bytes;
}

type Row = Record<string, unknown>;

/** How inserts reach the store: the form their rows wait in for the group commit (`form`), and one INSERT of a batch (`write`). */
interface InsertPath<P> {
  form: BatchForm<P>;
  write(table: string, batch: P): Promise<void>;
}

/** A ClickHouse server: the client serialises the rows of one INSERT itself (a RawJson by its toJSON). */
function serverInserts(client: ClickHouseClient): InsertPath<Row[]> {
  return {
    form: ROWS,
    write: async (table, rows) => {
      const { columns, values } = compactRows(rows);
      await client.insert({ table, columns, values, format: 'JSONCompactEachRow' });
    },
  };
}

/**
 * Rows as the JSONCompactEachRow bytes of an INSERT under their columns (`key`: the columns, joined),
 * built by each caller as it inserts, not when its group's INSERT starts: one INSERT runs at a time,
 * and 2,000 span rows took 11-15 ms of text that the next INSERT had waited for (bench/RESULTS.md,
 * session 23).
 */
interface RowText { columns: [string, ...string[]]; key: string; bytes: Buffer }
const NEWLINE = Buffer.from('\n');
const ROW_TEXT: BatchForm<RowText> = {
  prepare: (rows) => {
    const { columns, values, raw } = compactRows(rows);
    return { columns, key: columns.join('\u0000'), bytes: rowsBytes(values, raw) };
  },
  key: (b) => b.key,
  join: (bs) => ({ ...bs[0], bytes: Buffer.concat(bs.flatMap((b, i) => (i ? [NEWLINE, b.bytes] : [b.bytes]))) }),
};

/**
 * chDB: the rows' bytes (RowText) handed to chDB's raw insert. The client's insert (what a ClickHouse
 * server gets) encodes row by row into a stream, which the chDB connection then joins into one SQL
 * string that the engine copies again: built once, OTLP ingest took ~13% more spans/s, and the insert
 * threads' CPU per 100k spans went 2.1 → 1.4 s (bench/RESULTS.md, session 8).
 */
function chdbInserts(chdb: ChdbExtension): InsertPath<RowText> {
  return {
    form: ROW_TEXT,
    write: async (table, { columns, bytes }) => {
      await chdb.rawInsert({ table, columns, values: bytes, format: 'JSONCompactEachRow', settings: INSERT_SETTINGS }).catch((err: unknown) => {
        // The shape the client's errors have ({ code, type }), as the chDB connection gives its queries'.
        const mapped = parseError(err instanceof Error ? err : String(err));
        if (mapped !== err) mapped.cause = err;
        throw mapped;
      });
    },
  };
}

/**
 * `syncInserts`: each INSERT's part is fsync'd, with its directory, before the INSERT returns (see
 * alignTableSettings): set for the embedded store, which has no replica to hold an acknowledged row.
 */
export interface AnalyticsOptions { retention?: Retention; batching?: BatcherOptions; syncInserts?: boolean }

export class ClickHouseAnalytics implements Analytics {
  #closed = false;
  #closing: Promise<void> | null = null;
  readonly #batcher: InsertBatcher<unknown>;
  readonly #retention: Retention | undefined;
  readonly #syncInserts: boolean;

  /** `inserts`: how rows reach the store (default: a ClickHouse server's, through the client). */
  constructor(private readonly client: ClickHouseClient, private readonly release: () => Promise<void>, opts: AnalyticsOptions = {}, inserts: InsertPath<unknown> = serverInserts(client)) {
    this.#retention = opts.retention;
    this.#syncInserts = opts.syncInserts ?? false;
    this.#batcher = new InsertBatcher((table, batch) => this.#run(() => inserts.write(table, batch)), inserts.form, opts.batching ?? DEFAULT_BATCHING);
  }

  /** Applies the migrations not yet applied, up to version `through` (all by default: a staged upgrade, or a test of one, stops earlier); returns their names. */
  async migrate(through = Infinity): Promise<string[]> {
    return this.#run(async () => {
      await this.client.command({ query: MIGRATIONS_TABLE });
      const rows = await this.#select<{ version: number }>('SELECT version FROM schema_migrations FINAL', {});
      const applied = new Set(rows.map((r) => Number(r.version)));
      const done: string[] = [];
      for (const m of await readMigrations(MIGRATIONS_DIR)) {
        if (applied.has(m.version) || m.version > through) continue;
        for (const query of m.statements) await this.client.command({ query });
        await this.client.insert({ table: 'schema_migrations', values: [{ version: m.version, name: m.name }], format: 'JSONEachRow' });
        done.push(m.file);
      }
      if (this.#retention) await alignRetention(this.client, this.#retention);
      await alignTableSettings(this.client, { syncInserts: this.#syncInserts });
      return done;
    });
  }

  /**
   * Not an async function: its frame would hold `rows` until the INSERT commits, and on chDB the batch
   * waits as bytes, so the rows can go once they are serialised.
   */
  insert(table: string, rows: Record<string, unknown>[]): Promise<void> {
    if (!TABLE.test(table)) return Promise.reject(badInput('table', 'must be an identifier, optionally database-qualified'));
    const missing = rows.findIndex((r) => typeof r.tenant_id !== 'string' || r.tenant_id === '');
    if (missing >= 0) return Promise.reject(badInput(`rows[${missing}].tenant_id`, 'required: every analytics row is scoped by tenant'));
    if (rows.length === 0) return Promise.resolve();
    if (this.#closed) return Promise.reject(unavailable('analytics store is closed'));
    return this.#batcher.insert(table, rows);
  }

  async query<T = Record<string, unknown>>(tenant: string, sql: string, params: Record<string, unknown> = {}): Promise<T[]> {
    if (!tenant) throw badInput('tenant', 'required');
    if ('tenant' in params) throw badInput('params.tenant', 'reserved: the tenant is bound from the first argument');
    return this.#run(() => this.#select<T>(sql, { ...params, tenant }));
  }

  /** One statement with no result (DDL), as the store's operator would run it: not part of the Analytics port. */
  async command(sql: string): Promise<void> {
    await this.#run(() => this.client.command({ query: sql }));
  }

  async ping(): Promise<void> {
    await this.#run(async () => {
      const res = await this.client.ping();
      if (!res.success) throw res.error;
    });
  }

  close(): Promise<void> {
    this.#closing ??= (async () => {
      await this.#batcher.close(); // every accepted insert is written before the client goes
      this.#closed = true;
      await this.release();
    })();
    return this.#closing;
  }

  async #select<T>(query: string, query_params: Record<string, unknown>): Promise<T[]> {
    const rs = await this.client.query({ query, query_params, format: 'JSON' });
    return (await rs.json<T>()).data;
  }

  #run<T>(fn: () => Promise<T>): Promise<T> {
    if (this.#closed) return Promise.reject(unavailable('analytics store is closed'));
    return guarded(fn);
  }
}

const MIGRATIONS_TABLE = `CREATE TABLE IF NOT EXISTS schema_migrations
(version UInt32, name String, applied_at DateTime64(3, 'UTC') DEFAULT now64(3))
ENGINE = ReplacingMergeTree(applied_at) ORDER BY version`;

interface Migration { version: number; name: string; file: string; statements: string[] }

/** `NNN_name.sql` files in version order; statements split on `;` at line ends. */
async function readMigrations(dir: URL): Promise<Migration[]> {
  const found: Migration[] = [];
  for (const entry of (await readdir(dir)).sort()) {
    const m = /^(\d+)_(\w+)\.sql$/.exec(entry);
    if (!m) continue;
    const text = await readFile(new URL(entry, dir), 'utf8');
    const statements = text.split(/;[ \t]*$/m).map((s) => s.trim()).filter((s) => s.replace(/--.*$/gm, '').trim() !== '');
    found.push({ version: Number(m[1]), name: m[2], file: entry.slice(0, -4), statements });
  }
  found.sort((a, b) => a.version - b.version);
  const dup = found.find((m, i) => i > 0 && found[i - 1].version === m.version);
  if (dup) throw new Error(`schema/clickhouse: two migrations share version ${dup.version}`);
  return found;
}

/** chDB binds one data directory per process: one shared, refcounted client per path. */
interface SharedChdb { database: string; refs: number; client: Promise<{ client: ClickHouseClient; inserts: InsertPath<RowText> }> }
const chdbClients = new Map<string, SharedChdb>();

async function openChdb(dir: string, database: string): Promise<{ client: ClickHouseClient; inserts: InsertPath<RowText> }> {
  await mkdir(dir, { recursive: true });
  const chdb = createChdbConnection({ path: dir });
  // chdb types its Connection against @clickhouse/client-common 1.23.0, the client bundles its own copy
  // of the same interface: structurally identical at runtime, nominally different to tsc.
  const connection = chdb as unknown as ClickHouseClientConfigOptions['connection'];
  const client = createClient({ connection, clickhouse_settings: SETTINGS, log: LOG });
  try {
    await client.command({ query: `CREATE DATABASE IF NOT EXISTS \`${database}\`` });
    await client.command({ query: `USE \`${database}\`` }); // the chDB session keeps it for every later query (raw inserts too)
    return { client, inserts: chdbInserts(chdb.chdb) };
  } catch (e) {
    await client.close();
    throw e;
  }
}

async function acquireChdb(cfg: Extract<Config['analytics'], { engine: 'chdb' }>, opts: AnalyticsOptions): Promise<ClickHouseAnalytics> {
  const dir = path.resolve(cfg.path);
  let shared = chdbClients.get(dir);
  if (shared && shared.database !== cfg.database) {
    throw new Error(`chDB at ${dir} is already open with database ${shared.database}, not ${cfg.database}`);
  }
  if (!shared) {
    const entry: SharedChdb = { database: cfg.database, refs: 0, client: openChdb(dir, cfg.database) };
    entry.client.catch(() => chdbClients.get(dir) === entry && chdbClients.delete(dir));
    chdbClients.set(dir, (shared = entry));
  }
  const entry = shared;
  entry.refs++; // before awaiting, so a concurrent close cannot tear the client down under us
  const { client, inserts } = await entry.client.catch((e: unknown) => {
    entry.refs--;
    throw e;
  });
  return new ClickHouseAnalytics(client, async () => {
    if (--entry.refs > 0) return;
    chdbClients.delete(dir);
    await client.close();
  }, opts, inserts);
}

async function openServer(cfg: Extract<Config['analytics'], { engine: 'clickhouse' }>, opts: AnalyticsOptions): Promise<ClickHouseAnalytics> {
  const base = { url: cfg.url, username: cfg.user, password: cfg.password, clickhouse_settings: SETTINGS, log: LOG };
  const boot = createClient(base); // no database yet: it may not exist
  try {
    await boot.command({ query: `CREATE DATABASE IF NOT EXISTS \`${cfg.database}\`` });
  } finally {
    await boot.close();
  }
  const client = createClient({ ...base, database: cfg.database });
  return new ClickHouseAnalytics(client, () => client.close(), opts);
}

/**
 * Open the analytics store named by the config and make sure its database exists. The configured
 * TTLs (spans, metrics) are applied by `migrate()`; `batching` tunes the group commit of inserts (tests, benches).
 */
export async function openAnalytics(cfg: Config['analytics'], batching?: BatcherOptions): Promise<ClickHouseAnalytics> {
  if (!IDENT.test(cfg.database)) throw new Error(`analytics database must be a plain identifier: ${cfg.database}`);
  const retention: Retention = { spanTtlDays: cfg.spanTtlDays, metricTtlDays: cfg.metricTtlDays, metricRollupTtlDays: cfg.metricRollupTtlDays, lineageEventTtlDays: cfg.lineageEventTtlDays };
  // A ClickHouse server keeps its operator's durability settings (replicas, insert_quorum, fsync).
  const opts: AnalyticsOptions = { retention, batching, syncInserts: cfg.engine === 'chdb' };
  return guarded(() => (cfg.engine === 'chdb' ? acquireChdb(cfg, opts) : openServer(cfg, opts)));
}
