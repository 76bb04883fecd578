/**
 * OTLP/JSON trace requests → rows of the `spans` table (schema/clickhouse/002_spans.sql). A span
 * that cannot be stored (bad ids or times) is rejected alone and counted, as the OTLP spec's
 * partial success asks; a body that is not a trace request at all is a BAD_USER_INPUT.
 */
import { badInput } from '../errors.js';
import { readAttrs, str, type Attrs } from './attributes.js';
import { loomRefs, normaliseLlm } from './llm.js';
import type { PriceTable } from './prices.js';
import type { OtlpExportTraceRequest, OtlpInt64, OtlpSpan, OtlpSpanEvent, OtlpSpanLink } from './otlp.types.js';

export type SpanRow = {
  tenant_id: string; trace_id: string; span_id: string; parent_span_id: string; trace_state: string;
  name: string; kind: number; status_code: number; status_message: string;
  /** Unix nanoseconds as decimal text (DateTime64(9) reads them exactly). */
  start_time: string; end_time: string; duration_ns: number;
  service_name: string; scope_name: string; scope_version: string;
  resource_attributes: Record<string, string>; attributes: Record<string, string>; attribute_types: Record<string, string>;
  'events.time': string[]; 'events.name': string[]; 'events.attributes': Record<string, string>[];
  'links.trace_id': string[]; 'links.span_id': string[]; 'links.trace_state': string[]; 'links.attributes': Record<string, string>[];
  is_llm: boolean; llm_provider: string; llm_operation: string; llm_request_model: string; llm_response_model: string;
  llm_input_tokens: number; llm_output_tokens: number; llm_total_tokens: number; llm_cost_usd: number;
  prompt_name: string; prompt_version: string; run_id: string; model_name: string; model_version: string;
  /** When the export was received (epoch ms as decimal text, DateTime64(3)) and by which Loom process; set by the ingest. */
  ingested_at?: string; ingested_by?: string;
};

export interface SpanBatch { rows: SpanRow[]; rejected: number; errors: string[] }

/** DateTime64(9) holds 1900..2262; spans before 2000 are clock bugs (often an unset 0). */
const MIN_NS = 946_684_800_000_000_000n;
const MAX_NS = 9_000_000_000_000_000_000n;
const MAX_ERRORS = 5;
const SPAN_KINDS: Record<string, number> = { SPAN_KIND_UNSPECIFIED: 0, SPAN_KIND_INTERNAL: 1, SPAN_KIND_SERVER: 2, SPAN_KIND_CLIENT: 3, SPAN_KIND_PRODUCER: 4, SPAN_KIND_CONSUMER: 5 };
const STATUS_CODES: Record<string, number> = { STATUS_CODE_UNSET: 0, STATUS_CODE_OK: 1, STATUS_CODE_ERROR: 2 };

/** Lower-case hex of an id given as hex (the OTLP/JSON rule) or base64 (some emitters); null when it is neither or all zero. */
export function normaliseId(id: unknown, bytes: number): string | null {
  if (typeof id !== 'string') return null;
  let hex: string | null = null;
  if (id.length === bytes * 2 && /^[0-9a-fA-F]+$/.test(id)) hex = id.toLowerCase();
  else if (id.length >= Math.ceil((bytes * 4) / 3) && id.length <= Math.ceil(bytes / 3) * 4 && /^[A-Za-z0-9+/_-]+=*$/.test(id)) {
    const buf = Buffer.from(id, 'base64');
    if (buf.length === bytes) hex = buf.toString('hex');
  }
  return hex && /[^0]/.test(hex) ? hex : null;
}

function nanos(v: OtlpInt64 | undefined): bigint | null {
  if (typeof v === 'number') return Number.isFinite(v) ? BigInt(Math.trunc(v)) : null;
  if (typeof v !== 'string' || !/^\d{1,20}$/.test(v)) return null;
  return BigInt(v);
}

function enumValue(v: unknown, names: Record<string, number>, max: number): number {
  if (typeof v === 'number' && Number.isInteger(v) && v >= 0 && v <= max) return v;
  return typeof v === 'string' ? names[v] ?? 0 : 0;
}

const arrayAt = <T>(v: unknown, field: string): T[] => {
  if (v === undefined || v === null) return [];
  if (!Array.isArray(v)) throw badInput(field, 'must be an array');
  return v as T[];
};

function events(list: OtlpSpanEvent[] | undefined, start: string) {
  const out = { time: [] as string[], name: [] as string[], attributes: [] as Record<string, string>[] };
  for (const e of Array.isArray(list) ? list : []) {
    const t = nanos(e?.timeUnixNano);
    out.time.push(t !== null && t >= MIN_NS && t < MAX_NS ? t.toString() : start);
    out.name.push(typeof e?.name === 'string' ? e.name : '');
    out.attributes.push(readAttrs(e?.attributes).stored.values);
  }
  return out;
}

function links(list: OtlpSpanLink[] | undefined) {
  const out = { traceId: [] as string[], spanId: [] as string[], traceState: [] as string[], attributes: [] as Record<string, string>[] };
  for (const l of Array.isArray(list) ? list : []) {
    out.traceId.push(normaliseId(l?.traceId, 16) ?? '');
    out.spanId.push(normaliseId(l?.spanId, 8) ?? '');
    out.traceState.push(typeof l?.traceState === 'string' ? l.traceState : '');
    out.attributes.push(readAttrs(l?.attributes).stored.values);
  }
  return out;
}

