-- Every definition of a feature group (server/src/domain/features/definitions.ts): the group's graph node
-- keeps the current one (what reads and lineage use); these rows are its history. `definition` is the
-- whole definition of `version` (JSON: description, entity, features, source, ttlSeconds, owner), who
-- gave it and when; `dropped_*`: when the version before was dropped, and by whom, as the group's node
-- said when this version was defined (null: it was defined over, not dropped).
-- Written before the graph: a row whose graph write then failed is past the node's version, which
-- readers ignore, and the next definition of that version replaces it (the later `defined_at` wins).
CREATE TABLE IF NOT EXISTS feature_definitions
(
    tenant_id     String,
    group_id      String,
    version       UInt32,
    defined_at    DateTime64(3, 'UTC'),
    definition    String,
    actor         String,
    role          LowCardinality(String),
    dropped_at    Nullable(DateTime64(3, 'UTC')),
    dropped_actor String,
    dropped_role  LowCardinality(String)
)
ENGINE = ReplacingMergeTree(defined_at)
ORDER BY (tenant_id, group_id, version);
