/**
 * OTLP/HTTP protobuf metrics bodies → the OTLP/JSON form the domain reads (server/src/domain/telemetry/otlp.types.ts):
 * bytes as base64 (the JSON mapping), 64-bit integers as decimal strings, enums as integers. Trace
 * exports are read from their bytes instead (otlp.wire.ts). Responses and google.rpc.Status errors
 * are encoded here too.
 */
import type {
  OtlpAnyValue, OtlpExpBuckets, OtlpExpHistogramDataPoint, OtlpExportMetricsRequest, OtlpHistogramDataPoint, OtlpIngestResult, OtlpKeyValue,
  OtlpMetric, OtlpNumberDataPoint, OtlpResource, OtlpScope, OtlpSummaryDataPoint,
} from '../../server/src/domain/telemetry/otlp.types.js';
import {
  metricsMessages, traceMessages, type PbAnyValue, type PbBytes, type PbExpHistogramPoint, type PbHistogramPoint, type PbKeyValue, type PbLong,
  type PbMetric, type PbNumberPoint, type PbResource, type PbScope, type PbSummaryPoint,
} from './otlp.proto.js';

const base64 = (b: PbBytes | undefined) => (b ? Buffer.from(b.buffer, b.byteOffset, b.length).toString('base64') : '');
const int64 = (v: PbLong | undefined | null): string | undefined => (v === undefined || v === null ? undefined : v.toString());

function anyValue(v: PbAnyValue | null | undefined): OtlpAnyValue | undefined {
  switch (v?.value) {
    case 'stringValue': return { stringValue: v.stringValue };
    case 'boolValue': return { boolValue: v.boolValue };
    case 'intValue': return { intValue: int64(v.intValue) };
    case 'doubleValue': return { doubleValue: v.doubleValue };
    case 'arrayValue': return { arrayValue: { values: (v.arrayValue?.values ?? []).map((x) => anyValue(x) ?? {}) } };
    case 'kvlistValue': return { kvlistValue: { values: keyValues(v.kvlistValue?.values) } };
    case 'bytesValue': return { bytesValue: base64(v.bytesValue) };
    default: return undefined;
  }
}

const keyValues = (kvs: PbKeyValue[] | undefined): OtlpKeyValue[] => (kvs ?? []).map((kv) => ({ key: kv.key ?? '', value: anyValue(kv.value) }));
const resource = (r: PbResource | null | undefined): OtlpResource => ({ attributes: keyValues(r?.attributes) });
const scope = (s: PbScope | null | undefined): OtlpScope => ({ name: s?.name ?? '', version: s?.version ?? '', attributes: keyValues(s?.attributes) });

function numberPoint(p: PbNumberPoint): OtlpNumberDataPoint {
  const out: OtlpNumberDataPoint = {
    attributes: keyValues(p.attributes), startTimeUnixNano: int64(p.startTimeUnixNano), timeUnixNano: int64(p.timeUnixNano), flags: p.flags ?? 0,
  };
  if (p.value === 'asDouble') out.asDouble = p.asDouble;
  else if (p.value === 'asInt') out.asInt = int64(p.asInt);
  return out;
}

const present = (v: number | null | undefined): v is number => v !== null && v !== undefined;

/** A distribution point with the sum, min and max its sender gave (proto3 optional: absent stays absent). */
function withStats<T extends { sum?: number; min?: number; max?: number }>(out: T, p: { sum?: number | null; min?: number | null; max?: number | null }): T {
  if (present(p.sum)) out.sum = p.sum;
  if (present(p.min)) out.min = p.min;
  if (present(p.max)) out.max = p.max;
  return out;
}

function histogramPoint(p: PbHistogramPoint): OtlpHistogramDataPoint {
  const out: OtlpHistogramDataPoint = {
    attributes: keyValues(p.attributes), startTimeUnixNano: int64(p.startTimeUnixNano), timeUnixNano: int64(p.timeUnixNano),
    count: int64(p.count) ?? '0', bucketCounts: (p.bucketCounts ?? []).map((c) => c.toString()), explicitBounds: p.explicitBounds ?? [], flags: p.flags ?? 0,
  };
  return withStats(out, p);
}

const buckets = (b: { offset?: number; bucketCounts?: PbLong[] } | null | undefined): OtlpExpBuckets => ({ offset: b?.offset ?? 0, bucketCounts: (b?.bucketCounts ?? []).map((c) => c.toString()) });

