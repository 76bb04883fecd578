/**
 * A prompt or model version's LLM calls as evaluation examples (pure): each call's messages as the input,
 * its answer as the prediction (no reference: production traffic has none; an LLM judge grades it on
 * reference-free criteria such as relevance or helpfulness), and what the trace measured of it as scores.
 */
import type { Sql } from '../telemetry/metrics-queries.js';
import { llmTextOf } from '../telemetry/llm-messages.js';

export interface TraceSelection {
  /** prompt_name/prompt_version, or model_name/model_version columns of the spans. */
  by: 'prompt' | 'model';
  name: string;
  version: string;
  service: string | null;
  fromMs: number;
  toMs: number;
  limit: number;
  /** Calls skipped (newest first): the next page of calls. */
  offset?: number;
}

export interface CallRow {
  trace_id: string; span_id: string; attributes: Record<string, string>; event_names: string[]; event_attributes: Record<string, string>[];
  duration_ns: string | number; status_code: string; llm_total_tokens: string | number; llm_cost_usd: number;
}

/** The newest LLM calls of the version in the range (deduplicated spans). */
export function callsQuery(sel: TraceSelection): Sql {
  const [nameCol, versionCol] = sel.by === 'prompt' ? ['prompt_name', 'prompt_version'] : ['model_name', 'model_version'];
  return {
    sql: `SELECT trace_id, span_id, attributes, events.name AS event_names, events.attributes AS event_attributes,
  duration_ns, toString(status_code) AS status_code, llm_total_tokens, llm_cost_usd
FROM spans FINAL
WHERE tenant_id = {tenant:String} AND is_llm
  AND start_time >= fromUnixTimestamp64Milli({fromMs:Int64}) AND start_time < fromUnixTimestamp64Milli({toMs:Int64})
  AND ${nameCol} = {name:String} AND ${versionCol} = {version:String}${sel.service ? '\n  AND service_name = {service:String}' : ''}
ORDER BY start_time DESC, trace_id, span_id
LIMIT {limit:UInt32} OFFSET {offset:UInt32}`,
    params: { fromMs: sel.fromMs, toMs: sel.toMs, name: sel.name, version: sel.version, service: sel.service ?? '', limit: sel.limit, offset: sel.offset ?? 0 },
  };
}

export interface CallExample { id: string; traceId: string; input: string; prediction: string; reference: string; scores: Record<string, number> }

/** The calls whose answer was recorded, as examples (`<trace id>/<span id>`), and how many were left out for want of one. */
export function callExamples(rows: readonly CallRow[]): { examples: CallExample[]; withoutText: number } {
  const examples: CallExample[] = [];
  for (const r of rows) {
    const text = llmTextOf(r.attributes, r.event_names.map((name, i) => ({ name, attributes: r.event_attributes[i] ?? {} })));
    if (!text.output) continue;
    examples.push({
      id: `${r.trace_id}/${r.span_id}`, traceId: r.trace_id, input: text.input, prediction: text.output, reference: '',
      scores: { latency_ms: Number(r.duration_ns) / 1e6, error: r.status_code === 'ERROR' ? 1 : 0, tokens: Number(r.llm_total_tokens), cost_usd: Number(r.llm_cost_usd) },
    });
  }
  return { examples, withoutText: rows.length - examples.length };
}

/** What the traces measured, over the examples: mean latency, error rate, mean tokens and cost. */
export function callMetrics(examples: readonly CallExample[]): Record<string, number> {
  const mean = (k: string) => examples.reduce((a, e) => a + e.scores[k], 0) / examples.length;
  return { latency_ms: mean('latency_ms'), error_rate: mean('error'), tokens: mean('tokens'), cost_usd: mean('cost_usd') };
}
