import { describe, expect, it } from 'vitest';
import { loomRefs, normaliseLlm } from './llm.js';
import { loadPriceTable } from './prices.js';
import type { Attrs } from './attributes.js';

const prices = loadPriceTable();
const llm = (span: Attrs, resource: Attrs = {}) => normaliseLlm(span, resource, prices);

describe('LLM attribute normalisation', () => {
  it('reads OTel GenAI semconv as @opentelemetry/instrumentation-openai emits it', () => {
    const span = {
      'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'gpt-4o-mini', 'gen_ai.system': 'openai',
      'gen_ai.request.temperature': 0.2, 'server.address': 'api.openai.com', 'server.port': 443,
      'gen_ai.response.id': 'chatcmpl-1', 'gen_ai.response.model': 'gpt-4o-mini-2024-07-18', 'gen_ai.response.finish_reasons': ['stop'],
      'gen_ai.usage.input_tokens': 1200, 'gen_ai.usage.output_tokens': 300,
    };
    expect(llm(span)).toEqual({
      isLlm: true, provider: 'openai', operation: 'chat', requestModel: 'gpt-4o-mini', responseModel: 'gpt-4o-mini-2024-07-18',
      inputTokens: 1200, outputTokens: 300, totalTokens: 1500, costUsd: (1200 * 0.15 + 300 * 0.6) / 1e6, promptName: '', promptVersion: '',
    });
  });

  it('prefers gen_ai.provider.name over the deprecated gen_ai.system, and reads the older prompt/completion token names', () => {
    const r = llm({
      'gen_ai.provider.name': 'anthropic', 'gen_ai.system': 'something-else', 'gen_ai.operation.name': 'chat',
      'gen_ai.request.model': 'claude-3-5-sonnet-20241022', 'gen_ai.usage.prompt_tokens': 2000, 'gen_ai.usage.completion_tokens': 100,
    });
    expect(r).toMatchObject({ provider: 'anthropic', requestModel: 'claude-3-5-sonnet-20241022', responseModel: '', inputTokens: 2000, outputTokens: 100 });
    expect(r.costUsd).toBeCloseTo((2000 * 3 + 100 * 15) / 1e6, 12);
  });

  it('does not count agent and tool spans as model calls', () => {
    expect(llm({ 'gen_ai.operation.name': 'invoke_agent', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 9000 })).toMatchObject({ isLlm: false, costUsd: 0 });
    expect(llm({ 'gen_ai.operation.name': 'execute_tool', 'gen_ai.tool.name': 'search' }).isLlm).toBe(false);
    expect(llm({ 'http.request.method': 'GET' })).toMatchObject({ isLlm: false, operation: '', requestModel: '', totalTokens: 0 });
  });

  it('reads OpenInference LLM spans (openinference-instrumentation-openai, LangChain, LlamaIndex)', () => {
    const span = {
      'openinference.span.kind': 'LLM', 'llm.model_name': 'gpt-4o-2024-08-06', 'llm.provider': 'openai', 'llm.system': 'openai',
      'llm.invocation_parameters': '{"model": "gpt-4o", "temperature": 0.1}',
      'llm.token_count.prompt': 18, 'llm.token_count.completion': 9, 'llm.token_count.total': 27,
      'llm.prompt_template.template': 'Answer {q}', 'llm.prompt_template.variables': '{"q": "why"}', 'llm.prompt_template.version': 'v3',
      'input.value': 'why', 'output.value': 'because',
    };
    expect(llm(span)).toEqual({
      isLlm: true, provider: 'openai', operation: 'chat', requestModel: 'gpt-4o-2024-08-06', responseModel: 'gpt-4o-2024-08-06',
      inputTokens: 18, outputTokens: 9, totalTokens: 27, costUsd: (18 * 2.5 + 9 * 10) / 1e6, promptName: '', promptVersion: 'v3',
    });
    // the model only in the invocation parameters
    expect(llm({ 'openinference.span.kind': 'LLM', 'llm.invocation_parameters': '{"model":"gpt-4.1-nano"}', 'llm.token_count.prompt': 10 }))
      .toMatchObject({ requestModel: 'gpt-4.1-nano', responseModel: '', inputTokens: 10 });
    expect(llm({ 'openinference.span.kind': 'EMBEDDING', 'embedding.model_name': 'x', 'llm.model_name': 'text-embedding-3-large', 'llm.token_count.prompt': 1e6 }))
      .toMatchObject({ isLlm: true, operation: 'embeddings', costUsd: 0.13 });
    // chains, retrievers, agents wrap calls: even with token totals they are not calls themselves
    expect(llm({ 'openinference.span.kind': 'CHAIN', 'llm.token_count.total': 27 }).isLlm).toBe(false);
    expect(llm({ 'openinference.span.kind': 'retriever' }).isLlm).toBe(false);
    // an explicit cost wins over the price table
    expect(llm({ 'openinference.span.kind': 'LLM', 'llm.model_name': 'gpt-4o', 'llm.token_count.prompt': 10, 'llm.cost.total': 0.5 }).costUsd).toBe(0.5);
    expect(llm({ 'openinference.span.kind': 'LLM', 'llm.model_name': 'gpt-4o', 'llm.cost.prompt': 0.25, 'llm.cost.completion': 0.5 }).costUsd).toBe(0.75);
  });

  it('reads OpenLLMetry / Traceloop spans, current and older attribute names', () => {
    const current = {
      'llm.request.type': 'chat', 'gen_ai.system': 'OpenAI', 'gen_ai.request.model': 'gpt-3.5-turbo', 'gen_ai.response.model': 'gpt-3.5-turbo-0125',
      'gen_ai.usage.prompt_tokens': 15, 'gen_ai.usage.completion_tokens': 20, 'llm.usage.total_tokens': 35,
      'gen_ai.prompt.0.role': 'user', 'gen_ai.prompt.0.content': 'Tell me a joke', 'traceloop.workflow.name': 'joke_generator',
      'traceloop.prompt.key': 'joke', 'traceloop.prompt.version': 3,
    };
    expect(llm(current)).toEqual({
      isLlm: true, provider: 'openai', operation: 'chat', requestModel: 'gpt-3.5-turbo', responseModel: 'gpt-3.5-turbo-0125',
      inputTokens: 15, outputTokens: 20, totalTokens: 35, costUsd: (15 * 0.5 + 20 * 1.5) / 1e6, promptName: 'joke', promptVersion: '3',
    });
    const older = {
      'llm.request.type': 'completion', 'llm.vendor': 'OpenAI', 'llm.request.model': 'gpt-4', 'llm.response.model': 'gpt-4-0613',
      'llm.usage.prompt_tokens': '100', 'llm.usage.completion_tokens': '10', 'llm.usage.total_tokens': '110',
    };
    expect(llm(older)).toMatchObject({
      isLlm: true, provider: 'openai', operation: 'text_completion', requestModel: 'gpt-4', responseModel: 'gpt-4-0613', inputTokens: 100, outputTokens: 10, totalTokens: 110,
    });
    expect(llm(older).costUsd).toBeCloseTo((100 * 30 + 10 * 60) / 1e6, 12);
    // workflow and task spans are wrappers
    expect(llm({ 'traceloop.span.kind': 'workflow', 'traceloop.entity.name': 'joke_generator', 'gen_ai.request.model': 'gpt-4o', 'llm.usage.total_tokens': 35 }).isLlm).toBe(false);
  });

  it('infers a call from a model and token usage without any operation attribute', () => {
    expect(llm({ 'gen_ai.request.model': 'mistral-small-latest', 'gen_ai.usage.input_tokens': 1_000_000 })).toMatchObject({ isLlm: true, operation: 'chat', costUsd: 0.2 });
    expect(llm({ 'gen_ai.request.model': 'my-finetune' })).toMatchObject({ isLlm: false });
    expect(llm({ 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': 'unpriced-model', 'gen_ai.usage.input_tokens': 10 })).toMatchObject({ isLlm: true, costUsd: 0 });
  });

  it("takes Loom's prompt attributes first, from the span or its resource", () => {
    const span = { 'gen_ai.operation.name': 'chat', 'traceloop.prompt.key': 'joke', 'traceloop.prompt.version': 3 };
    expect(llm(span, { 'loom.prompt.name': 'support-answer', 'loom.prompt.version': '2' })).toMatchObject({ promptName: 'support-answer', promptVersion: '2' });
    expect(llm({ ...span, 'loom.prompt.name': 'from-span', 'loom.prompt.version': 7 }, { 'loom.prompt.name': 'from-resource' })).toMatchObject({ promptName: 'from-span', promptVersion: '7' });
  });

  it('finds the run and registered model version a span names', () => {
    expect(loomRefs({ 'loom.model.name': 'churn', 'loom.model.version': 3 }, { 'loom.run.id': 'r-1', 'loom.model.name': 'other' }))
      .toEqual({ runId: 'r-1', modelName: 'churn', modelVersion: '3' });
    expect(loomRefs({}, {})).toEqual({ runId: '', modelName: '', modelVersion: '' });
  });
});
