-- Trace summaries (the `traces` rows and the graph's Trace nodes) are written after an export is
-- acknowledged, by a cycle that follows the spans (server/src/domain/telemetry/trace-rollup.ts).
-- spans.ingested_at, ingested_by: when the span was received (the receiving process's clock) and by
-- which process; 0 and '' for spans stored before this migration, whose summaries were all written
-- before their export was answered.
-- trace_summary_progress: per Loom process (LOOM_INSTANCE, else host and pid), the time before which
-- every span it received is summarised, recorded every few seconds. A process re-summarises the traces
-- of spans it received since its own time at start-up, and of spans another process received since
-- that process's time when it has not recorded it for a minute (it stopped), then closes that row (time 2100-01-01). Rows not recorded for 30 days go.
ALTER TABLE spans ADD COLUMN IF NOT EXISTS ingested_at DateTime64(3, 'UTC') DEFAULT toDateTime64(0, 3, 'UTC');

ALTER TABLE spans ADD COLUMN IF NOT EXISTS ingested_by LowCardinality(String) DEFAULT '';

ALTER TABLE spans ADD INDEX IF NOT EXISTS spans_ingested_at ingested_at TYPE minmax GRANULARITY 1;

CREATE TABLE IF NOT EXISTS trace_summary_progress
(
    tenant_id         String,
    instance          String,
    summarised_before DateTime64(3, 'UTC'),
    recorded_at       DateTime64(6, 'UTC')
)
ENGINE = ReplacingMergeTree(recorded_at)
ORDER BY instance
TTL toDateTime(recorded_at) + INTERVAL 30 DAY;
