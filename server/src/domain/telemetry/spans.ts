/**
 * OTLP/JSON trace requests → rows of the `spans` table (schema/clickhouse/002_spans.sql). A span
 * that cannot be stored (bad ids or times) is rejected alone and counted, as the OTLP spec's
 * partial success asks; a body that is not a trace request at all is a BAD_USER_INPUT.
 */
import { badInput } from '../errors.js';
import { readAttrs, str, typedMap, type Attrs, type ReadAttrs } from './attributes.js';
import { loomRefs, MAX_CALL_TOKENS, normaliseLlm, tokenCountOutOfRange } from './llm.js';
import type { PriceTable } from './prices.js';
import type { OtlpExportTraceRequest, OtlpInt64, OtlpSpan, OtlpSpanEvent, OtlpSpanLink } from './otlp.types.js';
import { AHEAD_REASON, expiresBeforeNs, latestNs, MAX_NS, MIN_NS } from './time-bounds.js';

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

function events(list: OtlpSpanEvent[] | undefined): SpanFields['events'] {
  const out: SpanFields['events'] = { time: [], name: [], attributes: [] };
  for (const e of Array.isArray(list) ? list : []) {
    out.time.push(nanos(e?.timeUnixNano));
    out.name.push(typeof e?.name === 'string' ? e.name : '');
    out.attributes.push(typedMap(readAttrs(e?.attributes).stored));
  }
  return out;
}

function links(list: OtlpSpanLink[] | undefined): SpanFields['links'] {
  const out: SpanFields['links'] = { traceId: [], spanId: [], traceState: [], attributes: [] };
  for (const l of Array.isArray(list) ? list : []) {
    out.traceId.push(normaliseId(l?.traceId, 16) ?? '');
    out.spanId.push(normaliseId(l?.spanId, 8) ?? '');
    out.traceState.push(typeof l?.traceState === 'string' ? l.traceState : '');
    out.attributes.push(typedMap(readAttrs(l?.attributes).stored));
  }
  return out;
}

/**
 * One span as an encoding's reader hands it over, before the checks that decide whether it can be
 * stored: ids as lower-case hex (null: present but not a valid id), times as Unix nanoseconds (null:
 * not a number), attributes read (attributes.ts). The OTLP/JSON form is read into this below; the
 * protobuf receiver reads its bytes straight into it (ingest/otlp/otlp.wire.ts), skipping that form.
 */
export interface SpanFields {
  traceId: string | null; spanId: string | null; parentSpanId: string | null;
  traceState: string; name: string; kind: number; statusCode: number; statusMessage: string;
  start: bigint | null; end: bigint | null;
  attributes: ReadAttrs;
  events: { time: (bigint | null)[]; name: string[]; attributes: Record<string, string>[] };
  links: { traceId: string[]; spanId: string[]; traceState: string[]; attributes: Record<string, string>[] };
}

/** The resource and scope a span was sent under. */
interface ResourceCtx { attrs: Attrs; stored: Record<string, string>; service: string; scopeName: string; scopeVersion: string }

/** An OTLP/JSON span → its fields (ids normalised from hex or base64, enums from numbers or names). */
function jsonFields(span: OtlpSpan): SpanFields {
  return {
    traceId: normaliseId(span.traceId, 16), spanId: normaliseId(span.spanId, 8),
    parentSpanId: span.parentSpanId === undefined || span.parentSpanId === '' ? '' : normaliseId(span.parentSpanId, 8),
    traceState: typeof span.traceState === 'string' ? span.traceState : '',
    name: typeof span.name === 'string' ? span.name : '',
    kind: enumValue(span.kind, SPAN_KINDS, 5),
    statusCode: enumValue(span.status?.code, STATUS_CODES, 2),
    statusMessage: typeof span.status?.message === 'string' ? span.status.message : '',
    start: nanos(span.startTimeUnixNano), end: nanos(span.endTimeUnixNano),
    attributes: readAttrs(span.attributes), events: events(span.events), links: links(span.links),
  };
}

/**
 * How long spans are kept (days, 0 for ever): a span that starts before then would be dropped at once
 * by the spans table's TTL, so it is refused instead of answered as stored. `now`: Loom's clock (epoch
 * ms), for the retention and for starts too far ahead of it (time-bounds.ts).
 */
