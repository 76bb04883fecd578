import { describe, expect, it } from 'vitest';
import type { SpanRow } from './spans.js';
import { summariseRows } from './trace-summary-rows.js';

const T = 'ab'.repeat(16);
const row = (span: string, parent: string, start: number, extra: Partial<SpanRow> = {}): SpanRow => ({
  trace_id: T, span_id: span, parent_span_id: parent, name: `n-${span}`, service_name: 'svc', status_code: 0,
  start_time: String(1_800_000_000_000_000_000n + BigInt(start)), end_time: String(1_800_000_000_000_000_000n + BigInt(start + 10)),
  is_llm: false, llm_input_tokens: 0, llm_output_tokens: 0, llm_cost_usd: 0, llm_request_model: '', llm_response_model: '',
  prompt_name: '', prompt_version: '', run_id: '', model_name: '', model_version: '', ...extra,
} as SpanRow);

describe('summariseRows', () => {
  it('follows TRACE_SUMMARY_SQL: dedup by span id, parentless earliest root, LLM sums, references', () => {
    const llm = { is_llm: true, llm_input_tokens: 100, llm_output_tokens: 7, llm_cost_usd: 0.5, llm_request_model: 'gpt-4o', llm_response_model: 'gpt-4o-2024' };
    const s = summariseRows(T, [
      row('c', 'a', 5, { ...llm, prompt_name: 'p', prompt_version: '2', status_code: 2 }),
      row('a', '', 3, { run_id: 'r1', model_name: 'm', model_version: '3' }),
      row('c', 'a', 5, { ...llm, prompt_name: 'p', prompt_version: '2', status_code: 2 }), // an exporter's retry
      row('b', 'a', 1, llm), // starts before the root but has a parent
      row('x', '', 0, { trace_id: 'cd'.repeat(16) }), // another trace
    ]);
    expect(s).toEqual({
      trace_id: T, start_ns: '1800000000000000001', end_ns: '1800000000000000015', span_count: 3, error_count: 1, llm_calls: 2,
      input_tokens: 200, output_tokens: 14, cost_usd: 1, root: ['a', 'n-a', 'svc'], models: ['gpt-4o', 'gpt-4o-2024'],
      prompts: [['p', '2']], run_ids: ['r1'], model_versions: [['m', '3']],
    });
  });

  it('is null for a trace without rows', () => {
    expect(summariseRows('ff'.repeat(16), [row('a', '', 0)])).toBeNull();
  });
});
