/**
 * ~30 requests of the customer-success app's `POST /v1/explain` as one OTLP/JSON trace export
 * (pure): root span, churn-classifier prediction (loom.model.*), prompt rendering (loom.prompt.*),
 * an OpenAI chat call (gen_ai.* with tokens), and for v3 traffic a support-ticket lookup. Three
 * requests fail (two rate limits, one timeout). Times fall in the 23 hours before `now`.
 */
import type { OtlpExportTraceRequest, OtlpSpan as Span } from '../../domain/telemetry/otlp.types.js';
import { DEMO_MODEL, DEMO_PROMPT, hexId, MIN_MS, msToNanos, seeded } from './common.js';

export const TRACE_COUNT = 30;
/** Requests that fail, and how. */
const FAILURES: Record<number, { status: number; type: string; message: string }> = {
  5: { status: 429, type: 'openai.RateLimitError', message: 'Error code: 429 - Rate limit reached for gpt-4o-mini on tokens per min (TPM): Limit 200000, Used 199412' },
  17: { status: 429, type: 'openai.RateLimitError', message: 'Error code: 429 - Rate limit reached for gpt-4o-mini on requests per min (RPM): Limit 5000' },
  26: { status: 504, type: 'openai.APITimeoutError', message: 'Request timed out after 30.0 s' },
};

type AttrValue = string | number | boolean | string[];

const attr = (key: string, v: AttrValue) => ({
  key,
  value: Array.isArray(v) ? { arrayValue: { values: v.map((s) => ({ stringValue: s })) } }
    : typeof v === 'string' ? { stringValue: v } : typeof v === 'boolean' ? { boolValue: v }
      : Number.isInteger(v) ? { intValue: String(v) } : { doubleValue: v },
});
const attrs = (o: Record<string, AttrValue>) => Object.entries(o).map(([k, v]) => attr(k, v));

/** The trace id of request `i` (0-based): fixed, so tests and links can name it. */
export const demoTraceId = (i: number) => hexId(`demo/churn-explainer/trace/${i}`, 16);

interface Built { app: Span[]; llm: Span[] }

function span(traceId: string, name: string, parent: string, kind: number, startMs: number, endMs: number, a: Record<string, AttrValue>, error?: string): Span {
  return {
    traceId, spanId: hexId(`${traceId}/${name}`, 8), parentSpanId: parent, name, kind,
    startTimeUnixNano: msToNanos(startMs), endTimeUnixNano: msToNanos(endMs), attributes: attrs(a),
    status: error ? { code: 2, message: error } : { code: 0 },
  };
}

const REASONS = [['support tickets rose to 4 this month', 'Offer a support call.'], ['no login for 12 days', 'Send a re-engagement email.'], ['a price complaint on the basic plan', 'Offer a 10% discount.'], ['two failed payments', 'Ask them to update their card.']] as const;

/** The chat call's messages (`gen_ai.input.messages`, `gen_ai.output.messages`: JSON, messages of parts). */
function messages(customer: string, x: number, v3: boolean): Record<string, string> {
  const score = (0.55 + x * 0.4).toFixed(2);
  const [reason, action] = REASONS[Math.floor(x * REASONS.length)];
  const text = (content: string) => [{ type: 'text', content }];
  const answer = v3 ? JSON.stringify({ risk: Number(score) > 0.8 ? 'high' : 'medium', reason, action }) : `Churn risk ${score}: ${reason}. ${action}`;
  return {
    'gen_ai.input.messages': JSON.stringify([
      { role: 'system', parts: text('You explain churn predictions to account managers.') },
      { role: 'user', parts: text(`Customer ${customer} has a churn probability of ${score}. Explain the risk${v3 ? ' and suggest one retention action' : ''}.`) },
    ]),
    'gen_ai.output.messages': JSON.stringify([{ role: 'assistant', parts: text(answer), finish_reason: 'stop' }]),
  };
}

