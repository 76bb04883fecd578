/**
 * Per-tenant training quotas: how many GPUs and CPU cores a tenant's queued and running training
 * runs may hold at once. Limits are props of the tenant's training account node
 * (`quota.gpu`, `quota.cpuMillis`; set with `npm run loom -- tenant quota ...`), defaulting to the
 * configured ones; usage is the sum over the account's current DISPATCHED edges (one per queued or
 * running run, carrying its `gpu` and `cpuMillis`), so it is read in one query whatever the history.
 */
import type { GraphStore } from '../ports/GraphStore.js';
import type { GraphEdge, Props } from '../model.js';
import { TRAINING_NAMESPACE, trainingAccountId } from '../ids.js';
import { badInput } from '../errors.js';
import { formatCpu } from './spec.js';
import { allNeighbours } from '../all-neighbours.js';

/** null = no limit. */
export interface Quota { gpu: number | null; cpuMillis: number | null }
export interface Usage { gpu: number; cpuMillis: number; runs: number }

const limit = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) && v >= 0 ? v : null);

export class TrainingQuotas {
  constructor(private readonly graph: GraphStore, private readonly defaults: Quota = { gpu: null, cpuMillis: null }) {}

  async limits(tenant: string): Promise<Quota> {
    const [account] = await this.graph.getNodes(tenant, [trainingAccountId(tenant)]);
    const p: Props = account?.props ?? {};
    return {
      gpu: 'quota.gpu' in p ? limit(p['quota.gpu']) : this.defaults.gpu,
      cpuMillis: 'quota.cpuMillis' in p ? limit(p['quota.cpuMillis']) : this.defaults.cpuMillis,
    };
  }

  /** Set limits (a key left out keeps its value; -1 removes the limit, null goes back to the default). */
  async setLimits(tenant: string, q: { gpu?: number | null; cpuMillis?: number | null }): Promise<Quota> {
    const props: Props = {};
    for (const [key, field, v] of [['quota.gpu', 'gpu', q.gpu], ['quota.cpuMillis', 'cpu', q.cpuMillis]] as const) {
      if (v === undefined) continue;
      if (v !== null && (!Number.isInteger(v) || v < -1)) throw badInput(field, 'must be a non-negative integer, or -1 for no limit');
      props[key] = v === -1 ? 'unlimited' : v;
    }
    await this.graph.write(tenant, { nodes: [accountNode(tenant, props)], edges: [] });
    return this.limits(tenant);
  }

  /** The current DISPATCHED edges: the runs holding quota. */
  async active(tenant: string): Promise<GraphEdge[]> {
    return (await allNeighbours(this.graph, tenant, trainingAccountId(tenant), { direction: 'DOWNSTREAM', edgeKinds: ['DISPATCHED'] })).map((i) => i.edge);
  }

  async usage(tenant: string): Promise<Usage> {
    const edges = await this.active(tenant);
    const num = (v: unknown) => (typeof v === 'number' && Number.isFinite(v) ? v : 0);
    return edges.reduce((u, e) => ({ gpu: u.gpu + num(e.props.gpu), cpuMillis: u.cpuMillis + num(e.props.cpuMillis), runs: u.runs + 1 }), { gpu: 0, cpuMillis: 0, runs: 0 });
  }

  /**
   * Throws BAD_USER_INPUT (quota exceeded, naming the resource) when the request does not fit. `req`:
   * what the run would hold (all its workers' resources, distributed.ts heldResources). Pure.
   */
  static check(tenant: string, limits: Quota, usage: Usage, req: { gpu: number; cpuMillis: number; workers?: number }): void {
    const each = (total: string, one: string) => (req.workers && req.workers > 1 ? `${total} (${req.workers} workers × ${one})` : total);
    if (limits.gpu !== null && req.gpu > 0 && usage.gpu + req.gpu > limits.gpu) {
      throw badInput('input.resources.gpu', `quota exceeded: tenant ${tenant} may hold ${limits.gpu} GPU(s) for training at once; ${usage.gpu} are held by ${usage.runs} queued or running run(s) and this request asks for ${each(String(req.gpu), String(req.gpu / (req.workers ?? 1)))}`);
    }
    if (limits.cpuMillis !== null && usage.cpuMillis + req.cpuMillis > limits.cpuMillis) {
      throw badInput('input.resources.cpu', `quota exceeded: tenant ${tenant} may hold ${formatCpu(limits.cpuMillis)} CPU core(s) for training at once; ${formatCpu(usage.cpuMillis)} are held by ${usage.runs} queued or running run(s) and this request asks for ${each(formatCpu(req.cpuMillis), formatCpu(req.cpuMillis / (req.workers ?? 1)))}`);
    }
  }
}

/** The tenant's training account node (kind Tenant, in the tenant's own scope). */
export function accountNode(tenant: string, props: Props = {}) {
  return { id: trainingAccountId(tenant), kind: 'Tenant' as const, namespace: TRAINING_NAMESPACE, name: tenant, props };
}
