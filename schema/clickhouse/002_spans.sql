-- Trace spans received over OTLP (/v1/traces), one row per span, and one summary row per trace.
--
-- spans: sorted by (tenant_id, trace_id, span_id) so one trace is a primary-key range; partitioned
-- by day of start so time-range scans (LLM usage rollups) prune partitions and the TTL drops whole
-- parts. ReplacingMergeTree: an exporter's retry of the same batch collapses to one row per span
-- (readers use FINAL). Attribute values are stored as text; `attribute_types` keeps the OTLP type
-- of every non-string value (int, double, bool, array, kvlist, bytes; arrays and kvlists as JSON),
-- so the typed value can be recovered. The hot LLM fields are typed columns (see
-- server/src/domain/telemetry/llm.ts for how they are normalised from the three attribute families).
-- The TTL below is the default (30 days); LOOM_SPAN_TTL_DAYS changes it at start-up (ALTER ... MODIFY TTL).
CREATE TABLE IF NOT EXISTS spans
(
    tenant_id           String,
    trace_id            String,
    span_id             String,
    parent_span_id      String,
    trace_state         String,
    name                LowCardinality(String),
    kind                Enum8('UNSPECIFIED' = 0, 'INTERNAL' = 1, 'SERVER' = 2, 'CLIENT' = 3, 'PRODUCER' = 4, 'CONSUMER' = 5),
    status_code         Enum8('UNSET' = 0, 'OK' = 1, 'ERROR' = 2),
    status_message      String,
    start_time          DateTime64(9, 'UTC'),
    end_time            DateTime64(9, 'UTC'),
    duration_ns         UInt64,
    service_name        LowCardinality(String),
    scope_name          LowCardinality(String),
    scope_version       LowCardinality(String),
    resource_attributes Map(LowCardinality(String), String),
    attributes          Map(LowCardinality(String), String),
    attribute_types     Map(LowCardinality(String), LowCardinality(String)),
    events              Nested(time DateTime64(9, 'UTC'), name LowCardinality(String), attributes Map(LowCardinality(String), String)),
    links               Nested(trace_id String, span_id String, trace_state String, attributes Map(LowCardinality(String), String)),
    is_llm              Bool,
    llm_provider        LowCardinality(String),
    llm_operation       LowCardinality(String),
    llm_request_model   LowCardinality(String),
    llm_response_model  LowCardinality(String),
    llm_input_tokens    UInt64,
    llm_output_tokens   UInt64,
    llm_total_tokens    UInt64,
    llm_cost_usd        Float64,
    prompt_name         LowCardinality(String),
    prompt_version      LowCardinality(String),
    run_id              String,
    model_name          LowCardinality(String),
    model_version       LowCardinality(String)
)
ENGINE = ReplacingMergeTree
PARTITION BY toDate(start_time)
ORDER BY (tenant_id, trace_id, span_id)
TTL toDateTime(start_time) + INTERVAL 30 DAY
SETTINGS ttl_only_drop_parts = 1;

-- One row per trace, rewritten (newest updated_at wins) each time a batch adds spans to it: the
-- trace list with its filters, and the fast lookup of a trace's time range (min start, max end) that
-- bounds the partitions a span read touches. Computed from the deduplicated spans, so retries do not
-- double-count.
CREATE TABLE IF NOT EXISTS traces
(
    tenant_id      String,
    trace_id       String,
    start_time     DateTime64(9, 'UTC'),
    end_time       DateTime64(9, 'UTC'),
    duration_ns    UInt64,
    service_name   LowCardinality(String),
    root_span_id   String,
    root_span_name String,
    span_count     UInt32,
    error_count    UInt32,
    llm_calls      UInt32,
    input_tokens   UInt64,
    output_tokens  UInt64,
    cost_usd       Float64,
    models         Array(LowCardinality(String)),
    prompts        Array(Tuple(name String, version String)),
    run_ids        Array(String),
    model_versions Array(Tuple(name String, version String)),
    updated_at     DateTime64(6, 'UTC')
)
ENGINE = ReplacingMergeTree(updated_at)
ORDER BY (tenant_id, trace_id)
TTL toDateTime(end_time) + INTERVAL 30 DAY;
