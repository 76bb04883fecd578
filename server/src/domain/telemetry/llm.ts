/**
 * LLM call normalisation: the attributes of the three families real instrumentations emit, read
 * into one model.
 *
 * - OTel GenAI semantic conventions (`gen_ai.*`: provider/system, operation, request/response model,
 *   usage input/output tokens, older prompt/completion tokens) — e.g. @opentelemetry/instrumentation-openai.
 * - OpenInference (Arize/Phoenix: `openinference.span.kind`, `llm.model_name`, `llm.provider`/`llm.system`,
 *   `llm.token_count.*`, `llm.invocation_parameters`, `llm.prompt_template.*`, `llm.cost.*`).
 * - OpenLLMetry/Traceloop (`traceloop.*`, `llm.request.type`, `llm.usage.*`, `llm.request.model`,
 *   `llm.response.model`, `llm.vendor`, and the `gen_ai.*` attributes it also emits; prompt
 *   management as `traceloop.prompt.key`/`.version`).
 *
 * Loom's own attributes (span first, then resource) name what a trace belongs to:
 * `loom.run.id` (a Run), `loom.model.name` + `loom.model.version` (a registered ModelVersion),
 * `loom.prompt.name` + `loom.prompt.version` (a PromptVersion; wins over the instrumentations' prompt attributes).
 */
import { num, str, type Attrs } from './attributes.js';
import type { PriceTable } from './prices.js';

export interface LlmFields {
  /** True for a span that is one model call (chat, completion, embeddings...), not a chain/agent/tool wrapper. */
  isLlm: boolean;
  provider: string;
  operation: string;
  requestModel: string;
  responseModel: string;
  inputTokens: number;
  outputTokens: number;
  totalTokens: number;
  /** USD: an explicit cost attribute, else the price table; 0 when the model has no price. */
  costUsd: number;
  promptName: string;
  promptVersion: string;
}

export interface LoomRefs { runId: string; modelName: string; modelVersion: string }

/** Span kinds of the instrumentation frameworks that wrap calls rather than being one. */
const OPENINFERENCE_CALL_KINDS: Record<string, string> = { LLM: 'chat', EMBEDDING: 'embeddings', RERANKER: 'rerank' };
const TRACELOOP_REQUEST_TYPES: Record<string, string> = { chat: 'chat', completion: 'text_completion', embedding: 'embeddings', rerank: 'rerank' };
const GENAI_NON_CALL_OPERATIONS = new Set(['invoke_agent', 'create_agent', 'execute_tool']);

const first = <T>(...vs: (T | undefined)[]): T | undefined => vs.find((v) => v !== undefined);

function invocationModel(attrs: Attrs): string | undefined {
  const raw = attrs['llm.invocation_parameters'];
  if (typeof raw !== 'string' || !raw.includes('model')) return undefined;
  try {
    const params = JSON.parse(raw) as Record<string, unknown>;
    const m = params.model ?? params.model_name;
    return typeof m === 'string' && m ? m : undefined;
  } catch {
    return undefined;
  }
}

function operationOf(attrs: Attrs, oiKind: string | undefined): string | undefined {
  const explicit = str(attrs, 'gen_ai.operation.name');
  if (explicit) return explicit;
  const requestType = str(attrs, 'llm.request.type');
  if (requestType) return TRACELOOP_REQUEST_TYPES[requestType.toLowerCase()] ?? requestType.toLowerCase();
  return oiKind ? OPENINFERENCE_CALL_KINDS[oiKind] : undefined;
}

function isCall(attrs: Attrs, oiKind: string | undefined, operation: string | undefined, hasModel: boolean, hasUsage: boolean): boolean {
  if (oiKind) return oiKind in OPENINFERENCE_CALL_KINDS;
  if (str(attrs, 'traceloop.span.kind')) return false; // workflow / task / agent / tool wrappers
  if (operation) return !GENAI_NON_CALL_OPERATIONS.has(operation);
  return hasModel && hasUsage;
}

function explicitCost(attrs: Attrs): number | undefined {
  const total = first(num(attrs, 'llm.cost.total'), num(attrs, 'gen_ai.usage.cost'));
  if (total !== undefined) return total;
  const prompt = num(attrs, 'llm.cost.prompt');
  const completion = num(attrs, 'llm.cost.completion');
  return prompt === undefined && completion === undefined ? undefined : (prompt ?? 0) + (completion ?? 0);
}

/** The prompt a span rendered: Loom's attributes, then Traceloop's, then OpenInference's template version. */
function promptOf(span: Attrs, resource: Attrs): { name: string; version: string } {
  const loomName = first(str(span, 'loom.prompt.name'), str(resource, 'loom.prompt.name'));
  if (loomName) return { name: loomName, version: first(str(span, 'loom.prompt.version'), str(resource, 'loom.prompt.version')) ?? '' };
  const key = str(span, 'traceloop.prompt.key');
  if (key) return { name: key, version: str(span, 'traceloop.prompt.version') ?? '' };
  return { name: '', version: str(span, 'llm.prompt_template.version') ?? '' };
}

