/**
 * The OTLP protobuf messages (metrics decoded; export responses encoded; trace exports are read by
 * otlp.wire.ts), as handled by the generated protobufjs code of
 * @opentelemetry/otlp-transformer 0.212 (installed as `otlp-proto-decode`; newer versions only
 * encode). Only the fields Loom reads are typed. Oneofs are read through their virtual name
 * property (`value`, `data`); int64/fixed64 come as Long objects (or numbers without Long support).
 */
import { createRequire } from 'node:module';

export type PbLong = number | { toString(): string };
export type PbBytes = Uint8Array;

export interface PbAnyValue {
  value?: 'stringValue' | 'boolValue' | 'intValue' | 'doubleValue' | 'arrayValue' | 'kvlistValue' | 'bytesValue';
  stringValue?: string; boolValue?: boolean; intValue?: PbLong; doubleValue?: number;
  arrayValue?: { values?: PbAnyValue[] }; kvlistValue?: { values?: PbKeyValue[] }; bytesValue?: PbBytes;
}
export interface PbKeyValue { key?: string; value?: PbAnyValue | null }
export interface PbResource { attributes?: PbKeyValue[] }
export interface PbScope { name?: string; version?: string; attributes?: PbKeyValue[] }

export interface PbNumberPoint {
  attributes?: PbKeyValue[]; startTimeUnixNano?: PbLong; timeUnixNano?: PbLong; flags?: number;
  value?: 'asDouble' | 'asInt'; asDouble?: number; asInt?: PbLong;
}
export interface PbHistogramPoint {
  attributes?: PbKeyValue[]; startTimeUnixNano?: PbLong; timeUnixNano?: PbLong; flags?: number;
  count?: PbLong; sum?: number | null; min?: number | null; max?: number | null; bucketCounts?: PbLong[]; explicitBounds?: number[];
}
export interface PbExpHistogramPoint {
  attributes?: PbKeyValue[]; startTimeUnixNano?: PbLong; timeUnixNano?: PbLong; flags?: number;
  count?: PbLong; sum?: number | null; min?: number | null; max?: number | null; scale?: number; zeroCount?: PbLong; zeroThreshold?: number;
  positive?: { offset?: number; bucketCounts?: PbLong[] } | null; negative?: { offset?: number; bucketCounts?: PbLong[] } | null;
}
export interface PbSummaryPoint {
  attributes?: PbKeyValue[]; startTimeUnixNano?: PbLong; timeUnixNano?: PbLong; flags?: number;
  count?: PbLong; sum?: number; quantileValues?: { quantile?: number; value?: number }[];
}
export interface PbMetric {
  name?: string; description?: string; unit?: string;
  data?: 'gauge' | 'sum' | 'histogram' | 'exponentialHistogram' | 'summary';
  gauge?: { dataPoints?: PbNumberPoint[] };
  sum?: { dataPoints?: PbNumberPoint[]; aggregationTemporality?: number; isMonotonic?: boolean };
  histogram?: { dataPoints?: PbHistogramPoint[]; aggregationTemporality?: number };
  exponentialHistogram?: { dataPoints?: PbExpHistogramPoint[]; aggregationTemporality?: number };
  summary?: { dataPoints?: PbSummaryPoint[] };
}
export interface PbMetricsRequest {
  resourceMetrics?: { resource?: PbResource | null; schemaUrl?: string; scopeMetrics?: { scope?: PbScope | null; schemaUrl?: string; metrics?: PbMetric[] }[] }[];
}

interface MessageType<T> { decode(buf: Uint8Array): T; encode(msg: object): { finish(): Uint8Array } }

interface OtlpRoot {
  opentelemetry: { proto: { collector: {
    trace: { v1: { ExportTraceServiceRequest: MessageType<object>; ExportTraceServiceResponse: MessageType<object> } };
    metrics: { v1: { ExportMetricsServiceRequest: MessageType<PbMetricsRequest>; ExportMetricsServiceResponse: MessageType<object> } };
  } } };
}

const root = createRequire(import.meta.url)('otlp-proto-decode/build/src/generated/root.js') as OtlpRoot;
export const traceMessages = root.opentelemetry.proto.collector.trace.v1;
export const metricsMessages = root.opentelemetry.proto.collector.metrics.v1;
