-- Every OpenLineage event Loom took in, as it was received (Marquez's GET /api/v1/events/lineage,
-- server/src/domain/openlineage/event-archive.ts). Written by the ingest: before it answers, when it
-- answers after the graph commit; in groups of its own, when it answers from the ingest log (whose mark
-- then waits for the archive too, so after a crash the events are archived again). The ReplacingMergeTree
-- keeps one copy, as it does of an emitter's retry of the same event: `event_hash` is of the event's text. Sorted by tenant and event time, so a
-- tenant's events in a time range are one primary-key range; a run's, a job's or a dataset's (GraphQL
-- lineageEvents; `datasets`: namespace:name of every input, output or DatasetEvent dataset) are found by
-- the bloom filters on run_id, job_name and datasets. Kept forever by default, as Marquez
-- keeps them; LOOM_LINEAGE_EVENT_TTL_DAYS sets a TTL on recorded_at at start-up.
-- The body keeps the default LZ4: ZSTD(3) stored it ~2x smaller but took ~30% more of the insert's CPU
-- (3,000 corpus events in INSERTs of 150: 400-485 ms against 275-349), and that CPU is the ingest's.
CREATE TABLE IF NOT EXISTS lineage_events
(
    tenant_id     String,
    event_time    DateTime64(3, 'UTC'),
    body          String,
    event_hash    UInt64 MATERIALIZED sipHash64(body),
    run_id        String,
    job_namespace String,
    job_name      String,
    datasets      Array(String),
    recorded_at   DateTime64(3, 'UTC') DEFAULT now64(3),
    INDEX lineage_events_run run_id TYPE bloom_filter GRANULARITY 1,
    INDEX lineage_events_job job_name TYPE bloom_filter GRANULARITY 1,
    INDEX lineage_events_datasets datasets TYPE bloom_filter GRANULARITY 1
)
ENGINE = ReplacingMergeTree
ORDER BY (tenant_id, event_time, event_hash)