interface ResourceCtx { attrs: Attrs; stored: Record<string, string>; service: string; scopeName: string; scopeVersion: string }

/** One span → a row, or the reason it cannot be stored. */
function toRow(tenant: string, span: OtlpSpan, res: ResourceCtx, prices: PriceTable): SpanRow | { field: string; reason: string } {
  if (!span || typeof span !== 'object') return { field: '', reason: 'must be an object' };
  const traceId = normaliseId(span.traceId, 16);
  if (!traceId) return { field: 'traceId', reason: 'must be 16 bytes, not all zero (32 hex digits)' };
  const spanId = normaliseId(span.spanId, 8);
  if (!spanId) return { field: 'spanId', reason: 'must be 8 bytes, not all zero (16 hex digits)' };
  const parent = span.parentSpanId === undefined || span.parentSpanId === '' ? '' : normaliseId(span.parentSpanId, 8);
  if (parent === null) return { field: 'parentSpanId', reason: 'must be empty or 8 bytes (16 hex digits)' };
  const start = nanos(span.startTimeUnixNano);
  if (start === null || start < MIN_NS || start >= MAX_NS) return { field: 'startTimeUnixNano', reason: 'must be Unix nanoseconds after 2000-01-01' };
  const end = nanos(span.endTimeUnixNano);
  if (end === null || end < start || end >= MAX_NS) return { field: 'endTimeUnixNano', reason: 'must be Unix nanoseconds, not before the start' };
  const { attrs, stored } = readAttrs(span.attributes);
  const llm = normaliseLlm(attrs, res.attrs, prices);
  const refs = loomRefs(attrs, res.attrs);
  const ev = events(span.events, start.toString());
  const ln = links(span.links);
  return {
    tenant_id: tenant, trace_id: traceId, span_id: spanId, parent_span_id: parent,
    trace_state: typeof span.traceState === 'string' ? span.traceState : '',
    name: typeof span.name === 'string' ? span.name : '',
    kind: enumValue(span.kind, SPAN_KINDS, 5),
    status_code: enumValue(span.status?.code, STATUS_CODES, 2),
    status_message: typeof span.status?.message === 'string' ? span.status.message : '',
    start_time: start.toString(), end_time: end.toString(), duration_ns: Number(end - start),
    service_name: res.service, scope_name: res.scopeName, scope_version: res.scopeVersion,
    resource_attributes: res.stored, attributes: stored.values, attribute_types: stored.types,
    'events.time': ev.time, 'events.name': ev.name, 'events.attributes': ev.attributes,
    'links.trace_id': ln.traceId, 'links.span_id': ln.spanId, 'links.trace_state': ln.traceState, 'links.attributes': ln.attributes,
    is_llm: llm.isLlm, llm_provider: llm.provider, llm_operation: llm.operation,
    llm_request_model: llm.requestModel, llm_response_model: llm.responseModel,
    llm_input_tokens: llm.inputTokens, llm_output_tokens: llm.outputTokens, llm_total_tokens: llm.totalTokens, llm_cost_usd: llm.costUsd,
    prompt_name: llm.promptName, prompt_version: llm.promptVersion,
    run_id: refs.runId, model_name: refs.modelName, model_version: refs.modelVersion,
  };
}

/** Flatten a trace export into span rows for `tenant`; bad spans are counted and described, good ones kept. */
export function toSpanRows(tenant: string, body: unknown, prices: PriceTable): SpanBatch {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badInput('(body)', 'must be an ExportTraceServiceRequest object');
  const req = body as OtlpExportTraceRequest;
  const out: SpanBatch = { rows: [], rejected: 0, errors: [] };
  arrayAt<NonNullable<OtlpExportTraceRequest['resourceSpans']>[number]>(req.resourceSpans, 'resourceSpans').forEach((rs, i) => {
    const resource = readAttrs(rs?.resource?.attributes);
    const service = str(resource.attrs, 'service.name') ?? 'unknown_service';
    arrayAt<NonNullable<typeof rs.scopeSpans>[number]>(rs?.scopeSpans, `resourceSpans[${i}].scopeSpans`).forEach((ss, j) => {
      const ctx: ResourceCtx = {
        attrs: resource.attrs, stored: resource.stored.values, service,
        scopeName: typeof ss?.scope?.name === 'string' ? ss.scope.name : '', scopeVersion: typeof ss?.scope?.version === 'string' ? ss.scope.version : '',
      };
      arrayAt<OtlpSpan>(ss?.spans, `resourceSpans[${i}].scopeSpans[${j}].spans`).forEach((span, k) => {
        let row: ReturnType<typeof toRow>;
        try {
          row = toRow(tenant, span, ctx, prices);
        } catch (e) {
          row = { field: '', reason: `cannot be read (${(e as Error).message})` }; // a malformed part no check above foresaw
        }
        if ('tenant_id' in row) {
          out.rows.push(row);
          return;
        }
        out.rejected++;
        if (out.errors.length < MAX_ERRORS) out.errors.push(`resourceSpans[${i}].scopeSpans[${j}].spans[${k}]${row.field ? `.${row.field}` : ''}: ${row.reason}`);
      });
    });
  });
  return out;
}
