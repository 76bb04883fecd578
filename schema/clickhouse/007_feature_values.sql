-- Feature values of the feature store (server/src/domain/features/). One row per value: an entity's
-- feature at an event time, so a write may carry some of a group's features (an upsert of those) and a
-- point-in-time read finds each feature's latest value at or before a time on its own.
--
-- feature_values is the offline store: every value ever written, sorted by entity, feature and event
-- time, for point-in-time reads (training sets: ASOF JOIN). Writing the same entity, feature and event
-- time again replaces the value (the latest `written_at` wins: readers pick it with argMax, merges keep
-- it). Kept forever (a feature group's history is a training set's input).
--
-- feature_online is the online store: the materialized view keeps, per entity and feature, the value
-- with the latest event time (a backfill of older values does not replace a newer one), in small
-- granules, so one entity's vector is one short primary-key range. Readers still pick the latest with
-- argMax until merges have collapsed the rows.
--
-- `value` columns by the feature's declared type: INT64 and BOOL in `int`, FLOAT64 in `num`, STRING in
-- `str`, FLOAT_VECTOR in `vec`; `is_null` a null value (written as such: it hides an older value).
CREATE TABLE IF NOT EXISTS feature_values
(
    tenant_id  String,
    group_id   String,
    entity_id  String,
    feature    LowCardinality(String),
    event_time DateTime64(3, 'UTC'),
    written_at DateTime64(6, 'UTC'),
    is_null    Bool,
    int        Int64,
    num        Float64,
    str        String,
    vec        Array(Float32)
)
ENGINE = ReplacingMergeTree(written_at)
ORDER BY (tenant_id, group_id, entity_id, feature, event_time);

-- The same columns as feature_values (it takes its rows), one row per entity and feature.
CREATE TABLE IF NOT EXISTS feature_online AS feature_values
ENGINE = ReplacingMergeTree(event_time)
ORDER BY (tenant_id, group_id, entity_id, feature)
SETTINGS index_granularity = 1024;

CREATE MATERIALIZED VIEW IF NOT EXISTS feature_online_mv TO feature_online AS
SELECT tenant_id, group_id, entity_id, feature, event_time, written_at, is_null, int, num, str, vec
FROM feature_values;
