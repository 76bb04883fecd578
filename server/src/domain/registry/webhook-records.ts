/**
 * The deliveries of webhook events as the analytics store keeps them (schema/clickhouse/011_webhook_deliveries.sql):
 * a PENDING row with the job when the event happens, replaced by the delivery's outcome. Pure: rows
 * and SQL; webhooks.service.ts writes and reads them.
 */
import type { QueuePayloads } from '../ports/JobQueue.js';
import type { DeliveryResult } from './webhook-delivery.js';

type Job = QueuePayloads['webhooks.deliver'];
export type DeliveryState = 'PENDING' | 'DELIVERED' | 'FAILED';

/** A delivery: its outcome after its attempts, or PENDING (not made yet, or being made). `event`: a WebhookEvent, or WEBHOOK_TEST. */
export interface DeliveryRecord extends DeliveryResult { id: string; webhookId: string; event: string; at: string; state: DeliveryState }

/** Deliveries listed per webhook. */
export const LIST_DELIVERIES = 20;
/** PENDING deliveries older than this are not sent at a start (an event of yesterday is news no longer). */
export const RECOVER_WITHIN_MS = 24 * 3600_000;

/** The row saying a delivery is to be made, with what it needs to be made by any process, later. */
export function pendingRow(job: Job): Record<string, unknown> {
  return {
    tenant_id: job.tenant, webhook_id: job.webhookId, delivery_id: job.deliveryId, event: job.event, at: job.occurredAt,
    state: 'PENDING', ok: false, attempts: 0, status: null, error: '', payload: JSON.stringify({ occurredAt: job.occurredAt, data: job.data }),
  };
}

/** The row of a delivery's outcome: strictly after its PENDING row (the later row is the one kept). */
export function outcomeRow(job: Job, result: DeliveryResult, nowMs: number): Record<string, unknown> {
  const at = new Date(Math.max(nowMs, Date.parse(job.occurredAt) + 1)).toISOString();
  return {
    tenant_id: job.tenant, webhook_id: job.webhookId, delivery_id: job.deliveryId, event: job.event, at,
    state: result.ok ? 'DELIVERED' : 'FAILED', ok: result.ok, attempts: result.attempts, status: result.status, error: result.error ?? '', payload: '',
  };
}

export interface StoredDelivery { delivery_id: string; event: string; at_ms: string | number; state: string; ok: boolean | number; attempts: string | number; status: string | number | null; error: string }

/** A webhook's last `{limit}` deliveries, newest first. */
export const DELIVERIES_SQL = `SELECT delivery_id, event, toUnixTimestamp64Milli(at) AS at_ms, state, ok, attempts, status, error
FROM webhook_deliveries FINAL
WHERE tenant_id = {tenant:String} AND webhook_id = {hook:String}
ORDER BY at DESC, delivery_id
LIMIT {limit:UInt32}`;

export function toRecord(webhookId: string, r: StoredDelivery): DeliveryRecord {
  return {
    id: r.delivery_id, webhookId, event: r.event, at: new Date(Number(r.at_ms)).toISOString(), state: r.state as DeliveryState,
    ok: Boolean(r.ok), attempts: Number(r.attempts), status: r.status === null ? null : Number(r.status), error: r.error || null,
  };
}

/** The tenant's deliveries still PENDING, written after `{since}` epoch ms, oldest first. */
export const PENDING_SQL = `SELECT webhook_id, delivery_id, event, payload
FROM webhook_deliveries FINAL
WHERE tenant_id = {tenant:String} AND state = 'PENDING' AND at > fromUnixTimestamp64Milli({since:Int64})
ORDER BY at`;

export function pendingJob(tenant: string, r: { webhook_id: string; delivery_id: string; event: string; payload: string }): Job {
  const { occurredAt, data } = JSON.parse(r.payload) as { occurredAt: string; data: Record<string, unknown> };
  return { tenant, webhookId: r.webhook_id, deliveryId: r.delivery_id, event: r.event, occurredAt, data };
}
