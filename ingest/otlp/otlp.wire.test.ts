import { describe, expect, it } from 'vitest';
import { traceSpanReader } from './otlp.wire.js';
import { WireError } from './protobuf-wire.js';
import { traceMessages } from './otlp.proto.js';
import { toSpanRows, type SpanBatch } from '../../server/src/domain/telemetry/spans.js';
import { loadPriceTable } from '../../server/src/domain/telemetry/prices.js';

const prices = loadPriceTable();
const wireRows = (bytes: Uint8Array): SpanBatch => toSpanRows('t', traceSpanReader(bytes), prices);

type ToObject = (msg: unknown, opts: object) => unknown;
/**
 * The reference: protobufjs decodes the bytes and gives them in the OTLP/JSON form (ids and bytes
 * as base64, which the domain reads too; 64-bit integers as decimal text), and the domain's
 * OTLP/JSON path reads that.
 */
function referenceRows(bytes: Uint8Array): SpanBatch {
  const type = traceMessages.ExportTraceServiceRequest as unknown as { decode(b: Uint8Array): unknown; toObject: ToObject };
  return toSpanRows('t', type.toObject(type.decode(bytes), { longs: String, bytes: String }), prices);
}
const encode = (req: object) => traceMessages.ExportTraceServiceRequest.encode(req).finish();

// ---- hand-made wire bytes (for what protobufjs's encoder never writes: other field orders, unknown fields, bad bytes) ----
const varintBytes = (v: bigint): number[] => {
  const out: number[] = [];
  let x = BigInt.asUintN(64, v);
  do {
    const b = Number(x & 0x7fn);
    x >>= 7n;
    out.push(x ? b | 0x80 : b);
  } while (x);
  return out;
};
const key = (field: number, wt: number) => Buffer.from(varintBytes(BigInt(field * 8 + wt)));
const varint = (field: number, v: number | bigint) => Buffer.concat([key(field, 0), Buffer.from(varintBytes(BigInt(v)))]);
const len = (field: number, ...payload: (Buffer | string)[]) => {
  const body = Buffer.concat(payload.map((p) => (typeof p === 'string' ? Buffer.from(p) : p)));
  return Buffer.concat([key(field, 2), Buffer.from(varintBytes(BigInt(body.length))), body]);
};
const fixed64 = (field: number, v: bigint) => {
  const b = Buffer.alloc(8);
  b.writeBigUInt64LE(v);
  return Buffer.concat([key(field, 1), b]);
};
const hex = (h: string) => Buffer.from(h, 'hex');
/** One unknown field of every wire type, groups included. */
const unknown = () => Buffer.concat([varint(99, 7), fixed64(98, 1n), len(97, 'x'), key(96, 3), varint(1, 1), key(96, 4), key(95, 5), Buffer.alloc(4)]);

const T = '5b8efff798038103d269b633813fc60c';
const S = 'eee19b7ec3c1b174';
const P = '0102030405060708';
/** A KeyValue as field `field` (Resource.attributes = 1, Span.attributes = 9). */
const kv = (field: number, k: string, v: Buffer) => len(field, len(1, k), len(2, v));
const spanBytes = (...extra: Buffer[]) => Buffer.concat([
  len(1, hex(T)), len(2, hex(S)), len(4, hex(P)), len(5, 'GET /users'), varint(6, 2),
  fixed64(7, 1795339491927000000n), fixed64(8, 1795339491930500000n),
  kv(9, 'http.route', len(1, '/users')), kv(9, 'n', varint(3, 42)), ...extra,
]);