function oneTrace(i: number, now: number): Built {
  const r = seeded(1000 + i);
  const between = (lo: number, hi: number) => lo + r() * (hi - lo);
  const traceId = demoTraceId(i);
  const v3 = i % 4 === 3; // shadow traffic on the staging prompt and the challenger model
  const fail = FAILURES[i];
  const start = now - (i * 45 + 7) * MIN_MS - Math.round(between(0, 20 * MIN_MS));
  const customer = `cus_${hexId(`customer/${i}`, 4)}`;
  const rootId = hexId(`${traceId}/root`, 8);
  let t = start + between(2, 6);
  const predictEnd = t + between(18, 45);
  const predict = span(traceId, `${DEMO_MODEL}.predict`, rootId, 1, t, predictEnd, { 'loom.model.name': DEMO_MODEL, 'loom.model.version': v3 ? '3' : '2', 'customer.id': customer });
  t = predictEnd + between(1, 3);
  const app = [predict];
  if (v3) {
    const end = t + between(20, 60);
    app.push(span(traceId, 'SELECT support.tickets', rootId, 3, t, end, { 'db.system.name': 'postgresql', 'db.namespace': 'support', 'db.operation.name': 'SELECT' }));
    t = end + between(1, 2);
  }
  const renderEnd = t + between(1, 3);
  const prompt = { 'loom.prompt.name': DEMO_PROMPT, 'loom.prompt.version': v3 ? '3' : '2' };
  app.push(span(traceId, `render ${DEMO_PROMPT}`, rootId, 1, t, renderEnd, { ...prompt, 'loom.prompt.label': v3 ? 'staging' : 'production' }));
  const model = v3 ? 'gpt-4.1-mini' : 'gpt-4o-mini';
  const llmStart = renderEnd + between(1, 4);
  const llmEnd = llmStart + (fail?.status === 504 ? 30_000 : fail ? between(120, 400) : between(800, 3200));
  const input = Math.round(v3 ? between(620, 900) : between(380, 520));
  const output = Math.round(v3 ? between(180, 330) : between(90, 220));
  const llm = span(traceId, `chat ${model}`, rootId, 3, llmStart, llmEnd, {
    'gen_ai.system': 'openai', 'gen_ai.provider.name': 'openai', 'gen_ai.operation.name': 'chat', 'gen_ai.request.model': model,
    'gen_ai.request.temperature': v3 ? 0.2 : 0.3, 'gen_ai.request.max_tokens': v3 ? 400 : 300, ...prompt,
    ...(fail ? { 'error.type': fail.type } : {
      'gen_ai.response.model': v3 ? 'gpt-4.1-mini-2025-04-14' : 'gpt-4o-mini-2024-07-18', 'gen_ai.response.id': `chatcmpl-${hexId(`${traceId}/resp`, 12)}`,
      'gen_ai.response.finish_reasons': ['stop'], 'gen_ai.usage.input_tokens': input, 'gen_ai.usage.output_tokens': output,
      // The messages, as the OTel GenAI instrumentations record them when content capture is on.
      ...messages(customer, r(), v3),
    }),
  }, fail?.message);
  if (fail) llm.events = [{ timeUnixNano: msToNanos(llmEnd), name: 'exception', attributes: attrs({ 'exception.type': fail.type, 'exception.message': fail.message }) }];
  const end = llmEnd + between(2, 8);
  const root = span(traceId, 'POST /v1/explain', '', 2, start, end, {
    'http.request.method': 'POST', 'http.route': '/v1/explain', 'http.response.status_code': fail ? (fail.status === 504 ? 504 : 502) : 200, 'customer.id': customer,
  }, fail ? `upstream LLM call failed: ${fail.type}` : undefined);
  root.spanId = rootId;
  return { app: [root, ...app], llm: [llm] };
}

export function explainerTraces(now: number): OtlpExportTraceRequest {
  const built = Array.from({ length: TRACE_COUNT }, (_, i) => oneTrace(i, now));
  return {
    resourceSpans: [{
      resource: { attributes: attrs({ 'service.name': 'churn-explainer', 'service.version': '1.8.2', 'deployment.environment.name': 'production', 'k8s.namespace.name': 'customer-success', 'telemetry.sdk.language': 'python' }) },
      scopeSpans: [
        { scope: { name: 'churn_explainer.app', version: '1.8.2' }, spans: built.flatMap((b) => b.app) },
        { scope: { name: 'opentelemetry.instrumentation.openai_v2', version: '2.1b0' }, spans: built.flatMap((b) => b.llm) },
      ],
    }],
  };
}
