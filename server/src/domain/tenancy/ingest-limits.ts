/**
 * Per-tenant ingest quotas: how many OpenLineage events, spans and metric data points a second each
 * tenant may send, so that one team's burst (a backfill, a runaway exporter) cannot take the ingest
 * from the others. A token bucket per tenant and kind, holding `BURST_SECONDS` of the rate: in this
 * process by default, in Redis when Loom has one (`LOOM_REDIS_URL`), so that a deployment's ingest
 * processes together grant a tenant its rate, not each of them (ports/RateBuckets.ts).
 *
 * Admission before the work, charge after it: a request is let in while the tenant's bucket is not
 * empty, taking at once what it is known to carry (one event, a batch's events, at least one span), so
 * that requests sent together cannot all pass before any is charged; the rest of what it carried (known
 * only once it is read: the spans of an export) is taken after, possibly into debt; the next requests
 * wait (429 with Retry-After: how long until the debt is paid). A refused or failed request takes nothing.
 * Rates are props of the tenant's node (`limit.lineageEvents`, `limit.spans`, `limit.metricPoints`;
 * set with `npm run loom -- tenant quota <name> --events-per-s N ...`), else the configured defaults.
 */
import type { GraphStore } from '../ports/GraphStore.js';
import type { Props } from '../model.js';
import { LoomError, badInput } from '../errors.js';
import { SYSTEM_TENANT, tenantNodeId } from './tenancy.service.js';
import type { RateBuckets } from '../ports/RateBuckets.js';

export const INGEST_KINDS = ['lineageEvents', 'spans', 'metricPoints'] as const;
export type IngestKind = (typeof INGEST_KINDS)[number];
/** Per second; null: no limit. */
export type IngestRates = Record<IngestKind, number | null>;

export const NO_INGEST_LIMITS: IngestRates = { lineageEvents: null, spans: null, metricPoints: null };
const BURST_SECONDS = 2;
/** How long a tenant's rates read from the graph are used before they are read again. */
const RATES_CACHE_MS = 30_000;
const MAX_RATE = 10_000_000;
const WHAT: Record<IngestKind, string> = { lineageEvents: 'OpenLineage events', spans: 'spans', metricPoints: 'metric data points' };

export class IngestLimits {
  private readonly rates = new Map<string, { rates: IngestRates; until: number }>();

  constructor(
    private readonly graph: GraphStore,
    private readonly buckets: RateBuckets,
    private readonly defaults: IngestRates = NO_INGEST_LIMITS,
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** The tenant's rates: its own, else the defaults. */
  async limits(tenant: string): Promise<IngestRates> {
    const cached = this.rates.get(tenant);
    if (cached && cached.until > this.now()) return cached.rates;
    const [node] = await this.graph.getNodes(SYSTEM_TENANT, [tenantNodeId(tenant)]);
    const p: Props = node?.props ?? {};
    const rates = Object.fromEntries(INGEST_KINDS.map((k) => {
      const v = p[`limit.${k}`];
      return [k, v === 'unlimited' ? null : typeof v === 'number' && v > 0 ? v : this.defaults[k]];
    })) as IngestRates;
    if (this.rates.size > 10_000) this.rates.clear();
    this.rates.set(tenant, { rates, until: this.now() + RATES_CACHE_MS });
    return rates;
  }

  /** Set rates (a kind left out keeps its value; -1 removes the limit, null goes back to the default). */
  async setLimits(tenant: string, rates: Partial<Record<IngestKind, number | null>>): Promise<IngestRates> {
    const props: Props = {};
    for (const k of INGEST_KINDS) {
      const v = rates[k];
      if (v === undefined) continue;
      if (v !== null && v !== -1 && (!Number.isInteger(v) || v < 1 || v > MAX_RATE)) throw badInput(k, `must be a whole number of ${WHAT[k]} a second (1..${MAX_RATE}), -1 for no limit, or the default`);
      props[`limit.${k}`] = v === -1 ? 'unlimited' : v;
    }
    const [node] = await this.graph.getNodes(SYSTEM_TENANT, [tenantNodeId(tenant)]);
    if (!node) throw new LoomError('NOT_FOUND', `tenant ${tenant} not found`);
    await this.graph.write(SYSTEM_TENANT, { nodes: [{ id: node.id, kind: 'Tenant', namespace: node.namespace, name: node.name, props }], edges: [] });
    this.rates.delete(tenant);
    return this.limits(tenant);
  }

  /**
   * Let a request in, taking `reserve` (what it is known to carry, at least 1), or refuse it (RATE_LIMITED,
   * with how long to wait) while the tenant's bucket for `kind` is empty; a refused request takes nothing.
   */
  async admit(tenant: string, kind: IngestKind, reserve = 1): Promise<void> {
    const rate = (await this.limits(tenant))[kind];
    if (rate === null) return;
    const tokens = await this.buckets.take(bucket(tenant, kind), rate, rate * BURST_SECONDS, reserve);
    if (tokens > 0) return;
    this.charge(tenant, kind, -reserve);
    const wait = Math.max(1, Math.ceil((1 - tokens) / rate));
    throw new LoomError('RATE_LIMITED', `tenant ${tenant} may send ${rate} ${WHAT[kind]} a second; it sent more: retry in ${wait} s`, undefined, wait);
  }

  /**
   * `work` within the tenant's quota of `kind`: admitted (or refused) first, taking `reserve`; charged with
   * what `stored(result)` says beyond it after (given back when less, or when the work fails).
   */
  async within<T>(tenant: string, kind: IngestKind, work: () => Promise<T>, stored: (result: T) => number, reserve = 1): Promise<T> {
    const reserved = Math.max(1, reserve);
    await this.admit(tenant, kind, reserved);
    let result: T;
    try {
      result = await work();
    } catch (err) {
      this.charge(tenant, kind, -reserved);
      throw err;
    }
    this.charge(tenant, kind, stored(result) - reserved);
    return result;
  }

  /**
   * Take `n` more (it may leave the bucket in debt; a negative `n` gives back). Not waited for: the work
   * is done, and the next admission of this process goes to the same bucket after it (in this process
   * at once; in Redis on the same connection, in order). The adapter answers a failure itself.
   */
  charge(tenant: string, kind: IngestKind, n: number): void {
    const rate = this.rates.get(tenant)?.rates[kind];
    if (rate === null || rate === undefined || n === 0) return;
    void this.buckets.take(bucket(tenant, kind), rate, rate * BURST_SECONDS, n);
  }
}

const bucket = (tenant: string, kind: IngestKind) => `${tenant}\u0000${kind}`;