function expHistogramPoint(p: PbExpHistogramPoint): OtlpExpHistogramDataPoint {
  const out: OtlpExpHistogramDataPoint = {
    attributes: keyValues(p.attributes), startTimeUnixNano: int64(p.startTimeUnixNano), timeUnixNano: int64(p.timeUnixNano),
    count: int64(p.count) ?? '0', scale: p.scale ?? 0, zeroCount: int64(p.zeroCount) ?? '0', zeroThreshold: p.zeroThreshold ?? 0,
    positive: buckets(p.positive), negative: buckets(p.negative), flags: p.flags ?? 0,
  };
  return withStats(out, p);
}

function summaryPoint(p: PbSummaryPoint): OtlpSummaryDataPoint {
  return {
    attributes: keyValues(p.attributes), startTimeUnixNano: int64(p.startTimeUnixNano), timeUnixNano: int64(p.timeUnixNano),
    count: int64(p.count) ?? '0', sum: p.sum ?? 0, quantileValues: (p.quantileValues ?? []).map((q) => ({ quantile: q.quantile ?? 0, value: q.value ?? 0 })), flags: p.flags ?? 0,
  };
}

function metric(m: PbMetric): OtlpMetric {
  const out: OtlpMetric = { name: m.name ?? '', description: m.description ?? '', unit: m.unit ?? '' };
  switch (m.data) {
    case 'gauge': out.gauge = { dataPoints: (m.gauge?.dataPoints ?? []).map(numberPoint) }; break;
    case 'sum': out.sum = { dataPoints: (m.sum?.dataPoints ?? []).map(numberPoint), aggregationTemporality: m.sum?.aggregationTemporality ?? 0, isMonotonic: !!m.sum?.isMonotonic }; break;
    case 'histogram': out.histogram = { dataPoints: (m.histogram?.dataPoints ?? []).map(histogramPoint), aggregationTemporality: m.histogram?.aggregationTemporality ?? 0 }; break;
    case 'exponentialHistogram': out.exponentialHistogram = { dataPoints: (m.exponentialHistogram?.dataPoints ?? []).map(expHistogramPoint), aggregationTemporality: m.exponentialHistogram?.aggregationTemporality ?? 0 }; break;
    case 'summary': out.summary = { dataPoints: (m.summary?.dataPoints ?? []).map(summaryPoint) }; break;
    default: break;
  }
  return out;
}

/** Decode an ExportMetricsServiceRequest; throws on bytes that are not one. */
export function decodeMetrics(body: Uint8Array): OtlpExportMetricsRequest {
  const msg = metricsMessages.ExportMetricsServiceRequest.decode(body);
  return {
    resourceMetrics: (msg.resourceMetrics ?? []).map((rm) => ({
      resource: resource(rm.resource),
      schemaUrl: rm.schemaUrl ?? '',
      scopeMetrics: (rm.scopeMetrics ?? []).map((sm) => ({ scope: scope(sm.scope), schemaUrl: sm.schemaUrl ?? '', metrics: (sm.metrics ?? []).map(metric) })),
    })),
  };
}

export type Signal = 'traces' | 'metrics';

/** The export response as protobuf bytes: partial_success only when something was rejected. */
/** What an answer says: the rejected items and why (partial_success). */
type Answer = Pick<OtlpIngestResult, 'rejected' | 'errorMessage'>;

export function encodeResponse(signal: Signal, r: Answer): Uint8Array {
  const errorMessage = r.errorMessage ?? '';
  if (signal === 'traces') {
    return traceMessages.ExportTraceServiceResponse.encode(r.rejected || errorMessage ? { partialSuccess: { rejectedSpans: r.rejected, errorMessage } } : {}).finish();
  }
  return metricsMessages.ExportMetricsServiceResponse.encode(r.rejected || errorMessage ? { partialSuccess: { rejectedDataPoints: r.rejected, errorMessage } } : {}).finish();
}

/** The export response in its OTLP/JSON form. */
export function jsonResponse(signal: Signal, r: Answer): Record<string, unknown> {
  if (!r.rejected && !r.errorMessage) return {};
  const count = signal === 'traces' ? { rejectedSpans: String(r.rejected) } : { rejectedDataPoints: String(r.rejected) };
  return { partialSuccess: { ...count, errorMessage: r.errorMessage ?? '' } };
}

function varint(n: number): number[] {
  const out: number[] = [];
  let v = n >>> 0;
  while (v > 0x7f) { out.push((v & 0x7f) | 0x80); v >>>= 7; }
  out.push(v);
  return out;
}

/** google.rpc.Status { int32 code = 1; string message = 2; } as protobuf bytes (no details). */
export function encodeStatus(code: number, message: string): Uint8Array {
  const text = Buffer.from(message, 'utf8');
  return Buffer.concat([Buffer.from([0x08, ...varint(code), 0x12, ...varint(text.length)]), text]);
}
