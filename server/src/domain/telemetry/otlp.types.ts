/**
 * OTLP requests in their OTLP/JSON form (opentelemetry-proto's JSON mapping): what JSON bodies hold,
 * and what the metrics receiver decodes protobuf bodies into (64-bit integers as decimal strings or
 * numbers, enums as integers). Protobuf trace exports skip this form: they are read from their bytes
 * into SpanFields (spans.ts SpanReader, ingest/otlp/otlp.wire.ts).
 * Only the fields Loom reads are typed; everything is optional because emitters omit defaults.
 */

/** 64-bit integers arrive as decimal strings (JSON mapping) or numbers (lenient emitters). */
export type OtlpInt64 = string | number;

export interface OtlpAnyValue {
  stringValue?: string;
  boolValue?: boolean;
  intValue?: OtlpInt64;
  doubleValue?: number;
  arrayValue?: { values?: OtlpAnyValue[] };
  kvlistValue?: { values?: OtlpKeyValue[] };
  /** hex (decoded protobuf) or base64 (JSON emitters) */
  bytesValue?: string;
}

export interface OtlpKeyValue {
  key: string;
  value?: OtlpAnyValue;
}

export interface OtlpResource {
  attributes?: OtlpKeyValue[];
  droppedAttributesCount?: number;
}

export interface OtlpScope {
  name?: string;
  version?: string;
  attributes?: OtlpKeyValue[];
}

// ---------- traces ----------

export interface OtlpSpanEvent {
  timeUnixNano?: OtlpInt64;
  name?: string;
  attributes?: OtlpKeyValue[];
}

export interface OtlpSpanLink {
  traceId?: string;
  spanId?: string;
  traceState?: string;
  attributes?: OtlpKeyValue[];
}

export interface OtlpSpan {
  traceId?: string;
  spanId?: string;
  traceState?: string;
  parentSpanId?: string;
  name?: string;
  /** 0 unspecified, 1 internal, 2 server, 3 client, 4 producer, 5 consumer */
  kind?: number;
  startTimeUnixNano?: OtlpInt64;
  endTimeUnixNano?: OtlpInt64;
  attributes?: OtlpKeyValue[];
  events?: OtlpSpanEvent[];
  links?: OtlpSpanLink[];
  /** code: 0 unset, 1 ok, 2 error */
  status?: { code?: number; message?: string };
}

export interface OtlpExportTraceRequest {
  resourceSpans?: Array<{
    resource?: OtlpResource;
    scopeSpans?: Array<{ scope?: OtlpScope; spans?: OtlpSpan[]; schemaUrl?: string }>;
    schemaUrl?: string;
  }>;
}

// ---------- metrics ----------

export interface OtlpNumberDataPoint {
  attributes?: OtlpKeyValue[];
  startTimeUnixNano?: OtlpInt64;
  timeUnixNano?: OtlpInt64;
  asDouble?: number;
  asInt?: OtlpInt64;
  flags?: number;
}

export interface OtlpHistogramDataPoint {
  attributes?: OtlpKeyValue[];
  startTimeUnixNano?: OtlpInt64;
  timeUnixNano?: OtlpInt64;
  count?: OtlpInt64;
  sum?: number;
  min?: number;
  max?: number;
  bucketCounts?: OtlpInt64[];
  explicitBounds?: number[];
  flags?: number;
}

/** Base-2 exponential buckets: bucketCounts[i] counts values in (base^(offset + i), base^(offset + i + 1)], base = 2^(2^-scale). */
export interface OtlpExpBuckets { offset?: number; bucketCounts?: OtlpInt64[] }

export interface OtlpExpHistogramDataPoint {
  attributes?: OtlpKeyValue[];
  startTimeUnixNano?: OtlpInt64;
  timeUnixNano?: OtlpInt64;
  count?: OtlpInt64;
  sum?: number;
  scale?: number;
  zeroCount?: OtlpInt64;
  positive?: OtlpExpBuckets;
  negative?: OtlpExpBuckets;
  min?: number;
  max?: number;
  zeroThreshold?: number;
  flags?: number;
}

export interface OtlpSummaryDataPoint {
  attributes?: OtlpKeyValue[];
  startTimeUnixNano?: OtlpInt64;
  timeUnixNano?: OtlpInt64;
  count?: OtlpInt64;
  sum?: number;
  /** a value may be "NaN" (JSON) or NaN (protobuf) */
  quantileValues?: { quantile?: number; value?: number | string }[];
  flags?: number;
}

export interface OtlpMetric {
  name?: string;
  description?: string;
  unit?: string;
  gauge?: { dataPoints?: OtlpNumberDataPoint[] };
  /** aggregationTemporality: 1 delta, 2 cumulative */
  sum?: { dataPoints?: OtlpNumberDataPoint[]; aggregationTemporality?: number; isMonotonic?: boolean };
  histogram?: { dataPoints?: OtlpHistogramDataPoint[]; aggregationTemporality?: number };
  exponentialHistogram?: { dataPoints?: OtlpExpHistogramDataPoint[]; aggregationTemporality?: number };
  summary?: { dataPoints?: OtlpSummaryDataPoint[] };
}

export interface OtlpExportMetricsRequest {
  resourceMetrics?: Array<{
    resource?: OtlpResource;
    scopeMetrics?: Array<{ scope?: OtlpScope; metrics?: OtlpMetric[]; schemaUrl?: string }>;
    schemaUrl?: string;
  }>;
}

/** What an OTLP export answers: the spec's partial_success (zero rejected = full success). */
export interface OtlpIngestResult {
  /** spans (traces) or data points (metrics) stored */
  accepted: number;
  /** rejected spans (traces) or rejected data points (metrics) */
  rejected: number;
  errorMessage?: string;
}
