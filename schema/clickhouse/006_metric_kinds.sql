-- Exponential histograms and summaries in metric_points (server/src/domain/telemetry/metrics-points.ts),
-- beside gauges, sums and explicit-bucket histograms. An OTel SDK configured for base-2 exponential
-- histograms exports them, and an OTel Collector scraping Prometheus turns every Prometheus summary
-- (Go's go_gc_duration_seconds, for one) into an OTLP summary.
--
-- Like explicit-bucket histograms they are not rolled up: the view below now takes gauges and sums
-- only (before, everything but histograms). It is replaced first, so no INSERT of a new kind can reach
-- the rollup, whose metric_type keeps its three values. Loom applies migrations before it serves; a
-- ClickHouse server shared with a Loom still running the older version would miss the rollup of that
-- process's inserts made between the DROP and the CREATE.
DROP VIEW IF EXISTS metric_points_1m_mv;

CREATE MATERIALIZED VIEW IF NOT EXISTS metric_points_1m_mv TO metric_points_1m AS
SELECT tenant_id, metric_name, series_id, toStartOfMinute(time) AS minute, metric_type,
       any(temporality) AS temporality, any(unit) AS unit, any(service_name) AS service_name, any(labels) AS labels,
       min(value) AS min, max(value) AS max, sum(value) AS sum, count() AS count,
       argMaxState(value, time) AS last, min(time) AS first_time, max(time) AS last_time
FROM metric_points
WHERE metric_type IN ('gauge', 'sum') AND isFinite(value)
GROUP BY tenant_id, metric_name, series_id, minute, metric_type;

-- Appending values to an Enum changes only the table's metadata.
ALTER TABLE metric_points MODIFY COLUMN metric_type Enum8('gauge' = 1, 'sum' = 2, 'histogram' = 3, 'exponential_histogram' = 4, 'summary' = 5);

-- An exponential histogram point: count, sum, min and max in the hist_* columns as for explicit
-- buckets; bucket i of `exp_positive_counts` counts the values in (base^(offset + i), base^(offset + i + 1)]
-- with base = 2^(2^-exp_scale), `exp_negative_counts` the same for -values; `exp_zero_count` the values
-- within `exp_zero_threshold` of 0.
-- A summary point: count and sum in hist_count and hist_sum, and its quantiles (`quantiles`, ascending,
-- in [0, 1]) with their values (`quantile_values`, nan when the source had none, as Prometheus reports a
-- quantile over a window without observations).
ALTER TABLE metric_points
    ADD COLUMN IF NOT EXISTS exp_scale Int8,
    ADD COLUMN IF NOT EXISTS exp_zero_count UInt64,
    ADD COLUMN IF NOT EXISTS exp_zero_threshold Float64,
    ADD COLUMN IF NOT EXISTS exp_positive_offset Int32,
    ADD COLUMN IF NOT EXISTS exp_positive_counts Array(UInt64),
    ADD COLUMN IF NOT EXISTS exp_negative_offset Int32,
    ADD COLUMN IF NOT EXISTS exp_negative_counts Array(UInt64),
    ADD COLUMN IF NOT EXISTS quantiles Array(Float64),
    ADD COLUMN IF NOT EXISTS quantile_values Array(Float64);
