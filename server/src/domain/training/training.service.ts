/**
 * Training requests: a request becomes a TrainingRequest node and its Run node (QUEUED), linked to
 * its inputs, experiment and the tenant's training account (quota), then one `training.run` job
 * whose id is the run id. The workers (training.runner.ts) launch and follow it.
 */
import { createHash, randomUUID } from 'node:crypto';
import type { GraphStore } from '../ports/GraphStore.js';
import type { JobQueue } from '../ports/JobQueue.js';
import { isTerminal, type TrainingLauncher, type TrainingPriority, type TrainingSpec } from '../ports/TrainingLauncher.js';
import type { EdgeInput, GraphNode, NodeInput, Page, Props } from '../model.js';
import { experimentId, REGISTRY_NAMESPACE, runNodeId, TRAINING_NAMESPACE, trainingAccountId, trainingRequestId } from '../ids.js';
import { badInput, LoomError, notFound, unavailable } from '../errors.js';
import { KeyedLock } from '../keyed-lock.js';
import { actorProps, requireAdmin, requireWrite, type Actor } from '../registry/actor.js';
import { checkPaging } from '../registry/validate.js';
import { normaliseRequest, type NormalisedRequest, type TrainingRequestInput } from './spec.js';
import { accountNode, TrainingQuotas, type Quota, type Usage } from './quota.js';
import { trainingRecord, type TrainingRecord } from './state.js';
import { heldResources } from './distributed.js';
import { hideApiKeys } from '../tenancy/tenancy.service.js';

/** A training run as the API shows it: its request and its state. */
export interface TrainingView {
  run: GraphNode;
  request: GraphNode;
  spec: TrainingSpec;
  record: TrainingRecord;
  datasets: string[];
  featureGroups: string[];
  cancelRequestedAt: string | null;
}

const INPUT_KINDS = { datasets: ['Dataset', 'DatasetVersion'], featureGroups: ['FeatureGroup'] } as const;

/** Queue job ids: the run id (BullMQ ids may not contain ':'). */
export const runJobId = (runId: string) => `run.${runId}`;
/** The queue priority of a run's job: with more runs waiting than the workers follow at once (LOOM_TRAINING_MAX_RUNS), HIGH ones are launched first. */
const QUEUE_PRIORITY: Record<TrainingPriority, number> = { HIGH: 1, NORMAL: 2, LOW: 3 };
export const cancelJobId = (runId: string) => `cancel.${runId}`;

/**
 * How long a tenant's quota usage read from the graph is reused by the quota check (reading it
 * costs one query over the tenant's active runs). Runs admitted here are added at once and runs
 * ending in this process drop it at once, so it only lags for runs that end in another process
 * (it then over-counts: a request may be refused, never wrongly let in).
 */
const USAGE_CACHE_MS = 2_000;

export class TrainingService {
  /** Quota check-then-write runs one at a time per tenant (in this process; see keyed-lock.ts). */
  private readonly tenantLocks = new KeyedLock();
  private readonly usageCache = new Map<string, { usage: Usage; until: number }>();

  constructor(
    private readonly graph: GraphStore,
    private readonly queue: JobQueue,
    private readonly launcher: TrainingLauncher,
    readonly quotas: TrainingQuotas,
  ) {}

  async request(actor: Actor, input: TrainingRequestInput): Promise<TrainingView> {
    requireWrite(actor, 'request training');
    // The local launcher runs the command on the Loom host itself: only a tenant admin may.
    if (this.launcher.kind === 'local') requireAdmin(actor, 'request training on the local launcher (it runs commands on the Loom host)');
    const req = normaliseRequest(actor.tenant, input, randomUUID);
    this.launcher.check({ ...req.spec, tenant: actor.tenant, runId: req.runId, requestId: req.requestId });
    const fingerprint = fingerprintOf(req);
    const store = async (limits: Quota | null): Promise<TrainingView> => {
      const existing = await this.get(actor.tenant, req.runId);
      if (existing) {
        if (existing.request.props.fingerprint !== fingerprint) {
          throw new LoomError('CONFLICT', `input.requestId: request ${req.requestId} was already made with a different spec; use a new requestId`, 'input.requestId');
        }
        return existing;
      }
      const usage = limits ? await this.usage(actor.tenant) : null;
      const held = heldResources(req.spec);
      if (limits && usage) TrainingQuotas.check(actor.tenant, limits, usage, held);
      await this.graph.write(actor.tenant, requestBatch(actor, req, fingerprint, new Date().toISOString()));
      if (usage) Object.assign(usage, { gpu: usage.gpu + held.gpu, cpuMillis: usage.cpuMillis + held.cpuMillis, runs: usage.runs + 1 });
      return (await this.get(actor.tenant, req.runId))!;
    };
    await this.checkInputs(actor.tenant, req);
    const limits = await this.quotas.limits(actor.tenant);
    // Check-then-write of the quota one request at a time per tenant; without a limit, requests run side by side
    // (the same request twice writes the same nodes and enqueues one job).
    const limited = limits.gpu !== null || limits.cpuMillis !== null;
    const view = limited ? await this.tenantLocks.run(`training/${actor.tenant}`, () => store(limits)) : await store(null);
    // Enqueued after the write commits; a request sent again re-enqueues (a no-op while the job exists).
    if (!isTerminal(view.record.state)) await this.enqueue(actor.tenant, req.runId, view.spec.priority);
    return view;
  }