export interface SpanRetention { days: number; now?: number }
/** Spans that start before `before` (Unix ns) are refused, for `reason`. */
interface Expiry { before: bigint; reason: string }
/** The starts accepted: not after `latest` (time-bounds.ts), nor before `expiry` when spans expire. */
interface Bounds { latest: bigint; expiry: Expiry | null }

/** One span's fields → a row, or the reason it cannot be stored. */
function toRow(tenant: string, f: SpanFields, res: ResourceCtx, prices: PriceTable, { latest, expiry }: Bounds): SpanRow | { field: string; reason: string } {
  if (!f.traceId) return { field: 'traceId', reason: 'must be 16 bytes, not all zero (32 hex digits)' };
  if (!f.spanId) return { field: 'spanId', reason: 'must be 8 bytes, not all zero (16 hex digits)' };
  if (f.parentSpanId === null) return { field: 'parentSpanId', reason: 'must be empty or 8 bytes (16 hex digits)' };
  const { start, end } = f;
  if (start === null || start < MIN_NS || start >= MAX_NS) return { field: 'startTimeUnixNano', reason: 'must be Unix nanoseconds after 2000-01-01' };
  if (end === null || end < start || end >= MAX_NS) return { field: 'endTimeUnixNano', reason: 'must be Unix nanoseconds, not before the start' };
  if (start > latest) return { field: 'startTimeUnixNano', reason: AHEAD_REASON };
  if (expiry && start < expiry.before) return { field: 'startTimeUnixNano', reason: expiry.reason };
  const { attrs, stored } = f.attributes;
  const llm = normaliseLlm(attrs, res.attrs, prices);
  if (Math.max(llm.inputTokens, llm.outputTokens, llm.totalTokens) > MAX_CALL_TOKENS) {
    return { field: `attributes.${tokenCountOutOfRange(attrs) ?? 'tokens'}`, reason: `must be a token count of at most ${MAX_CALL_TOKENS.toLocaleString('en')}` };
  }
  const refs = loomRefs(attrs, res.attrs);
  const startText = start.toString();
  const ev = f.events;
  const ln = f.links;
  return {
    tenant_id: tenant, trace_id: f.traceId, span_id: f.spanId, parent_span_id: f.parentSpanId,
    trace_state: f.traceState, name: f.name, kind: f.kind, status_code: f.statusCode, status_message: f.statusMessage,
    start_time: startText, end_time: end.toString(), duration_ns: Number(end - start),
    service_name: res.service, scope_name: res.scopeName, scope_version: res.scopeVersion,
    resource_attributes: res.stored, attributes: stored.values, attribute_types: stored.types,
    'events.time': ev.time.map((t) => (t !== null && t >= MIN_NS && t < MAX_NS ? t.toString() : startText)), 'events.name': ev.name, 'events.attributes': ev.attributes,
    'links.trace_id': ln.traceId, 'links.span_id': ln.spanId, 'links.trace_state': ln.traceState, 'links.attributes': ln.attributes,
    is_llm: llm.isLlm, llm_provider: llm.provider, llm_operation: llm.operation,
    llm_request_model: llm.requestModel, llm_response_model: llm.responseModel,
    llm_input_tokens: llm.inputTokens, llm_output_tokens: llm.outputTokens, llm_total_tokens: llm.totalTokens, llm_cost_usd: llm.costUsd,
    prompt_name: llm.promptName, prompt_version: llm.promptVersion,
    run_id: refs.runId, model_name: refs.modelName, model_version: refs.modelVersion,
  };
}

/**
 * Collects the rows of one export as a reader walks it: `resource` and `scope` open the next
 * ResourceSpans and ScopeSpans, `span` hands over each span. Bad spans are counted and described
 * by their place in the request (`resourceSpans[i].scopeSpans[j].spans[k]`), good ones kept.
 */
export class SpanSink {
  readonly batch: SpanBatch = { rows: [], rejected: 0, errors: [] };
  private ctx: ResourceCtx = { attrs: {}, stored: {}, service: 'unknown_service', scopeName: '', scopeVersion: '' };
  private at = [-1, -1, -1];

