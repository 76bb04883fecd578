import type { Analytics } from '../ports/Analytics.js';
import { badInput } from '../errors.js';
import { fromTypedMap, storedToAttrs, type Attrs } from './attributes.js';
import { normaliseId } from './spans.js';
import { nsToIso } from './trace-summary.js';
import { waterfall, type TreePlacement } from './trace-tree.js';
import { msToNs } from './metrics-range.js';
import {
  llmUsageQuery, SPAN_DETAILS, spanDetailsQuery, traceListQuery, traceSpansQuery, traceSummaryQuery, type Cursor, type SpanDetail, type TraceFilter, type UsageGroup,
} from './trace-queries.js';

export interface TraceListItem {
  traceId: string; service: string; rootSpanId: string; rootSpanName: string;
  start: string; end: string; durationMs: number;
  spanCount: number; errorCount: number; error: boolean; llmCalls: number; inputTokens: number; outputTokens: number; costUsd: number;
  models: string[]; prompts: { name: string; version: string }[]; runIds: string[]; modelVersions: { name: string; version: string }[];
}
export interface TracePage { edges: { cursor: string; node: TraceListItem }[]; hasNextPage: boolean; endCursor: string | null }

export interface LlmCall {
  provider: string; operation: string; requestModel: string; responseModel: string;
  inputTokens: number; outputTokens: number; totalTokens: number; costUsd: number; promptName: string; promptVersion: string;
}
export interface SpanView extends TreePlacement, SpanWideParts {
  spanId: string; parentSpanId: string | null; name: string; kind: string; service: string; scope: string;
  start: string; end: string; statusCode: string; statusMessage: string;
  llm: LlmCall | null; runId: string | null;
}
/** A span's wide parts: those `get` was not asked for are absent (its `details`). */
export interface SpanWideParts {
  attributes?: Attrs; resourceAttributes?: Attrs;
  events?: { time: string; name: string; attributes: Attrs }[];
  links?: { traceId: string; spanId: string; attributes: Attrs }[];
}
export interface TraceView { summary: TraceListItem; spans: SpanView[]; truncated: boolean }
export type SpanDetails = { spanId: string } & Required<SpanWideParts>;

export interface UsageRow {
  model: string | null; promptName: string | null; promptVersion: string | null; bucketStart: string | null;
  calls: number; inputTokens: number; outputTokens: number; totalTokens: number; costUsd: number;
  latencyP50Ms: number; latencyP99Ms: number;
}

export const MAX_TRACE_SPANS = 10_000;
/** Most spans one spanDetails read takes. */
export const MAX_DETAIL_SPANS = 100;
const MAX_USAGE_ROWS = 10_000;
const DAY_MS = 86_400_000;

type Row = Record<string, any>;
const n = (v: unknown) => Number(v ?? 0);
const isoToNs = (iso: string, field: string) => {
  const ms = Date.parse(iso);
  if (Number.isNaN(ms)) throw badInput(field, 'must be a date-time');
  return msToNs(ms);
};

function listItem(r: Row): TraceListItem {
  return {
    traceId: r.trace_id, service: r.service_name, rootSpanId: r.root_span_id, rootSpanName: r.root_span_name,
    start: nsToIso(r.start_ns), end: nsToIso(r.end_ns), durationMs: n(r.duration_ns) / 1e6,
    spanCount: n(r.span_count), errorCount: n(r.error_count), error: n(r.error_count) > 0, llmCalls: n(r.llm_calls),
    inputTokens: n(r.input_tokens), outputTokens: n(r.output_tokens), costUsd: n(r.cost_usd),
    models: r.models, prompts: r.prompts, runIds: r.run_ids, modelVersions: r.model_versions,
  };
}

const encodeCursor = (r: Row) => Buffer.from(`${r.start_ns}:${r.trace_id}`).toString('base64url');
function decodeCursor(after: string): Cursor {
  const m = /^(\d{1,20}):([0-9a-f]{32})$/.exec(Buffer.from(after, 'base64url').toString('utf8'));
  if (!m) throw badInput('after', 'not a cursor returned by this list');
  return { startNs: m[1], traceId: m[2] };
}

function spanView(r: Row, placement: TreePlacement, details: ReadonlySet<SpanDetail>): SpanView {
  const llm: LlmCall | null = r.is_llm ? {
    provider: r.llm_provider, operation: r.llm_operation, requestModel: r.llm_request_model, responseModel: r.llm_response_model,
    inputTokens: n(r.llm_input_tokens), outputTokens: n(r.llm_output_tokens), totalTokens: n(r.llm_total_tokens),
    costUsd: n(r.llm_cost_usd), promptName: r.prompt_name, promptVersion: r.prompt_version,
  } : null;
  return {
    ...placement, spanId: r.span_id, parentSpanId: r.parent_span_id || null, name: r.name, kind: r.kind, service: r.service_name,
    scope: r.scope_name, start: nsToIso(r.start_ns), end: nsToIso(r.end_ns), statusCode: r.status_code, statusMessage: r.status_message,
    llm, runId: r.run_id || null, ...wideParts(r, details),
  };
}

