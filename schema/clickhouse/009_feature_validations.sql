-- Every check of a feature group's data quality rules (server/src/domain/features/expectations.ts):
-- when, who (the name the caller acted for, and its role), the verdict and each rule's result (JSON: [{expectation, success, observed, evaluated}]).
-- The group's graph node keeps the latest (what promotion gates read); these rows are its history.
-- The same group and time written again (a retried insert) is one row.
CREATE TABLE IF NOT EXISTS feature_validations
(
    tenant_id    String,
    group_id     String,
    validated_at DateTime64(3, 'UTC'),
    success      Bool,
    passed       UInt32,
    failed       UInt32,
    results      String,
    actor        String,
    role         LowCardinality(String)
)
ENGINE = ReplacingMergeTree
ORDER BY (tenant_id, group_id, validated_at);
