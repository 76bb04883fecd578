/**
 * The summary of a brand-new trace, computed from the span rows of the exports that named it, with the
 * same rules as TRACE_SUMMARY_SQL (spans deduplicated by span id; root = the earliest span without a
 * parent; at most MAX_REFS distinct references). Used only for traces no earlier cycle has seen and
 * the graph has no node for: their spans are all in hand, so reading them back from ClickHouse (the
 * embedded one runs one query at a time, in the ingest's lane) would add nothing.
 */
import type { SpanRow } from './spans.js';
import { MAX_REFS, type TraceSummary } from './trace-summary.js';

/** What a summary reads of a span row (the rollup keeps only this of the rows it waits to summarise). */
export const summaryFields = (r: SpanRow) => ({
  trace_id: r.trace_id, span_id: r.span_id, parent_span_id: r.parent_span_id, name: r.name, service_name: r.service_name,
  start_time: r.start_time, end_time: r.end_time, status_code: r.status_code, is_llm: r.is_llm,
  llm_input_tokens: r.llm_input_tokens, llm_output_tokens: r.llm_output_tokens, llm_cost_usd: r.llm_cost_usd,
  llm_request_model: r.llm_request_model, llm_response_model: r.llm_response_model, prompt_name: r.prompt_name,
  prompt_version: r.prompt_version, run_id: r.run_id, model_name: r.model_name, model_version: r.model_version,
});
export type SummaryRow = ReturnType<typeof summaryFields>;

/** Enum8 'ERROR' of the spans table. */
const STATUS_ERROR = 2;

class Uniq<T> {
  private readonly seen = new Map<string, T>();
  add(key: string, value: T): void {
    if (this.seen.size < MAX_REFS && !this.seen.has(key)) this.seen.set(key, value);
  }
  values(): T[] {
    return [...this.seen.values()];
  }
}

export function summariseRows(traceId: string, rows: readonly SummaryRow[]): TraceSummary | null {
  const spans = new Map<string, SummaryRow>();
  for (const r of rows) if (r.trace_id === traceId && !spans.has(r.span_id)) spans.set(r.span_id, r);
  if (!spans.size) return null;
  let start: bigint | null = null;
  let end: bigint | null = null;
  let root: SummaryRow | null = null;
  let [errors, calls, input, output, cost] = [0, 0, 0, 0, 0];
  const [models, prompts, runs, versions] = [new Uniq<string>(), new Uniq<[string, string]>(), new Uniq<string>(), new Uniq<[string, string]>()];
  for (const s of spans.values()) {
    const [from, to] = [BigInt(s.start_time), BigInt(s.end_time)];
    if (start === null || from < start) start = from;
    if (end === null || to > end) end = to;
    if (!root || rootRank(s) < rootRank(root)) root = s;
    if (s.status_code === STATUS_ERROR) errors++;
    if (s.is_llm) {
      calls++;
      input += s.llm_input_tokens;
      output += s.llm_output_tokens;
      cost += s.llm_cost_usd;
      for (const m of [s.llm_request_model, s.llm_response_model]) if (m) models.add(m, m);
    }
    if (s.prompt_name) prompts.add(JSON.stringify([s.prompt_name, s.prompt_version]), [s.prompt_name, s.prompt_version]);
    if (s.run_id) runs.add(s.run_id, s.run_id);
    if (s.model_name && s.model_version) versions.add(JSON.stringify([s.model_name, s.model_version]), [s.model_name, s.model_version]);
  }
  return {
    trace_id: traceId, start_ns: String(start), end_ns: String(end),
    span_count: spans.size, error_count: errors, llm_calls: calls, input_tokens: input, output_tokens: output, cost_usd: cost,
    root: [root!.span_id, root!.name, root!.service_name],
    models: models.values(), prompts: prompts.values(), run_ids: runs.values(), model_versions: versions.values(),
  };
}

/** argMin(…, tuple(parent_span_id != '', start_time)): parentless first, then the earliest (fixed-width, so strings compare). */
function rootRank(s: SummaryRow): string {
  return `${s.parent_span_id === '' ? 0 : 1}:${BigInt(s.start_time).toString().padStart(24, '0')}`;
}
