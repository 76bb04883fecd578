-- OTLP metrics received over /v1/metrics (server/src/domain/telemetry/metrics-points.ts flattens
-- them): raw points, a 1-minute rollup kept longer, and GPU points normalised into one typed model
-- (server/src/domain/telemetry/gpu.ts) with their own rollup.
--
-- Raw tables are ReplacingMergeTree keyed by series and time, so an exporter's retry of the same
-- batch collapses to one point (readers use FINAL). The rollups are fed by materialized views at
-- insert time: a retried batch is counted twice there (count/avg shift; min, max and last do not).
-- TTLs below are the defaults (raw 30 days, rollups 400 days); LOOM_METRIC_TTL_DAYS and
-- LOOM_METRIC_ROLLUP_TTL_DAYS change them at start-up (ALTER ... MODIFY TTL).

-- One row per data point of a gauge, sum or (explicit-bucket) histogram. `labels` are the resource
-- attributes overlaid with the point attributes, as text. `series_id` identifies a series
-- (name, type, labels); labels are written with sorted keys so the hash is stable.
-- `value`: the number of a gauge/sum point; for a histogram point its mean (sum / count, NaN when unknown).
CREATE TABLE IF NOT EXISTS metric_points
(
    tenant_id       String,
    metric_name     LowCardinality(String),
    metric_type     Enum8('gauge' = 1, 'sum' = 2, 'histogram' = 3),
    temporality     Enum8('unspecified' = 0, 'delta' = 1, 'cumulative' = 2),
    is_monotonic    Bool,
    unit            LowCardinality(String),
    service_name    LowCardinality(String),
    labels          Map(LowCardinality(String), String),
    series_id       UInt64 MATERIALIZED cityHash64(metric_name, metric_type, labels),
    start_time      DateTime64(9, 'UTC'),
    time            DateTime64(9, 'UTC'),
    value           Float64,
    hist_count      UInt64,
    hist_sum        Nullable(Float64),
    hist_min        Nullable(Float64),
    hist_max        Nullable(Float64),
    bucket_counts   Array(UInt64),
    explicit_bounds Array(Float64)
)
ENGINE = ReplacingMergeTree
PARTITION BY toDate(time)
ORDER BY (tenant_id, metric_name, series_id, time)
TTL toDateTime(time) + INTERVAL 30 DAY
SETTINGS ttl_only_drop_parts = 1;

-- min/max/avg (sum / count)/last per series per minute, for gauges and sums (histograms are read raw).
CREATE TABLE IF NOT EXISTS metric_points_1m
(
    tenant_id    String,
    metric_name  LowCardinality(String),
    series_id    UInt64,
    minute       DateTime('UTC'),
    metric_type  SimpleAggregateFunction(any, Enum8('gauge' = 1, 'sum' = 2, 'histogram' = 3)),
    temporality  SimpleAggregateFunction(any, Enum8('unspecified' = 0, 'delta' = 1, 'cumulative' = 2)),
    unit         SimpleAggregateFunction(any, String),
    service_name SimpleAggregateFunction(any, String),
    labels       SimpleAggregateFunction(any, Map(String, String)),
    min          SimpleAggregateFunction(min, Float64),
    max          SimpleAggregateFunction(max, Float64),
    sum          SimpleAggregateFunction(sum, Float64),
    count        SimpleAggregateFunction(sum, UInt64),
    last         AggregateFunction(argMax, Float64, DateTime64(9, 'UTC')),
    first_time   SimpleAggregateFunction(min, DateTime64(9, 'UTC')),
    last_time    SimpleAggregateFunction(max, DateTime64(9, 'UTC'))
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (tenant_id, metric_name, series_id, minute)
TTL minute + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS metric_points_1m_mv TO metric_points_1m AS
SELECT tenant_id, metric_name, series_id, toStartOfMinute(time) AS minute, metric_type,
       any(temporality) AS temporality, any(unit) AS unit, any(service_name) AS service_name, any(labels) AS labels,
       min(value) AS min, max(value) AS max, sum(value) AS sum, count() AS count,
       argMaxState(value, time) AS last, min(time) AS first_time, max(time) AS last_time
FROM metric_points
WHERE metric_type != 'histogram' AND isFinite(value)
GROUP BY tenant_id, metric_name, series_id, minute, metric_type;

-- GPU points (DCGM exporter names and OTel hw.* names) in one typed model: `metric` is the
-- normalised name (utilization %, memory_used bytes, power W, temperature Cel, sm_active ratio...,
-- see gpu.ts), `source_metric` the name it arrived under. Sorted for the run question "the GPUs of
-- pod P in namespace N between T1 and T2"; a bloom filter serves lookups by GPU uuid.
CREATE TABLE IF NOT EXISTS gpu_metrics
(
    tenant_id     String,
    namespace     LowCardinality(String),
    pod           String,
    container     LowCardinality(String),
    host          LowCardinality(String),
    gpu_uuid      String,
    gpu_index     LowCardinality(String),
    gpu_model     LowCardinality(String),
    metric        LowCardinality(String),
    source_metric LowCardinality(String),
    time          DateTime64(9, 'UTC'),
    value         Float64,
    INDEX gpu_uuid_bf gpu_uuid TYPE bloom_filter GRANULARITY 4
)
ENGINE = ReplacingMergeTree
PARTITION BY toDate(time)
ORDER BY (tenant_id, namespace, pod, metric, gpu_uuid, time)
TTL toDateTime(time) + INTERVAL 30 DAY
SETTINGS ttl_only_drop_parts = 1;

CREATE TABLE IF NOT EXISTS gpu_metrics_1m
(
    tenant_id  String,
    namespace  LowCardinality(String),
    pod        String,
    metric     LowCardinality(String),
    gpu_uuid   String,
    minute     DateTime('UTC'),
    container  SimpleAggregateFunction(any, String),
    host       SimpleAggregateFunction(any, String),
    gpu_index  SimpleAggregateFunction(any, String),
    gpu_model  SimpleAggregateFunction(any, String),
    min        SimpleAggregateFunction(min, Float64),
    max        SimpleAggregateFunction(max, Float64),
    sum        SimpleAggregateFunction(sum, Float64),
    count      SimpleAggregateFunction(sum, UInt64),
    last       AggregateFunction(argMax, Float64, DateTime64(9, 'UTC')),
    first_time SimpleAggregateFunction(min, DateTime64(9, 'UTC')),
    last_time  SimpleAggregateFunction(max, DateTime64(9, 'UTC')),
    INDEX gpu_uuid_bf gpu_uuid TYPE bloom_filter GRANULARITY 4
)
ENGINE = AggregatingMergeTree
PARTITION BY toYYYYMM(minute)
ORDER BY (tenant_id, namespace, pod, metric, gpu_uuid, minute)
TTL minute + INTERVAL 400 DAY;

CREATE MATERIALIZED VIEW IF NOT EXISTS gpu_metrics_1m_mv TO gpu_metrics_1m AS
SELECT tenant_id, namespace, pod, metric, gpu_uuid, toStartOfMinute(time) AS minute,
       any(container) AS container, any(host) AS host, any(gpu_index) AS gpu_index, any(gpu_model) AS gpu_model,
       min(value) AS min, max(value) AS max, sum(value) AS sum, count() AS count,
       argMaxState(value, time) AS last, min(time) AS first_time, max(time) AS last_time
FROM gpu_metrics
WHERE isFinite(value)
GROUP BY tenant_id, namespace, pod, metric, gpu_uuid, minute;
