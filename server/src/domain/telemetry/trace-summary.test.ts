import { describe, expect, it } from 'vitest';
import { traceGraphBatch, traceRow, type TraceSummary } from './trace-summary.js';

const summary: TraceSummary = {
  trace_id: 'ab'.repeat(16), start_ns: '1795339491927000000', end_ns: '1795339492427000000',
  span_count: '4', error_count: '1', llm_calls: '2', input_tokens: '1200', output_tokens: '300', cost_usd: 0.0036,
  root: ['cd'.repeat(8), 'POST /predict', 'churn-api'],
  models: ['gpt-4o-mini-2024-07-18', 'gpt-4o-mini'], prompts: [['support-answer', '2'], ['draft', '']], run_ids: ['r-1'], model_versions: [['churn', '3']],
};

describe('trace summaries', () => {
  it('become a Trace node keyed by trace id, linked only to the nodes that exist', () => {
    const batch = traceGraphBatch([summary], new Set(['run:r-1', 'prompt:registry:support-answer@2']));
    expect(batch.nodes).toEqual([{
      id: `trace:${'ab'.repeat(16)}`, kind: 'Trace', namespace: 'churn-api', name: 'POST /predict',
      props: {
        traceId: 'ab'.repeat(16), service: 'churn-api', rootSpan: 'POST /predict', rootSpanId: 'cd'.repeat(8),
        start: '2026-11-22T09:24:51.927Z', end: '2026-11-22T09:24:52.427Z', durationMs: 500, spanCount: 4, errorCount: 1, error: true,
        llmCalls: 2, inputTokens: 1200, outputTokens: 300, totalTokens: 1500, costUsd: 0.0036,
        models: ['gpt-4o-mini', 'gpt-4o-mini-2024-07-18'], prompts: ['draft', 'support-answer@2'], runIds: ['r-1'], modelVersions: ['churn@3'],
      },
    }]);
    // the model version does not exist: no SERVED edge; a prompt without version cannot name a PromptVersion
    expect(batch.edges).toEqual([
      { kind: 'TRACED', from: 'run:r-1', to: `trace:${'ab'.repeat(16)}`, validFrom: '2026-11-22T09:24:51.927Z' },
      { kind: 'PROMPTED', from: 'prompt:registry:support-answer@2', to: `trace:${'ab'.repeat(16)}`, validFrom: '2026-11-22T09:24:51.927Z' },
    ]);
  });

  it('become a traces row versioned for replacement', () => {
    expect(traceRow('acme', summary, '1795339492500000')).toMatchObject({
      tenant_id: 'acme', trace_id: 'ab'.repeat(16), start_time: '1795339491927000000', end_time: '1795339492427000000', duration_ns: 500_000_000,
      service_name: 'churn-api', root_span_name: 'POST /predict', span_count: 4, input_tokens: 1200, updated_at: '1795339492500000',
      prompts: [{ name: 'support-answer', version: '2' }, { name: 'draft', version: '' }], model_versions: [{ name: 'churn', version: '3' }],
    });
  });
});
