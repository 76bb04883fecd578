-- Every delivery of an event to a webhook or an email destination (server/src/domain/registry/webhooks.service.ts):
-- written PENDING with its job (`payload`: the event's data and time) when the event happens, then
-- replaced by its outcome (DELIVERED or FAILED, after its attempts; `payload` then '') by whichever
-- process made it (a worker delivering an alert, an API process a registry change). So every process
-- lists the same recent deliveries, they outlive a restart, and a delivery still PENDING when Loom
-- stopped is sent at its next start (the same delivery id) even on the in-process queue.
-- `status`: the last HTTP status (an email's: the SMTP reply code); null when there was no answer.
-- A delivery recorded twice (a job run again after its worker stopped) is one row: the latest. Kept 90 days.
CREATE TABLE IF NOT EXISTS webhook_deliveries
(
    tenant_id   String,
    webhook_id  String,
    delivery_id String,
    event       LowCardinality(String),
    at          DateTime64(3, 'UTC'),
    state       LowCardinality(String),
    ok          Bool,
    attempts    UInt16,
    status      Nullable(Int32),
    error       String,
    payload     String
)
ENGINE = ReplacingMergeTree(at)
ORDER BY (tenant_id, webhook_id, delivery_id)
TTL toDateTime(at) + INTERVAL 90 DAY;