  private async usage(tenant: string): Promise<Usage> {
    const cached = this.usageCache.get(tenant);
    if (cached && cached.until > performance.now()) return cached.usage;
    const usage = await this.quotas.usage(tenant);
    if (this.usageCache.size > 10_000) this.usageCache.clear();
    this.usageCache.set(tenant, { usage, until: performance.now() + USAGE_CACHE_MS });
    return usage;
  }

  /** A run of the tenant stopped holding quota (called where its end is recorded). */
  released(tenant: string): void {
    this.usageCache.delete(tenant);
  }

  /** (Re-)enqueue a run's job, at its priority (HIGH taken first when the workers are busy); a no-op while it is queued or running. */
  async enqueue(tenant: string, runId: string, priority: TrainingPriority): Promise<{ added: boolean }> {
    try {
      return await this.queue.add('training.run', runJobId(runId), { tenant, runId }, { priority: QUEUE_PRIORITY[priority] });
    } catch (err) {
      throw unavailable(`the job queue is unavailable (${(err as Error).message}); the request is stored: send it again with the same requestId`, 5);
    }
  }

  private async checkInputs(tenant: string, req: NormalisedRequest): Promise<void> {
    for (const field of ['datasets', 'featureGroups'] as const) {
      const ids = req[field];
      const nodes = ids.length ? await this.graph.getNodes(tenant, ids) : [];
      nodes.forEach((n, i) => {
        const kinds = INPUT_KINDS[field] as readonly string[];
        if (!n) throw badInput(`input.inputs.${field}[${i}]`, `${ids[i]} not found`);
        if (!kinds.includes(n.kind)) throw badInput(`input.inputs.${field}[${i}]`, `${ids[i]} is a ${n.kind}, expected ${kinds.join(' or ')}`);
      });
    }
    if (req.experiment) {
      const [e] = await this.graph.getNodes(tenant, [experimentId(req.experiment)]);
      if (e && e.kind !== 'Experiment') throw badInput('input.experiment', `${req.experiment} is not an experiment`);
    }
  }

  async get(tenant: string, runId: string): Promise<TrainingView | null> {
    const [run] = await this.graph.getNodes(tenant, [runNodeId(runId)]);
    const requestId = run?.props['training.requestId'];
    if (!run || typeof requestId !== 'string') return null;
    const [request] = await this.graph.getNodes(tenant, [trainingRequestId(requestId)]);
    return request ? toView(tenant, run, request) : null;
  }

  async require(tenant: string, runId: string): Promise<TrainingView> {
    if (typeof runId !== 'string' || !runId) throw badInput('runId', 'required');
    const view = await this.get(tenant, runId);
    if (!view) throw notFound(`training run ${runId}`);
    return view;
  }

  /** The tenant's training runs, newest first (queued and running ones, or all). */
  async list(tenant: string, opts: { activeOnly: boolean; first: number; offset: number }): Promise<Page<TrainingView>> {
    checkPaging(opts.first, opts.offset);
    const page = await this.graph.neighbours(tenant, trainingAccountId(tenant), {
      direction: 'DOWNSTREAM', edgeKinds: ['DISPATCHED'], includeEnded: !opts.activeOnly, order: 'createdAt', limit: opts.first, offset: opts.offset,
    });
    const requestIds = page.items.map((i) => trainingRequestId(String(i.node.props['training.requestId'])));
    const requests = requestIds.length ? await this.graph.getNodes(tenant, requestIds) : [];
    const items = page.items.flatMap((i, k) => (requests[k] ? [toView(tenant, i.node, requests[k]!)] : []));
    return { total: page.total, items };
  }

  /** Ask the workers to stop a run (a queued run is cancelled before it launches). */
  async cancel(actor: Actor, runId: string): Promise<TrainingView> {
    requireWrite(actor, 'cancel training');
    const view = await this.require(actor.tenant, runId);
    if (isTerminal(view.record.state)) return view;
    if (!view.cancelRequestedAt) {
      const at = new Date().toISOString();
      await this.graph.write(actor.tenant, { nodes: [{ id: view.run.id, kind: 'Run', namespace: view.run.namespace, name: view.run.name, props: { 'training.cancelRequestedAt': at, 'training.cancelledBy': actorProps(actor) }, at }], edges: [] });
    }
    try {
      await this.queue.add('training.cancel', cancelJobId(runId), { tenant: actor.tenant, runId });
    } catch (err) {
      throw unavailable(`the job queue is unavailable (${(err as Error).message}); cancel again`, 5);
    }
    return (await this.get(actor.tenant, runId))!;
  }

