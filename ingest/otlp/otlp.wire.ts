/**
 * OTLP/HTTP protobuf trace exports read straight from their bytes into span rows.
 *
 * The generic path decodes a body into protobufjs messages, turns those into the OTLP/JSON form, and
 * reads that form into rows: three object trees per span. The receiver spends most of its own CPU
 * per span there, beside building the INSERT (bench/RESULTS.md, session 19). This reader walks the
 * wire format once and hands each span to the domain's SpanSink as SpanFields, so every check and
 * normalisation stays in the domain (server/src/domain/telemetry/spans.ts).
 *
 * It follows the messages of opentelemetry-proto (collector/trace/v1, trace/v1, common/v1,
 * resource/v1) and the protobuf rules a conforming decoder keeps: fields in any order, the last
 * occurrence of a singular field wins, unknown fields (and known fields sent with another wire type)
 * are skipped. Bytes that are not a message (truncated, a length past its end, an invalid wire type)
 * throw a WireError: the whole export is undecodable, a 400.
 * Attribute values nested deeper than the domain keeps (MAX_ATTR_DEPTH) are skipped without
 * recursion, so no body can exhaust the stack.
 */
import { emptyAttrs, int64, MAX_ATTR_DEPTH, putAttr, typedMap, type AttrType, type AttrValue, type ReadAttrs } from '../../server/src/domain/telemetry/attributes.js';
import type { SpanFields, SpanReader, SpanSink } from '../../server/src/domain/telemetry/spans.js';
import { eachMessage, I64, LEN, lastMessage, ProtoCursor, tag, VARINT, type SliceBuffer } from './protobuf-wire.js';

/** The cursor, with what the last AnyValue and KeyValue read left for their callers. */
class Wire extends ProtoCursor {
  /** The OTLP type of the last AnyValue read (undefined: a string or no value). */
  type: AttrType | undefined;
  /** The key of the last KeyValue read. */
  key = '';
}

/** AnyValue → the plain value the domain keeps (attributes.ts anyValue); its OTLP type in `w.type`. */
function anyValue(w: Wire, end: number, depth: number): AttrValue {
  let value: AttrValue = null;
  let type: AttrType | undefined;
  if (depth > MAX_ATTR_DEPTH) {
    w.pos = end; // cut, as the domain cuts values nested this deep
    w.type = undefined;
    return null;
  }
  while (w.pos < end) {
    const t = w.tag(end);
    switch (t) {
      case tag(1, LEN): value = w.string(end); type = undefined; break;
      case tag(2, VARINT): value = w.varint(end) !== 0 || w.hi !== 0; type = 'bool'; break;
      case tag(3, VARINT): value = intValue(w, end); type = 'int'; break;
      case tag(4, I64): value = w.double(end); type = 'double'; break;
      case tag(5, LEN): { // ArrayValue { repeated AnyValue values = 1 }
        const e = w.len(end);
        const values: AttrValue[] = [];
        while (w.pos < e) {
          const u = w.tag(e);
          if (u === tag(1, LEN)) {
            const ve = w.len(e);
            values.push(anyValue(w, ve, depth + 1));
            w.pos = ve;
          } else w.skip(u & 7, e);
        }
        value = values;
        type = 'array';
        break;
      }
      case tag(6, LEN): { // KeyValueList { repeated KeyValue values = 1 }
        const e = w.len(end);
        const out: { [key: string]: AttrValue } = {};
        while (w.pos < e) {
          const u = w.tag(e);
          if (u === tag(1, LEN)) {
            const kve = w.len(e);
            const v = keyValue(w, kve, depth + 1);
            out[w.key] = v;
            w.pos = kve;
          } else w.skip(u & 7, e);
        }
        value = out;
        type = 'kvlist';
        break;
      }
      case tag(7, LEN): {
        const e = w.len(end);
        value = w.buf.base64Slice(w.pos, e);
        w.pos = e;
        type = 'bytes';
        break;
      }
      default: w.skip(t & 7, end);
    }
  }
  w.type = type;
  return value;
}

/** An int64 varint as the domain keeps it: a number when exact, else decimal text. */
function intValue(w: Wire, end: number): number | string {
  const lo = w.varint(end);
  const hi = w.hi;
  if (hi === 0) return lo;
  return int64(BigInt.asIntN(64, (BigInt(hi) << 32n) | BigInt(lo)).toString());
}

/** KeyValue { string key = 1; AnyValue value = 2 } → its value; its key in `w.key`, the value's type in `w.type`. */
function keyValue(w: Wire, end: number, depth: number): AttrValue {
  let key = '';
  let value: AttrValue = null;
  let type: AttrType | undefined;
  while (w.pos < end) {
    const t = w.tag(end);
    if (t === tag(1, LEN)) key = w.string(end);
    else if (t === tag(2, LEN)) {
      const e = w.len(end);
      value = anyValue(w, e, depth);
      type = w.type;
      w.pos = e;
    } else w.skip(t & 7, end);
  }
  w.key = key;
  w.type = type;
  return value;
}

/** One KeyValue field (of any message) into `into`. */
function attribute(w: Wire, end: number, into: ReadAttrs): void {
  const e = w.len(end);
  const value = keyValue(w, e, 0);
  putAttr(into, w.key, value, w.type);
  w.pos = e;
}


/** Attributes (field `field`) of the message in [start, end). */
function attributesOf(w: Wire, [start, end]: [number, number], field: number): ReadAttrs {
  const out = emptyAttrs();
  eachMessage(w, start, end, field, (e) => {
    const value = keyValue(w, e, 0);
    putAttr(out, w.key, value, w.type);
  });
  return out;
}

