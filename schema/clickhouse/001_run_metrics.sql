-- Run metrics (loss, accuracy, throughput...) logged by training and evaluation runs.
-- One row per (run, key, step, ts); re-logging the same point is a duplicate the readers tolerate.
CREATE TABLE IF NOT EXISTS run_metrics
(
    tenant_id String,
    run_id    String,
    key       LowCardinality(String),
    step      Int64,
    ts        DateTime64(3, 'UTC'),
    value     Float64
)
ENGINE = MergeTree
ORDER BY (tenant_id, run_id, key, step, ts);