/** Whether a span has any attribute of the three families (most spans of a traced service have none). */
function hasLlmAttributes(span: Attrs): boolean {
  for (const k in span) {
    if (k.startsWith('gen_ai.') || k.startsWith('llm.') || k.startsWith('openinference.') || k.startsWith('traceloop.')) return true;
  }
  return false;
}

/** Where the three families put a call's token counts, first found first. */
const TOKEN_KEYS = {
  input: ['gen_ai.usage.input_tokens', 'gen_ai.usage.prompt_tokens', 'llm.usage.prompt_tokens', 'llm.token_count.prompt'],
  output: ['gen_ai.usage.output_tokens', 'gen_ai.usage.completion_tokens', 'llm.usage.completion_tokens', 'llm.token_count.completion'],
  total: ['llm.usage.total_tokens', 'llm.token_count.total', 'gen_ai.usage.total_tokens'],
} as const;

/**
 * The most tokens one call may say it used: far beyond any model's context, and small enough that the
 * sums of the rollups never overflow (a count past 2^64 was refused by the store, the whole export
 * answered 500; sums of counts near 2^63 wrapped around while their cost did not).
 */
export const MAX_CALL_TOKENS = 1e12;

/** The first token count attribute of a span above MAX_CALL_TOKENS, or null: such a span is refused. */
export function tokenCountOutOfRange(span: Attrs): string | null {
  for (const key of [...TOKEN_KEYS.input, ...TOKEN_KEYS.output, ...TOKEN_KEYS.total]) {
    const n = num(span, key);
    if (n !== undefined && n > MAX_CALL_TOKENS) return key;
  }
  return null;
}

/** Normalise one span's attributes (resource attributes only for Loom's prompt attributes). */
export function normaliseLlm(span: Attrs, resource: Attrs, prices: PriceTable): LlmFields {
  if (!hasLlmAttributes(span)) {
    // What the lookups below give when every one misses: not a call, only Loom's prompt attributes.
    const prompt = promptOf(span, resource);
    return {
      isLlm: false, provider: '', operation: '', requestModel: '', responseModel: '', inputTokens: 0, outputTokens: 0, totalTokens: 0,
      costUsd: 0, promptName: prompt.name, promptVersion: prompt.version,
    };
  }
  const oi = str(span, 'openinference.span.kind')?.toUpperCase();
  const oiModel = str(span, 'llm.model_name');
  const requestModel = first(str(span, 'gen_ai.request.model'), str(span, 'llm.request.model'), oiModel, invocationModel(span)) ?? '';
  const responseModel = first(str(span, 'gen_ai.response.model'), str(span, 'llm.response.model'), oiModel) ?? '';
  const [input, output, total] = [TOKEN_KEYS.input, TOKEN_KEYS.output, TOKEN_KEYS.total].map((keys) => first(...keys.map((k) => num(span, k))));
  const operation = operationOf(span, oi);
  const isLlm = isCall(span, oi, operation, requestModel !== '' || responseModel !== '', input !== undefined || output !== undefined || total !== undefined);
  const inputTokens = Math.round(input ?? 0);
  const outputTokens = Math.round(output ?? 0);
  const provider = first(str(span, 'gen_ai.provider.name'), str(span, 'gen_ai.system'), str(span, 'llm.provider'), str(span, 'llm.system'), str(span, 'llm.vendor')) ?? '';
  const prompt = promptOf(span, resource);
  const cost = isLlm ? explicitCost(span) ?? prices.cost(responseModel, inputTokens, outputTokens) ?? prices.cost(requestModel, inputTokens, outputTokens) ?? 0 : 0;
  return {
    isLlm,
    provider: provider.toLowerCase(),
    operation: operation ?? (isLlm ? 'chat' : ''),
    requestModel,
    responseModel,
    inputTokens,
    outputTokens,
    totalTokens: Math.round(total ?? inputTokens + outputTokens),
    costUsd: cost,
    promptName: prompt.name,
    promptVersion: prompt.version,
  };
}

/** Loom's own links of a span: span attributes first, then its resource's. */
export function loomRefs(span: Attrs, resource: Attrs): LoomRefs {
  return { runId: spanOrResource(span, resource, 'loom.run.id'), modelName: spanOrResource(span, resource, 'loom.model.name'), modelVersion: spanOrResource(span, resource, 'loom.model.version') };
}

// Module-level, not a closure per span: tsx (esbuild keepNames) names every closure it creates, at a cost per call.
const spanOrResource = (span: Attrs, resource: Attrs, key: string): string => str(span, key) ?? str(resource, key) ?? '';