/** Span.Event { fixed64 time_unix_nano = 1; string name = 2; repeated KeyValue attributes = 3 } */
function event(w: Wire, end: number, into: SpanFields['events']): void {
  let time = 0n;
  let name = '';
  const attrs = emptyAttrs();
  while (w.pos < end) {
    const t = w.tag(end);
    if (t === tag(1, I64)) time = w.fixed64(end);
    else if (t === tag(2, LEN)) name = w.string(end);
    else if (t === tag(3, LEN)) attribute(w, end, attrs);
    else w.skip(t & 7, end);
  }
  into.time.push(time);
  into.name.push(name);
  into.attributes.push(typedMap(attrs.stored));
}

/** Span.Link { bytes trace_id = 1; bytes span_id = 2; string trace_state = 3; repeated KeyValue attributes = 4 } */
function link(w: Wire, end: number, into: SpanFields['links']): void {
  let traceId: string | null = '';
  let spanId: string | null = '';
  let traceState = '';
  const attrs = emptyAttrs();
  while (w.pos < end) {
    const t = w.tag(end);
    if (t === tag(1, LEN)) traceId = w.id(end, 16);
    else if (t === tag(2, LEN)) spanId = w.id(end, 8);
    else if (t === tag(3, LEN)) traceState = w.string(end);
    else if (t === tag(4, LEN)) attribute(w, end, attrs);
    else w.skip(t & 7, end);
  }
  into.traceId.push(traceId ?? '');
  into.spanId.push(spanId ?? '');
  into.traceState.push(traceState);
  into.attributes.push(typedMap(attrs.stored));
}

/** trace.v1.Span → SpanFields (the domain checks them). */
function span(w: Wire, end: number): SpanFields {
  const f: SpanFields = {
    traceId: null, spanId: null, parentSpanId: '', traceState: '', name: '', kind: 0, statusCode: 0, statusMessage: '',
    start: 0n, end: 0n, attributes: emptyAttrs(),
    events: { time: [], name: [], attributes: [] }, links: { traceId: [], spanId: [], traceState: [], attributes: [] },
  };
  while (w.pos < end) {
    const t = w.tag(end);
    switch (t) {
      case tag(1, LEN): f.traceId = w.id(end, 16) || null; break;
      case tag(2, LEN): f.spanId = w.id(end, 8) || null; break;
      case tag(3, LEN): f.traceState = w.string(end); break;
      case tag(4, LEN): f.parentSpanId = w.id(end, 8); break;
      case tag(5, LEN): f.name = w.string(end); break;
      case tag(6, VARINT): { const k = w.int32(end); f.kind = k >= 0 && k <= 5 ? k : 0; break; }
      case tag(7, I64): f.start = w.fixed64(end); break;
      case tag(8, I64): f.end = w.fixed64(end); break;
      case tag(9, LEN): attribute(w, end, f.attributes); break;
      case tag(11, LEN): { const e = w.len(end); event(w, e, f.events); w.pos = e; break; }
      case tag(13, LEN): { const e = w.len(end); link(w, e, f.links); w.pos = e; break; }
      case tag(15, LEN): { // Status { string message = 2; StatusCode code = 3 }: a later one replaces an earlier
        const e = w.len(end);
        f.statusCode = 0;
        f.statusMessage = '';
        while (w.pos < e) {
          const u = w.tag(e);
          if (u === tag(2, LEN)) f.statusMessage = w.string(e);
          else if (u === tag(3, VARINT)) { const c = w.int32(e); f.statusCode = c >= 0 && c <= 2 ? c : 0; }
          else w.skip(u & 7, e);
        }
        break;
      }
      default: w.skip(t & 7, end);
    }
  }
  return f;
}

/** ScopeSpans { InstrumentationScope scope = 1; repeated Span spans = 2 }: the scope first, wherever it is. */
function scopeSpans(w: Wire, end: number, sink: SpanSink): void {
  const start = w.pos;
  const scope = lastMessage(w, end, 1);
  let name = '';
  let version = '';
  if (scope) { // InstrumentationScope { string name = 1; string version = 2 }
    w.pos = scope[0];
    while (w.pos < scope[1]) {
      const t = w.tag(scope[1]);
      if (t === tag(1, LEN)) name = w.string(scope[1]);
      else if (t === tag(2, LEN)) version = w.string(scope[1]);
      else w.skip(t & 7, scope[1]);
    }
  }
  sink.scope(name, version);
  eachMessage(w, start, end, 2, (e) => sink.span(span(w, e)));
}

/** ResourceSpans { Resource resource = 1; repeated ScopeSpans scope_spans = 2 }: the resource first, wherever it is. */
function resourceSpans(w: Wire, end: number, sink: SpanSink): void {
  const start = w.pos;
  const resource = lastMessage(w, end, 1);
  sink.resource(resource ? attributesOf(w, resource, 1) : emptyAttrs()); // Resource { repeated KeyValue attributes = 1 }
  eachMessage(w, start, end, 2, (e) => scopeSpans(w, e, sink));
}

/**
 * An ExportTraceServiceRequest { repeated ResourceSpans resource_spans = 1 } as a SpanReader: its
 * spans are read when the ingest asks (TraceIngestService), throwing a WireError if the bytes are not one.
 */
export function traceSpanReader(body: Uint8Array): SpanReader {
  const buf = (Buffer.isBuffer(body) ? body : Buffer.from(body.buffer, body.byteOffset, body.byteLength)) as SliceBuffer;
  return {
    readSpans(sink: SpanSink): void {
      const w = new Wire(buf);
      eachMessage(w, 0, buf.length, 1, (e) => resourceSpans(w, e, sink));
    },
  };
}