describe('OTLP protobuf trace exports read from their bytes', () => {
  it('gives the rows the OTLP/JSON path gives for the same export, every field and attribute type', () => {
    const id = (h: string) => hex(h);
    const request = {
      resourceSpans: [{
        resource: { attributes: [{ key: 'service.name', value: { stringValue: 'users-api' } }, { key: 'loom.run.id', value: { stringValue: 'run-7' } }] },
        scopeSpans: [{
          scope: { name: '@opentelemetry/instrumentation-http', version: '0.57.0' },
          spans: [{
            traceId: id(T), spanId: id(S), parentSpanId: id(P), traceState: 'vendor=1', name: 'chat gpt-4o-mini', kind: 3,
            startTimeUnixNano: '1795339491927000000', endTimeUnixNano: '1795339491930500000',
            attributes: [
              { key: 'gen_ai.operation.name', value: { stringValue: 'chat' } }, { key: 'gen_ai.request.model', value: { stringValue: 'gpt-4o-mini' } },
              { key: 'gen_ai.usage.input_tokens', value: { intValue: 1850 } }, { key: 'gen_ai.usage.output_tokens', value: { intValue: '240' } },
              { key: 'neg', value: { intValue: '-5' } }, { key: 'min', value: { intValue: '-9223372036854775808' } }, { key: 'big', value: { intValue: '9007199254740993' } },
              { key: 'ratio', value: { doubleValue: 0.25 } }, { key: 'ok', value: { boolValue: true } }, { key: 'raw', value: { bytesValue: Buffer.from([1, 2, 255]) } },
              { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 2 }, {}, { arrayValue: { values: [{ boolValue: false }] } }] } } },
              { key: 'obj', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }, { key: 'n', value: { doubleValue: 1.5 } }, { key: 'e' }] } } },
              { key: 'empty', value: {} }, { key: 'none' }, { key: 'ünï', value: { stringValue: 'ßtring ✓' } }, { key: 'ok', value: { stringValue: 'again' } },
              { key: 'loom.prompt.name', value: { stringValue: 'answer' } }, { key: 'loom.prompt.version', value: { stringValue: '7' } },
            ],
            events: [
              { timeUnixNano: '1795339491928000000', name: 'exception', attributes: [{ key: 'exception.type', value: { stringValue: 'Timeout' } }] },
              { name: 'no time' },
            ],
            links: [
              { traceId: id('000102030405060708090a0b0c0d0e0f'), spanId: id(P), traceState: 't', attributes: [{ key: 'rel', value: { stringValue: 'follows' } }] },
              { traceId: id('0001'), spanId: id('0000000000000000') },
            ],
            status: { code: 2, message: 'boom' },
          }, {
            traceId: id(T), spanId: id('0000000000000001'), startTimeUnixNano: '1795339491927000000', endTimeUnixNano: '1795339491927000000', kind: 9, status: { code: 7 },
          }],
        }, { spans: [{ traceId: id(T), spanId: id('0000000000000002'), startTimeUnixNano: '1795339491927000000', endTimeUnixNano: '1795339491927000001' }] }],
      }, {
        scopeSpans: [{ spans: [{ traceId: id(T), spanId: id('0000000000000003'), startTimeUnixNano: '1795339491927000000', endTimeUnixNano: '1795339491927000000' }] }],
      }],
    };
    const bytes = encode(request);
    const got = wireRows(bytes);
    expect(got).toEqual(referenceRows(bytes));
    expect(got.rejected).toBe(0);
    const [chat, bare, second, other] = got.rows;
    expect(chat).toMatchObject({
      trace_id: T, span_id: S, parent_span_id: P, trace_state: 'vendor=1', kind: 3, status_code: 2, status_message: 'boom', duration_ns: 3_500_000,
      service_name: 'users-api', scope_name: '@opentelemetry/instrumentation-http', run_id: 'run-7', is_llm: true, llm_input_tokens: 1850,
      prompt_name: 'answer', prompt_version: '7', 'events.time': ['1795339491928000000', '1795339491927000000'],
      'links.trace_id': ['000102030405060708090a0b0c0d0e0f', ''], 'links.span_id': [P, ''],
    });
    expect(chat.attributes).toMatchObject({
      neg: '-5', min: '-9223372036854775808', big: '9007199254740993', ratio: '0.25', ok: 'again', raw: 'AQL/',
      tags: '["a",2,null,[false]]', obj: '{"k":"v","n":1.5,"e":null}', empty: '', none: '', 'ünï': 'ßtring ✓',
    });
    expect(chat.attribute_types).toMatchObject({ neg: 'int', min: 'int', big: 'int', ratio: 'double', raw: 'bytes', tags: 'array', obj: 'kvlist' });
    expect(chat.attribute_types).not.toHaveProperty('ok'); // the last value (a string) wins, type and all
    expect([bare.kind, bare.status_code, bare.parent_span_id, second.scope_name, other.service_name]).toEqual([0, 0, '', '', 'unknown_service']);
  });

  it('rejects the spans the OTLP/JSON path rejects, alone, with the same reasons', () => {
    const ok = { traceId: hex(T), spanId: hex(S), startTimeUnixNano: '1795339491927000000', endTimeUnixNano: '1795339491927000000' };
    const bytes = encode({ resourceSpans: [{ scopeSpans: [{ spans: [
      ok, { ...ok, traceId: hex('00'.repeat(16)) }, { ...ok, traceId: hex('01'.repeat(11)) }, { ...ok, traceId: undefined }, { ...ok, spanId: hex('01'.repeat(4)) },
      { ...ok, parentSpanId: hex('00'.repeat(8)) }, { ...ok, startTimeUnixNano: undefined }, { ...ok, startTimeUnixNano: '5' },
      { ...ok, endTimeUnixNano: '1795339491926999999' }, { ...ok, endTimeUnixNano: '18446744073709551615' },
    ] }] }] });
    const got = wireRows(bytes);
    expect(got).toEqual(referenceRows(bytes));
    expect(got.rows).toHaveLength(1);
    expect(got.rejected).toBe(9);
    expect(got.errors).toEqual([
      'resourceSpans[0].scopeSpans[0].spans[1].traceId: must be 16 bytes, not all zero (32 hex digits)',
      'resourceSpans[0].scopeSpans[0].spans[2].traceId: must be 16 bytes, not all zero (32 hex digits)',
      'resourceSpans[0].scopeSpans[0].spans[3].traceId: must be 16 bytes, not all zero (32 hex digits)',
      'resourceSpans[0].scopeSpans[0].spans[4].spanId: must be 8 bytes, not all zero (16 hex digits)',
      'resourceSpans[0].scopeSpans[0].spans[5].parentSpanId: must be empty or 8 bytes (16 hex digits)',
    ]);
  });

  it('agrees with the reference on random exports', () => {
    let seed = 7;
    const rnd = (n: number) => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) % n);
    const pick = <T>(xs: T[]) => xs[rnd(xs.length)];
    const bytesOf = (n: number) => Buffer.from(Array.from({ length: n }, () => rnd(256)));
    const anyValue = (depth: number): object => {
      switch (rnd(depth > 2 ? 5 : 7)) {
        case 0: return { stringValue: pick(['', 'x', 'gpt-4o', 'ü✓', 'a"b\\c\n']) };
        case 1: return { intValue: pick(['0', '1', '-1', '4294967296', '-4294967297', '9007199254740993', '9223372036854775807']) };
        case 2: return { doubleValue: pick([0, -0.5, 1e300, 3.25]) };
        case 3: return { boolValue: rnd(2) === 1 };
        case 4: return { bytesValue: bytesOf(rnd(5)) };
        case 5: return { arrayValue: { values: Array.from({ length: rnd(3) }, () => anyValue(depth + 1)) } };
        default: return { kvlistValue: { values: attrs(depth + 1) } };
      }
    };
    const attrs = (depth: number) => Array.from({ length: rnd(6) }, () => ({ key: pick(['a', 'b', 'gen_ai.request.model', 'gen_ai.usage.input_tokens', 'llm.token_count.prompt', 'loom.run.id', 'service.name', '']), value: anyValue(depth) }));
    const time = () => pick(['0', '946684800000000001', '1795339491927000000', '1795339491999000000', '18446744073709551615']);
    const span = () => ({
      traceId: rnd(8) ? bytesOf(16) : bytesOf(rnd(20)), spanId: rnd(8) ? bytesOf(8) : bytesOf(rnd(10)), parentSpanId: pick([undefined, bytesOf(8), bytesOf(0)]),
      traceState: pick([undefined, 'k=v']), name: pick([undefined, 'op']), kind: rnd(8), startTimeUnixNano: time(), endTimeUnixNano: time(), attributes: attrs(0),
      events: Array.from({ length: rnd(3) }, () => ({ timeUnixNano: pick([undefined, time()]), name: 'e', attributes: attrs(1) })),
      links: Array.from({ length: rnd(3) }, () => ({ traceId: bytesOf(pick([16, 3])), spanId: bytesOf(8), attributes: attrs(1) })),
      status: pick([undefined, { code: rnd(4), message: 'm' }]),
    });
    for (let i = 0; i < 200; i++) {
      const bytes = encode({ resourceSpans: Array.from({ length: 1 + rnd(2) }, () => ({
        resource: pick([undefined, { attributes: attrs(0) }]),
        scopeSpans: Array.from({ length: 1 + rnd(2) }, () => ({ scope: pick([undefined, { name: 's', version: '1' }]), spans: Array.from({ length: rnd(4) }, span) })),
      })) });
      expect(wireRows(bytes)).toEqual(referenceRows(bytes));
    }
  });

  it('reads fields in any order, skips unknown fields of every wire type, and a repeated message field replaces the earlier one', () => {
    // ... and a known field sent with another wire type is skipped too (the span's name as a varint, after its string).
    const scopeSpans = len(2, unknown(), len(2, spanBytes(unknown(), varint(5, 7))), len(1, len(1, 'late-scope'), unknown(), len(2, '9')));
    const resource = len(1, unknown(), kv(1, 'service.name', len(1, 'first')));
    const resourceLast = len(1, kv(1, 'service.name', len(1, 'svc')));
    const bytes = Buffer.concat([unknown(), len(1, scopeSpans, unknown(), resource, resourceLast)]);
    const { rows, rejected } = wireRows(bytes);
    expect(rejected).toBe(0);
    expect(rows).toHaveLength(1);
    expect(rows[0]).toMatchObject({ trace_id: T, span_id: S, parent_span_id: P, name: 'GET /users', kind: 2, service_name: 'svc', scope_name: 'late-scope', scope_version: '9' });
    expect(rows[0].attributes).toEqual({ 'http.route': '/users', n: '42' });
    // the same export as protobufjs writes it (known fields in order, no unknown ones)
    const plain = Buffer.concat([len(1, len(1, kv(1, 'service.name', len(1, 'svc'))), len(2, len(1, len(1, 'late-scope'), len(2, '9')), len(2, spanBytes())))]);
    expect(wireRows(plain)).toEqual(wireRows(bytes));
    expect(wireRows(plain)).toEqual(referenceRows(plain));
  });

  it('cuts attribute values nested deeper than the domain keeps, without recursing into the rest', () => {
    let value = len(1, 'bottom'); // AnyValue { string_value }
    for (let i = 0; i < 3_000; i++) value = len(5, len(1, value)); // AnyValue { array_value { values: [value] } }
    const bytes = Buffer.concat([len(1, len(2, len(2, spanBytes(kv(9, 'deep', value)))))]);
    const [row] = wireRows(bytes).rows;
    expect(row.attribute_types.deep).toBe('array');
    const depth = (text: string) => text.match(/^\[+/)![0].length;
    expect(depth(row.attributes.deep)).toBe(33); // arrays at depths 0..32, then null, as the OTLP/JSON path cuts them
    expect(row.attributes.deep).toBe(`${'['.repeat(33)}null${']'.repeat(33)}`);
    let json: object = { stringValue: 'bottom' };
    for (let i = 0; i < 40; i++) json = { arrayValue: { values: [json] } };
    const fromJson = toSpanRows('t', { resourceSpans: [{ scopeSpans: [{ spans: [{ traceId: T, spanId: S, startTimeUnixNano: '1795339491927000000', endTimeUnixNano: '1795339491927000000', attributes: [{ key: 'deep', value: json }] }] }] }] }, prices);
    expect(fromJson.rows[0].attributes.deep).toBe(row.attributes.deep);
  });

  it('throws a WireError on bytes that are not an export, and reads an empty body as no spans', () => {
    const bad = [
      Buffer.from([0x0a, 0xff, 0xff, 0xff, 0x0f]), // a length far past the end
      Buffer.from([0x0a, 0x05, 0x01]), // a length past the end
      Buffer.from([0x0a]), // a truncated length
      Buffer.from([0x0e]), // wire type 6
      Buffer.from([0x00, 0x01]), // field number 0
      len(1, len(2, len(2, key(7, 1), Buffer.from([1, 2, 3])))), // a truncated fixed64 inside a span
      Buffer.from([0x08, ...Array(11).fill(0xff)]), // a varint longer than 10 bytes
      spanBytes().subarray(0, 10),
    ];
    for (const b of bad) expect(() => wireRows(b), b.toString('hex')).toThrow(WireError);
    expect(wireRows(new Uint8Array(0))).toEqual({ rows: [], rejected: 0, errors: [] });
  });
});
