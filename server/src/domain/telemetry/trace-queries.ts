/**
 * The ClickHouse reads behind the trace API, as pure builders (SQL text + parameters; the tenant is
 * always bound by Analytics.query as {tenant:String}). Every value is a server-side parameter.
 */
export interface Sql { sql: string; params: Record<string, unknown> }

export interface TraceFilter {
  service?: string; model?: string; promptName?: string; promptVersion?: string;
  status?: 'OK' | 'ERROR';
  /** Unix nanoseconds (decimal): traces that started at or after / before. */
  fromNs?: string; toNs?: string;
}
export interface Cursor { startNs: string; traceId: string }

export type UsageGroup = 'MODEL' | 'PROMPT_VERSION' | 'TIME_BUCKET';

const ns = (name: string) => `fromUnixTimestamp64Nano({${name}:Int64})`;

const TRACE_COLUMNS = `trace_id, toString(toUnixTimestamp64Nano(start_time)) AS start_ns, toString(toUnixTimestamp64Nano(end_time)) AS end_ns,
  duration_ns, service_name, root_span_id, root_span_name, span_count, error_count, llm_calls, input_tokens, output_tokens, cost_usd,
  models, prompts, run_ids, model_versions`;

/** Traces newest first (keyset pagination on (start, trace id)); asks for one more row than `first` to know if there is a next page. */
export function traceListQuery(f: TraceFilter, first: number, after: Cursor | null): Sql {
  const where = ['tenant_id = {tenant:String}'];
  const params: Record<string, unknown> = { limit: first + 1 };
  const add = (cond: string, values: Record<string, unknown>) => { where.push(cond); Object.assign(params, values); };
  if (f.service) add('service_name = {service:String}', { service: f.service });
  if (f.model) add('has(models, {model:String})', { model: f.model });
  if (f.promptName) {
    const version = f.promptVersion ? ' AND p.2 = {promptVersion:String}' : '';
    add(`arrayExists(p -> p.1 = {promptName:String}${version}, prompts)`, { promptName: f.promptName, ...(f.promptVersion ? { promptVersion: f.promptVersion } : {}) });
  } else if (f.promptVersion) {
    add('arrayExists(p -> p.2 = {promptVersion:String}, prompts)', { promptVersion: f.promptVersion });
  }
  if (f.status) where.push(f.status === 'ERROR' ? 'error_count > 0' : 'error_count = 0');
  if (f.fromNs) add(`start_time >= ${ns('fromNs')}`, { fromNs: f.fromNs });
  if (f.toNs) add(`start_time < ${ns('toNs')}`, { toNs: f.toNs });
  if (after) add(`(start_time, trace_id) < (${ns('afterNs')}, {afterId:String})`, { afterNs: after.startNs, afterId: after.traceId });
  return {
    sql: `SELECT ${TRACE_COLUMNS}\nFROM traces FINAL\nWHERE ${where.join('\n  AND ')}\nORDER BY start_time DESC, trace_id DESC\nLIMIT {limit:UInt32}`,
    params,
  };
}

/** One trace's stored summary (its newest version). */
export function traceSummaryQuery(traceId: string): Sql {
  return {
    sql: `SELECT ${TRACE_COLUMNS}\nFROM traces\nPREWHERE tenant_id = {tenant:String} AND trace_id = {traceId:String}\nORDER BY updated_at DESC\nLIMIT 1`,
    params: { traceId },
  };
}

/** The wide parts of a span (maps and nested lists), read only when asked for: the rest of a span is a few narrow columns. */
export type SpanDetail = 'attributes' | 'resourceAttributes' | 'events' | 'links';
export const SPAN_DETAILS: ReadonlySet<SpanDetail> = new Set(['attributes', 'resourceAttributes', 'events', 'links']);
const DETAIL_COLUMNS: Record<SpanDetail, string> = {
  attributes: 'attributes, attribute_types',
  resourceAttributes: 'resource_attributes',
  events: 'arrayMap(t -> toString(toUnixTimestamp64Nano(t)), events.time) AS event_times, events.name AS event_names, events.attributes AS event_attributes',
  links: 'links.trace_id AS link_trace_ids, links.span_id AS link_span_ids, links.attributes AS link_attributes',
};

/**
 * One trace's spans in start order (at most `limit`), deduplicated by span id (LIMIT BY, not FINAL:
 * PREWHERE then reads the wide attribute columns of the trace's rows only).
 *
 * The trace's time range comes first from its `traces` summary (a point read: that table is not
 * partitioned), so the span read touches only the parts whose start_time range holds it instead of
 * one granule in every daily part (36 parts at 10M spans over 14 days: p50 32 → 17 ms, p99 113 →
 * 59 ms measured on cold trace ids; bench/otlp-lookup.ts). The summary follows the acknowledged
 * spans within a summary cycle (TraceRollup), so its [min start, max end] holds every span but those
 * of the last fraction of a second; an hour either side covers those too unless a late span lies
 * more than an hour outside the trace so far, which then shows once the summary is rewritten
 * (pruning stays: parts are daily). With no summary (not written yet, or expired) the range is unbounded.
 *
 * `details`: the wide parts of a span to read (SPAN_DETAILS, all by default). A waterfall needs none of
 * them; leaving them out took a lookup over 10M spans from p50 21-23 / p99 29-31 ms to 13-15 / 19-22
 * (bench/RESULTS.md, session 21).
 */