  /** The last lines worker `worker` of the run wrote (from the launcher that runs it), API keys hidden. */
  async logs(tenant: string, view: TrainingView, tailLines: number, worker = 0): Promise<string> {
    if (!Number.isInteger(tailLines) || tailLines < 1 || tailLines > 10_000) throw badInput('tailLines', 'must be an integer 1..10000');
    if (!Number.isInteger(worker) || worker < 0 || worker >= view.spec.workers) throw badInput('worker', `must be an integer 0..${view.spec.workers - 1} (the run has ${view.spec.workers} worker(s))`);
    const placement = view.record.placement;
    if (!placement) return '';
    if (placement.launcher !== this.launcher.kind) throw unavailable(`run ${view.spec.runId} ran on the ${placement.launcher} launcher; this server uses ${this.launcher.kind}`);
    // The run's own key (LOOM_API_KEY, an editor's) must not reach a viewer through a command that printed its environment.
    return hideApiKeys(await this.launcher.logs({ tenant, runId: view.spec.runId }, tailLines, worker));
  }
}

/**
 * What identifies a request's content (a request id sent again with other content is a conflict).
 * A single worker and the NORMAL priority are left out, so requests stored before `workers` and
 * `priority` existed keep their fingerprint.
 */
function fingerprintOf(req: NormalisedRequest): string {
  const { requestId: _r, runId: _u, ...content } = req;
  const { priority, ...normal } = content.spec;
  const full = priority === 'NORMAL' ? normal : content.spec;
  const { workers, ...spec } = full;
  return createHash('sha256').update(JSON.stringify({ ...content, spec: workers === 1 ? spec : full })).digest('hex');
}

function requestBatch(actor: Actor, req: NormalisedRequest, fingerprint: string, at: string): { nodes: NodeInput[]; edges: EdgeInput[] } {
  const requestNode = trainingRequestId(req.requestId);
  const run = runNodeId(req.runId);
  const held = heldResources(req.spec);
  const runProps: Props = {
    runId: req.runId, 'training.requestId': req.requestId, trainingState: 'QUEUED', trainingReason: 'Queued', trainingMessage: null, trainingStateAt: at,
    ...(req.name ? { runName: req.name } : {}), ...(req.experiment ? { experiment: req.experiment } : {}),
  };
  const nodes: NodeInput[] = [
    accountNode(actor.tenant),
    {
      id: requestNode, kind: 'TrainingRequest', namespace: TRAINING_NAMESPACE, name: req.requestId, at,
      props: { requestId: req.requestId, runId: req.runId, name: req.name, experiment: req.experiment, spec: req.spec, datasets: req.datasets, featureGroups: req.featureGroups, fingerprint, requestedBy: actorProps(actor), requestedAt: at },
    },
    { id: run, kind: 'Run', namespace: TRAINING_NAMESPACE, name: req.name ?? req.runId, props: runProps, at },
  ];
  const edges: EdgeInput[] = [
    { kind: 'LAUNCHED', from: requestNode, to: run, validFrom: at },
    { kind: 'DISPATCHED', from: accountNode(actor.tenant).id, to: run, validFrom: at, props: { gpu: held.gpu, cpuMillis: held.cpuMillis } },
    ...[...req.datasets, ...req.featureGroups].map((id): EdgeInput => ({ kind: 'READ_BY', from: id, to: run, validFrom: at })),
  ];
  if (req.experiment) {
    nodes.push({ id: experimentId(req.experiment), kind: 'Experiment', namespace: REGISTRY_NAMESPACE, name: req.experiment, props: {}, at });
    edges.push({ kind: 'HAS_RUN', from: experimentId(req.experiment), to: run, validFrom: at });
  }
  return { nodes, edges };
}

export function toView(tenant: string, run: GraphNode, request: GraphNode): TrainingView {
  const p = request.props;
  const spec = p.spec as Omit<TrainingSpec, 'tenant' | 'runId' | 'requestId'>;
  const runId = String(p.runId);
  return {
    run, request,
    // Requests stored before distributed runs have no `workers` (one), before priorities no `priority`.
    spec: { ...spec, workers: spec.workers ?? 1, priority: spec.priority ?? 'NORMAL', tenant, runId, requestId: String(p.requestId) },
    record: trainingRecord(run.props) ?? { state: 'QUEUED', reason: null, message: null, at: null, placement: null },
    datasets: Array.isArray(p.datasets) ? p.datasets.map(String) : [],
    featureGroups: Array.isArray(p.featureGroups) ? p.featureGroups.map(String) : [],
    cancelRequestedAt: typeof run.props['training.cancelRequestedAt'] === 'string' ? run.props['training.cancelRequestedAt'] : null,
  };
}