/** A trace id argument as stored (lowercase hex), or a BAD_USER_INPUT naming `traceId`. */
function traceIdOf(traceId: string): string {
  const id = normaliseId(traceId, 16);
  if (!id) throw badInput('traceId', 'must be 32 hex digits, not all zero');
  return id;
}

function wideParts(r: Row, details: ReadonlySet<SpanDetail>): SpanWideParts {
  return {
    ...(details.has('attributes') && { attributes: storedToAttrs(r.attributes, r.attribute_types) }),
    ...(details.has('resourceAttributes') && { resourceAttributes: fromTypedMap(r.resource_attributes) }),
    ...(details.has('events') && { events: (r.event_times as string[]).map((t, i) => ({ time: nsToIso(t), name: r.event_names[i], attributes: fromTypedMap(r.event_attributes[i]) })) }),
    ...(details.has('links') && { links: (r.link_trace_ids as string[]).map((t, i) => ({ traceId: t, spanId: r.link_span_ids[i], attributes: fromTypedMap(r.link_attributes[i]) })) }),
  };
}

/** Read side of tracing: trace lists, one trace as a waterfall, LLM usage rollups. Tenant-scoped by Analytics.query. */
export class TraceQueryService {
  constructor(private readonly analytics: Analytics) {}

  async list(tenant: string, filter: { service?: string; model?: string; promptName?: string; promptVersion?: string; status?: 'OK' | 'ERROR'; from?: string; to?: string }, first: number, after?: string): Promise<TracePage> {
    if (!Number.isInteger(first) || first < 1 || first > 200) throw badInput('first', 'must be an integer 1..200');
    const f: TraceFilter = { ...filter, fromNs: filter.from ? isoToNs(filter.from, 'filter.from') : undefined, toNs: filter.to ? isoToNs(filter.to, 'filter.to') : undefined };
    if (f.fromNs && f.toNs && BigInt(f.fromNs) >= BigInt(f.toNs)) throw badInput('filter.to', 'must be after filter.from');
    const q = traceListQuery(f, first, after ? decodeCursor(after) : null);
    const rows = await this.analytics.query<Row>(tenant, q.sql, q.params);
    const page = rows.slice(0, first);
    const edges = page.map((r) => ({ cursor: encodeCursor(r), node: listItem(r) }));
    return { edges, hasNextPage: rows.length > first, endCursor: edges.at(-1)?.cursor ?? null };
  }

  /** `details`: the wide parts of each span to read (all by default); a waterfall needs none (trace-queries.ts). */
  async get(tenant: string, traceId: string, details: ReadonlySet<SpanDetail> = SPAN_DETAILS): Promise<TraceView | null> {
    const id = traceIdOf(traceId);
    // One read: spans are sorted by trace id, so a trace is one primary-key range (in each day's partition).
    const q = traceSpansQuery(id, MAX_TRACE_SPANS + 1, details);
    const rows = await this.analytics.query<Row>(tenant, q.sql, q.params);
    if (!rows.length) return null;
    const truncated = rows.length > MAX_TRACE_SPANS;
    const kept = rows.slice(0, MAX_TRACE_SPANS);
    const placed = waterfall(kept.map((r) => ({ spanId: r.span_id, parentSpanId: r.parent_span_id, startNs: r.start_ns, endNs: r.end_ns, row: r })));
    // Beyond the span cap the stored summary covers what the spans shown do not.
    const summary = truncated ? traceSummaryQuery(id) : null;
    const stored = summary ? (await this.analytics.query<Row>(tenant, summary.sql, summary.params))[0] : undefined;
    return {
      summary: stored ? listItem(stored) : summaryOf(id, kept),
      spans: placed.map(({ span, placement }) => spanView(span.row, placement, details)),
      truncated,
    };
  }