export function traceSpansQuery(traceId: string, limit: number, details: ReadonlySet<SpanDetail> = SPAN_DETAILS): Sql {
  const wide = [...SPAN_DETAILS].filter((d) => details.has(d)).map((d) => `,\n  ${DETAIL_COLUMNS[d]}`).join('');
  return {
    sql: spansOfTrace(`span_id, parent_span_id, name, kind, status_code, status_message,
  toString(toUnixTimestamp64Nano(start_time)) AS start_ns, toString(toUnixTimestamp64Nano(end_time)) AS end_ns, duration_ns,
  service_name, scope_name, scope_version,
  is_llm, llm_provider, llm_operation, llm_request_model, llm_response_model, llm_input_tokens, llm_output_tokens, llm_total_tokens,
  llm_cost_usd, prompt_name, prompt_version, run_id, model_name, model_version${wide}`, '', '\nLIMIT {limit:UInt32}'),
    params: { traceId, limit },
  };
}

/** The wide parts of some of a trace's spans, by span id (what traceSpansQuery left out for a waterfall), read as it reads them. */
export function spanDetailsQuery(traceId: string, spanIds: readonly string[]): Sql {
  return {
    sql: spansOfTrace(`span_id, ${[...SPAN_DETAILS].map((d) => DETAIL_COLUMNS[d]).join(',\n  ')}`, ' AND span_id IN {spanIds:Array(String)}', ''),
    params: { traceId, spanIds },
  };
}

/** A trace's spans (`columns`), bounded by its summary's time range and deduplicated by span id, in start order (see traceSpansQuery). */
function spansOfTrace(columns: string, prewhere: string, tail: string): string {
  return `WITH (
  SELECT if(count() = 0, (toDateTime64(0, 9, 'UTC'), toDateTime64('2261-12-31 00:00:00', 9, 'UTC')), (min(start_time), max(end_time)))
  FROM traces PREWHERE tenant_id = {tenant:String} AND trace_id = {traceId:String}
) AS trace_range
SELECT ${columns}
FROM spans
PREWHERE tenant_id = {tenant:String} AND trace_id = {traceId:String}${prewhere}
WHERE start_time BETWEEN trace_range.1 - INTERVAL 1 HOUR AND trace_range.2 + INTERVAL 1 HOUR
ORDER BY start_time, span_id
LIMIT 1 BY span_id${tail}`;
}

const USAGE_KEYS: Record<UsageGroup, string> = {
  MODEL: "if(llm_request_model != '', llm_request_model, llm_response_model) AS model",
  PROMPT_VERSION: 'prompt_name, prompt_version',
  TIME_BUCKET: 'toUnixTimestamp(toStartOfInterval(start_time, INTERVAL {bucketSeconds:UInt32} SECOND)) AS bucket_s',
};
const USAGE_GROUP_BY: Record<UsageGroup, string> = { MODEL: 'model', PROMPT_VERSION: 'prompt_name, prompt_version', TIME_BUCKET: 'bucket_s' };
const USAGE_ORDER: Record<UsageGroup, string> = { MODEL: 'cost_usd DESC, calls DESC, model', PROMPT_VERSION: 'cost_usd DESC, calls DESC, prompt_name, prompt_version', TIME_BUCKET: 'bucket_s' };

/**
 * Calls, tokens, cost and latency quantiles of LLM calls started in [from, to), grouped. FINAL
 * (retried spans counted once) without merging across partitions: copies of a span share its start
 * day, so they always share a partition.
 */
export function llmUsageQuery(groupBy: UsageGroup, fromNs: string, toNs: string, bucketSeconds: number, service: string | undefined, limit: number): Sql {
  const params: Record<string, unknown> = { fromNs, toNs, limit };
  if (groupBy === 'TIME_BUCKET') params.bucketSeconds = bucketSeconds;
  if (service) params.service = service;
  return {
    sql: `SELECT ${USAGE_KEYS[groupBy]},
  count() AS calls, sum(llm_input_tokens) AS input_tokens, sum(llm_output_tokens) AS output_tokens, sum(llm_total_tokens) AS total_tokens,
  sum(llm_cost_usd) AS cost_usd, quantiles(0.5, 0.99)(duration_ns) AS latency_ns
FROM spans FINAL
WHERE tenant_id = {tenant:String} AND is_llm
  AND start_time >= ${ns('fromNs')} AND start_time < ${ns('toNs')}${service ? '\n  AND service_name = {service:String}' : ''}
GROUP BY ${USAGE_GROUP_BY[groupBy]}
ORDER BY ${USAGE_ORDER[groupBy]}
LIMIT {limit:UInt32}
SETTINGS do_not_merge_across_partitions_select_final = 1`,
    params,
  };
}