  private readonly bounds: Bounds;

  constructor(private readonly tenant: string, private readonly prices: PriceTable, { days, now = Date.now() }: SpanRetention = { days: 0 }) {
    const before = expiresBeforeNs(now, days);
    this.bounds = {
      latest: latestNs(now),
      expiry: before === null ? null : { before, reason: `older than the span retention (${days} days, LOOM_SPAN_TTL_DAYS): it would be dropped at once` },
    };
  }

  resource(attributes: ReadAttrs): void {
    this.ctx = { ...this.ctx, attrs: attributes.attrs, stored: typedMap(attributes.stored), service: str(attributes.attrs, 'service.name') ?? 'unknown_service' };
    this.at = [this.at[0] + 1, -1, -1];
  }

  scope(name: string, version: string): void {
    this.ctx = { ...this.ctx, scopeName: name, scopeVersion: version };
    this.at = [this.at[0], this.at[1] + 1, -1];
  }

  span(fields: SpanFields): void {
    this.at[2]++;
    let row: ReturnType<typeof toRow>;
    try {
      row = toRow(this.tenant, fields, this.ctx, this.prices, this.bounds);
    } catch (e) {
      row = { field: '', reason: `cannot be read (${(e as Error).message})` }; // a malformed part no check foresaw
    }
    this.add(row);
  }

  /** A span some reader could not make sense of at all (a malformed part no check foresaw). */
  unreadable(reason: string): void {
    this.at[2]++;
    this.add({ field: '', reason });
  }

  private add(row: SpanRow | { field: string; reason: string }): void {
    if ('tenant_id' in row) {
      this.batch.rows.push(row);
      return;
    }
    this.batch.rejected++;
    const [i, j, k] = this.at;
    if (this.batch.errors.length < MAX_ERRORS) this.batch.errors.push(`resourceSpans[${i}].scopeSpans[${j}].spans[${k}]${row.field ? `.${row.field}` : ''}: ${row.reason}`);
  }
}

/**
 * A trace export still in its wire encoding, read straight into a SpanSink (the protobuf receiver's:
 * no OTLP/JSON form is built). `readSpans` throws when the bytes are not an export at all.
 */
export interface SpanReader { readSpans(sink: SpanSink): void }

const isSpanReader = (body: unknown): body is SpanReader => typeof (body as Partial<SpanReader> | null)?.readSpans === 'function';

/**
 * Flatten a trace export (OTLP/JSON form, or a SpanReader) into span rows for `tenant`; bad spans (and
 * those older than `retention`) are counted and described, good ones kept.
 */
export function toSpanRows(tenant: string, body: unknown, prices: PriceTable, retention?: SpanRetention): SpanBatch {
  const sink = new SpanSink(tenant, prices, retention);
  if (isSpanReader(body)) {
    body.readSpans(sink);
    return sink.batch;
  }
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badInput('(body)', 'must be an ExportTraceServiceRequest object');
  const req = body as OtlpExportTraceRequest;
  arrayAt<NonNullable<OtlpExportTraceRequest['resourceSpans']>[number]>(req.resourceSpans, 'resourceSpans').forEach((rs, i) => {
    sink.resource(readAttrs(rs?.resource?.attributes));
    arrayAt<NonNullable<typeof rs.scopeSpans>[number]>(rs?.scopeSpans, `resourceSpans[${i}].scopeSpans`).forEach((ss, j) => {
      sink.scope(typeof ss?.scope?.name === 'string' ? ss.scope.name : '', typeof ss?.scope?.version === 'string' ? ss.scope.version : '');
      arrayAt<OtlpSpan>(ss?.spans, `resourceSpans[${i}].scopeSpans[${j}].spans`).forEach((span) => {
        if (!span || typeof span !== 'object') return sink.unreadable('must be an object');
        let fields: SpanFields;
        try {
          fields = jsonFields(span);
        } catch (e) {
          return sink.unreadable(`cannot be read (${(e as Error).message})`); // a malformed part no check above foresaw
        }
        sink.span(fields);
      });
    });
  });
  return sink.batch;
}