  /**
   * The wide parts of some of a trace's spans (at most MAX_DETAIL_SPANS ids), in start order: what a
   * waterfall read without (`get` with no `details`). Ids the trace does not hold are left out.
   */
  async spanDetails(tenant: string, traceId: string, spanIds: readonly string[]): Promise<SpanDetails[]> {
    const id = traceIdOf(traceId);
    if (spanIds.length === 0 || spanIds.length > MAX_DETAIL_SPANS) throw badInput('spanIds', `must hold 1 to ${MAX_DETAIL_SPANS} span ids`);
    const ids = spanIds.map((s, i) => {
      const hex = normaliseId(s, 8);
      if (!hex) throw badInput(`spanIds[${i}]`, 'must be 16 hex digits, not all zero');
      return hex;
    });
    const q = spanDetailsQuery(id, [...new Set(ids)]);
    const rows = await this.analytics.query<Row>(tenant, q.sql, q.params);
    return rows.map((r) => ({ spanId: r.span_id, ...wideParts(r, SPAN_DETAILS) }) as SpanDetails);
  }

  async llmUsage(tenant: string, groupBy: UsageGroup, bucketSeconds: number, from: string | undefined, to: string | undefined, service?: string): Promise<UsageRow[]> {
    const toMs = to ? Date.parse(to) : Date.now();
    const fromMs = from ? Date.parse(from) : toMs - DAY_MS;
    if (Number.isNaN(fromMs)) throw badInput('from', 'must be a date-time');
    if (Number.isNaN(toMs)) throw badInput('to', 'must be a date-time');
    if (fromMs >= toMs) throw badInput('to', 'must be after from');
    if (!Number.isInteger(bucketSeconds) || bucketSeconds < 1) throw badInput('bucket', 'must be a positive number of seconds');
    if (groupBy === 'TIME_BUCKET' && (toMs - fromMs) / 1000 / bucketSeconds > MAX_USAGE_ROWS) {
      throw badInput('bucket', `too small for the range: at most ${MAX_USAGE_ROWS} buckets`);
    }
    const q = llmUsageQuery(groupBy, msToNs(fromMs), msToNs(toMs), bucketSeconds, service, MAX_USAGE_ROWS);
    const rows = await this.analytics.query<Row>(tenant, q.sql, q.params);
    return rows.map((r) => ({
      model: groupBy === 'MODEL' ? r.model : null,
      promptName: groupBy === 'PROMPT_VERSION' ? r.prompt_name : null,
      promptVersion: groupBy === 'PROMPT_VERSION' ? r.prompt_version : null,
      bucketStart: groupBy === 'TIME_BUCKET' ? new Date(n(r.bucket_s) * 1000).toISOString() : null,
      calls: n(r.calls), inputTokens: n(r.input_tokens), outputTokens: n(r.output_tokens), totalTokens: n(r.total_tokens), costUsd: n(r.cost_usd),
      latencyP50Ms: n(r.latency_ns?.[0]) / 1e6, latencyP99Ms: n(r.latency_ns?.[1]) / 1e6,
    }));
  }
}

/** A trace's summary from its spans (the same rules as the stored summary, trace-summary.ts). */
function summaryOf(traceId: string, rows: Row[]): TraceListItem {
  const ns = (v: string) => BigInt(v);
  const start = rows.reduce((m, r) => (ns(r.start_ns) < ns(m) ? r.start_ns : m), rows[0].start_ns as string);
  const end = rows.reduce((m, r) => (ns(r.end_ns) > ns(m) ? r.end_ns : m), rows[0].end_ns as string);
  const root = rows.find((r) => !r.parent_span_id) ?? rows[0]; // rows are in start order
  const llm = rows.filter((r) => r.is_llm);
  const errors = rows.filter((r) => r.status_code === 'ERROR').length;
  const pairs = (list: [string, string][]) => [...new Map(list.map(([name, version]) => [`${name}\u0000${version}`, { name, version }])).values()];
  return {
    traceId, service: root.service_name, rootSpanId: root.span_id, rootSpanName: root.name, start: nsToIso(start), end: nsToIso(end),
    durationMs: Number(ns(end) - ns(start)) / 1e6, spanCount: rows.length, errorCount: errors, error: errors > 0,
    llmCalls: llm.length, inputTokens: llm.reduce((a, r) => a + n(r.llm_input_tokens), 0), outputTokens: llm.reduce((a, r) => a + n(r.llm_output_tokens), 0),
    costUsd: llm.reduce((a, r) => a + n(r.llm_cost_usd), 0),
    models: [...new Set(llm.flatMap((r) => [r.llm_request_model, r.llm_response_model]).filter(Boolean))].sort(),
    prompts: pairs(rows.filter((r) => r.prompt_name).map((r) => [r.prompt_name, r.prompt_version])),
    runIds: [...new Set(rows.map((r) => r.run_id).filter(Boolean))],
    modelVersions: pairs(rows.filter((r) => r.model_name && r.model_version).map((r) => [r.model_name, r.model_version])),
  };
}
