import { describe, expect, it } from 'vitest';
import { normaliseId, toSpanRows } from './spans.js';
import { storedToAttrs } from './attributes.js';
import { loadPriceTable } from './prices.js';
import type { OtlpSpan } from './otlp.types.js';

const prices = loadPriceTable();
const T = '5b8efff798038103d269b633813fc60c';
const S = 'eee19b7ec3c1b174';
const span = (over: Partial<OtlpSpan> = {}): OtlpSpan => ({
  traceId: T, spanId: S, name: 'GET /users', kind: 2, startTimeUnixNano: '1795339491927000000', endTimeUnixNano: '1795339491930500000', ...over,
});
const request = (...spans: OtlpSpan[]) => ({
  resourceSpans: [{
    resource: { attributes: [{ key: 'service.name', value: { stringValue: 'users-api' } }, { key: 'loom.run.id', value: { stringValue: 'run-7' } }] },
    scopeSpans: [{ scope: { name: '@opentelemetry/instrumentation-http', version: '0.57.0' }, spans }],
  }],
});

describe('OTLP/JSON spans → span rows', () => {
  it('keeps every field, typed attributes recoverable, events and links', () => {
    const { rows, rejected } = toSpanRows('acme', request(span({
      parentSpanId: '0102030405060708', traceState: 'vendor=1',
      attributes: [
        { key: 'http.status_code', value: { intValue: '200' } }, { key: 'ok', value: { boolValue: true } }, { key: 'ratio', value: { doubleValue: 0.5 } },
        { key: 'tags', value: { arrayValue: { values: [{ stringValue: 'a' }, { intValue: 2 }] } } },
        { key: 'obj', value: { kvlistValue: { values: [{ key: 'k', value: { stringValue: 'v' } }] } } },
        { key: 'big', value: { intValue: '9007199254740993' } }, { key: 'raw', value: { bytesValue: 'AQI=' } }, { key: 'path', value: { stringValue: '/users' } },
        { key: 'none', value: {} },
      ],
      events: [{ timeUnixNano: '1795339491928000000', name: 'exception', attributes: [{ key: 'exception.type', value: { stringValue: 'Timeout' } }] }],
      links: [{ traceId: 'AAECAwQFBgcICQoLDA0ODw==', spanId: '0102030405060708', attributes: [{ key: 'rel', value: { stringValue: 'follows' } }] }],
      status: { code: 2, message: 'boom' },
    })), prices);
    expect(rejected).toBe(0);
    const r = rows[0];
    expect(r).toMatchObject({
      tenant_id: 'acme', trace_id: T, span_id: S, parent_span_id: '0102030405060708', trace_state: 'vendor=1', name: 'GET /users',
      kind: 2, status_code: 2, status_message: 'boom', start_time: '1795339491927000000', end_time: '1795339491930500000', duration_ns: 3_500_000,
      service_name: 'users-api', scope_name: '@opentelemetry/instrumentation-http', scope_version: '0.57.0',
      resource_attributes: { 'service.name': 'users-api', 'loom.run.id': 'run-7' }, run_id: 'run-7', is_llm: false,
      'events.time': ['1795339491928000000'], 'events.name': ['exception'], 'events.attributes': [{ 'exception.type': 'Timeout' }],
      'links.trace_id': ['000102030405060708090a0b0c0d0e0f'], 'links.span_id': ['0102030405060708'], 'links.attributes': [{ rel: 'follows' }],
    });
    expect(r.attributes).toEqual({
      'http.status_code': '200', ok: 'true', ratio: '0.5', tags: '["a",2]', obj: '{"k":"v"}', big: '9007199254740993', raw: 'AQI=', path: '/users', none: '',
    });
    expect(storedToAttrs(r.attributes, r.attribute_types)).toEqual({
      big: '9007199254740993', 'http.status_code': 200, none: null, obj: { k: 'v' }, ok: true, path: '/users', ratio: 0.5, raw: 'AQI=', tags: ['a', 2],
    });
  });

  it('accepts what SDKs and collectors send: upper-case hex, base64 ids, enum names, number times, missing optional parts', () => {
    const { rows, rejected } = toSpanRows('acme', request(
      span({ traceId: T.toUpperCase(), kind: 'SPAN_KIND_CLIENT' as unknown as number, status: { code: 'STATUS_CODE_OK' as unknown as number } }),
      span({ traceId: Buffer.from(T, 'hex').toString('base64'), spanId: Buffer.from(S, 'hex').toString('base64url'), startTimeUnixNano: 1795339491927000000, endTimeUnixNano: 1795339491927000000 }),
      { traceId: T, spanId: '0000000000000001', startTimeUnixNano: '1795339491927000000', endTimeUnixNano: '1795339491927000000' },
    ), prices);
    expect(rejected).toBe(0);
    expect(rows.map((r) => [r.trace_id, r.span_id, r.kind, r.status_code, r.name])).toEqual([
      [T, S, 3, 1, 'GET /users'], [T, S, 2, 0, 'GET /users'], [T, '0000000000000001', 0, 0, ''],
    ]);
    const bare = toSpanRows('acme', { resourceSpans: [{ scopeSpans: [{ spans: [span()] }] }] }, prices).rows[0];
    expect(bare).toMatchObject({ service_name: 'unknown_service', scope_name: '', resource_attributes: {}, run_id: '' });
    expect(toSpanRows('acme', {}, prices)).toEqual({ rows: [], rejected: 0, errors: [] });
  });

  it('rejects unstorable spans one by one, saying where and why, and keeps the rest', () => {
    const { rows, rejected, errors } = toSpanRows('acme', request(
      span(),
      span({ traceId: '00000000000000000000000000000000' }),
      span({ spanId: 'xyz' }),
      span({ parentSpanId: '01' }),
      span({ startTimeUnixNano: '0' }),
      span({ endTimeUnixNano: '1795339491000000000' }),
      span({ startTimeUnixNano: 'soon' }),
    ), prices);
    expect(rows).toHaveLength(1);
    expect(rejected).toBe(6);
    expect(errors).toEqual([
      'resourceSpans[0].scopeSpans[0].spans[1].traceId: must be 16 bytes, not all zero (32 hex digits)',
      'resourceSpans[0].scopeSpans[0].spans[2].spanId: must be 8 bytes, not all zero (16 hex digits)',
      'resourceSpans[0].scopeSpans[0].spans[3].parentSpanId: must be empty or 8 bytes (16 hex digits)',
      'resourceSpans[0].scopeSpans[0].spans[4].startTimeUnixNano: must be Unix nanoseconds after 2000-01-01',
      'resourceSpans[0].scopeSpans[0].spans[5].endTimeUnixNano: must be Unix nanoseconds, not before the start',
    ]);
  });

  it('stores what it can of malformed attribute values, and never throws on them', () => {
    const deep = (n: number): object => (n === 0 ? { stringValue: 'bottom' } : { arrayValue: { values: [deep(n - 1)] } });
    const { rows, rejected } = toSpanRows('acme', request(span({
      attributes: [
        { key: 'deep', value: deep(200) as never }, { key: 'badArray', value: { arrayValue: { values: 5 } } as never },
        { key: 'nullList', value: { kvlistValue: null } as never }, { key: 'weirdInt', value: { intValue: {} } as never },
      ],
      events: 'x' as never, links: { a: 1 } as never,
    })), prices);
    expect(rejected).toBe(0);
    expect(rows[0].attributes.badArray).toBe('[]');
    expect(rows[0].attributes.nullList).toBe('{}');
    expect(rows[0].attributes.deep.length).toBeLessThan(200);
    expect(rows[0]['events.name']).toEqual([]);
  });

  it('refuses a body that is not a trace export at all, naming the field', () => {
    expect(() => toSpanRows('acme', [], prices)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field: '(body)' }));
    expect(() => toSpanRows('acme', { resourceSpans: {} }, prices)).toThrow(expect.objectContaining({ field: 'resourceSpans' }));
    expect(() => toSpanRows('acme', { resourceSpans: [{ scopeSpans: [{ spans: 'x' }] }] }, prices)).toThrow(expect.objectContaining({ field: 'resourceSpans[0].scopeSpans[0].spans' }));
  });

  it('refuses spans that start before the retention (they would expire on arrival); 0 days keeps every span', () => {
    const now = 1795339491927 + 30 * 86_400_000 + 1; // the sample span started 30 days and 1 ms ago
    const old = span({ spanId: '0000000000000002' });
    const fresh = span({ spanId: '0000000000000003', startTimeUnixNano: '1795339491929000000', endTimeUnixNano: '1795339491930000000' });
    const kept = toSpanRows('acme', request(old, fresh), prices, { days: 30, now });
    expect(kept.rows.map((r) => r.span_id)).toEqual(['0000000000000003']);
    expect(kept.rejected).toBe(1);
    expect(kept.errors[0]).toBe('resourceSpans[0].scopeSpans[0].spans[0].startTimeUnixNano: older than the span retention (30 days, LOOM_SPAN_TTL_DAYS): it would be dropped at once');
    expect(toSpanRows('acme', request(old, fresh), prices, { days: 0, now }).rows).toHaveLength(2);
    expect(toSpanRows('acme', request(old, fresh), prices, { days: 31, now }).rows).toHaveLength(2);
  });

  it('refuses spans that start more than a day ahead of the clock, whatever the retention', () => {
    const startMs = 1795339491927; // the sample span's start
    const now = startMs - 86_400_000; // the span starts exactly a day ahead
    const ahead = span({ spanId: '0000000000000004', startTimeUnixNano: '1795339491928000000', endTimeUnixNano: '1795339491930000000' });
    const rows = toSpanRows('acme', request(span({}), ahead), prices, { days: 0, now });
    expect(rows.rows.map((r) => r.span_id)).toEqual([S]);
    expect(rows.errors).toEqual(["resourceSpans[0].scopeSpans[0].spans[1].startTimeUnixNano: more than a day ahead of Loom's clock: check the emitter's clock"]);
    expect(toSpanRows('acme', request(span({}), ahead), prices, { days: 30, now: now + 1 }).rows).toHaveLength(2);
  });

  it('normalises ids: hex of the right length or base64 of the right byte count, never all zero', () => {
    expect(normaliseId('AbCdEf0123456789', 8)).toBe('abcdef0123456789');
    expect(normaliseId(Buffer.alloc(8, 255).toString('base64'), 8)).toBe('ffffffffffffffff');
    expect(normaliseId('abcdef01234567', 8)).toBeNull();
    expect(normaliseId(Buffer.alloc(9, 1).toString('base64'), 8)).toBeNull();
    expect(normaliseId(42, 8)).toBeNull();
  });
});
