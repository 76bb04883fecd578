-- Every delivery of an event to a webhook or an email destination (server/src/domain/registry/webhooks.service.ts):
-- its outcome after its attempts, whichever process made it (a worker delivering an alert, an API
-- process a registry change), so every process lists the same recent deliveries, and they outlive a restart.
-- `status`: the last HTTP status (an email's: the SMTP reply code); null when there was no answer.
-- A delivery recorded twice (a job run again after its worker stopped) is one row. Kept 90 days.
CREATE TABLE IF NOT EXISTS webhook_deliveries
(
    tenant_id   String,
    webhook_id  String,
    delivery_id String,
    event       LowCardinality(String),
    at          DateTime64(3, 'UTC'),
    ok          Bool,
    attempts    UInt16,
    status      Nullable(Int32),
    error       String
)
ENGINE = ReplacingMergeTree(at)
ORDER BY (tenant_id, webhook_id, delivery_id)
TTL toDateTime(at) + INTERVAL 90 DAY;
