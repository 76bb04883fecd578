/**
 * What the workers do with training jobs: launch a run (idempotently), follow it to its end and
 * record every state on its Run node; stop it on cancel; record a dispatch that failed for good.
 * A job killed with its worker is run again by another worker: the launch is then a no-op and the
 * watch resumes, so a run is launched once and ends once.
 */
import type { GraphStore } from '../ports/GraphStore.js';
import type { JobInfo, QueuePayloads } from '../ports/JobQueue.js';
import { PermanentJobError } from '../ports/JobQueue.js';
import { isTerminal, type LaunchCredentials, type RunPlacement, type TrainingLauncher, type TrainingStatus } from '../ports/TrainingLauncher.js';
import type { EdgeInput, GraphNode, Props } from '../model.js';
import { trainingAccountId } from '../ids.js';
import { finalProps, placementProps, statusProps } from './state.js';
import { apiKeyId, newApiKey } from '../tenancy/tenancy.service.js';
import type { RunPods } from '../telemetry/run-pods.js';
import type { TrainingService, TrainingView } from './training.service.js';

type Job = QueuePayloads['training.run'];

export interface RunnerOptions {
  /** The URL training commands reach Loom's API at (LOOM_URL in their environment). */
  loomUrl: string;
  /** Stores `key` (newApiKey) as an editor key of the run's tenant: it is given to the training command as LOOM_API_KEY. */
  mintKey: (tenant: string, runId: string, key: string) => Promise<unknown>;
  /** Revokes the keys minted for a run (ids unknown to the tenant are left alone): called once the run has ended. */
  revokeKeys: (tenant: string, keyIds: string[]) => Promise<unknown>;
  listTenants: () => Promise<string[]>;
  /** Where runs ran, by pod (telemetry/run-pods.ts): a launched run's pods, as its launcher names them, go there too. */
  runPods?: RunPods;
}

export class TrainingRunner {
  constructor(
    private readonly graph: GraphStore,
    private readonly training: TrainingService,
    private readonly launcher: TrainingLauncher,
    private readonly opts: RunnerOptions,
  ) {}

  /** The `training.run` processor. */
  async run({ tenant, runId }: Job, job: JobInfo): Promise<void> {
    const view = await this.training.get(tenant, runId);
    if (!view) throw new PermanentJobError(`training run ${runId} of tenant ${tenant} not found`);
    // Ended: its keys are revoked again, in case a worker stopped between the end and their revocation.
    if (isTerminal(view.record.state)) return void (await this.opts.revokeKeys(tenant, runKeyIds(view.run)));
    if (view.cancelRequestedAt && !view.record.placement) {
      return this.finish(tenant, runId, 'CANCELLED', 'Cancelled', 'cancelled before it was launched');
    }
    const credentials: LaunchCredentials = { loomUrl: this.opts.loomUrl, apiKey: () => this.mintKey(tenant, runId) };
    const { placement } = await this.launcher.launch(view.spec, credentials);
    await this.indexPods(tenant, runId, placement);
    if (!view.record.placement) await this.writeRun(tenant, view.run, { ...placementProps(placement), 'training.launchedAt': new Date().toISOString() }, new Date().toISOString());
    // A cancel that came while launching: the cancel job may have found nothing to stop.
    if ((await this.training.get(tenant, runId))?.cancelRequestedAt) await this.launcher.cancel(view.spec);
    const final = await this.launcher.watch(view.spec, (s) => this.record(tenant, runId, s), job.signal);
    await this.record(tenant, runId, final);
  }

  /** The `training.cancel` processor. */
  async cancel({ tenant, runId }: QueuePayloads['training.cancel']): Promise<void> {
    const view = await this.training.get(tenant, runId);
    if (!view || isTerminal(view.record.state)) return;
    await this.launcher.cancel(view.spec);
    // Not launched yet: the run job will see the cancel before launching; record it now so the quota is freed at once.
    if (!view.record.placement) await this.finish(tenant, runId, 'CANCELLED', 'Cancelled', 'cancelled before it was launched');
  }

  /** A `training.run` job failed for good: the run ends FAILED (and whatever was launched is stopped). */
  async dispatchFailed({ tenant, runId }: Job, error: Error): Promise<void> {
    const view = await this.training.get(tenant, runId);
    if (!view || isTerminal(view.record.state)) return;
    if (view.record.placement) await this.launcher.cancel(view.spec).catch(() => undefined);
    await this.finish(tenant, runId, 'FAILED', 'DispatchFailed', error.message.slice(0, 2000));
  }

  /** Enqueue every queued or running run again (after a restart of the in-process queue; a no-op for jobs still queued). */
  async recover(): Promise<number> {
    let n = 0;
    for (const tenant of await this.opts.listTenants()) {
      for (const edge of await this.training.quotas.active(tenant)) {
        const runId = edge.to.replace(/^run:/, '');
        const view = await this.training.get(tenant, runId);
        if (view && (await this.training.enqueue(tenant, runId, view.spec.priority)).added) n++;
      }
    }
    return n;
  }

  /** Record a launcher status (nothing once the run ended); a terminal one frees the run's quota. */
  async record(tenant: string, runId: string, s: TrainingStatus): Promise<void> {
    const view = await this.training.get(tenant, runId);
    if (!view) return;
    await this.indexPods(tenant, runId, s.placement);
    const status = s.state === 'CANCELLED' && view.cancelRequestedAt ? { ...s, reason: 'Cancelled', message: s.message ?? 'cancelled on request' } : s;
    const change = statusProps(view.run.props, status);
    if (!change) return;
    if (!isTerminal(s.state)) return this.writeRun(tenant, view.run, change.props, change.at);
    await this.ended(tenant, view, change);
  }

  private async finish(tenant: string, runId: string, state: 'FAILED' | 'CANCELLED', reason: string, message: string): Promise<void> {
    const view = await this.training.get(tenant, runId);
    if (!view) return;
    const change = finalProps(view.run.props, state, reason, message, new Date().toISOString());
    if (!change) return;
    await this.ended(tenant, view, change);
  }

  /** Records the run's end: its quota is freed, and the API keys minted for its command are revoked. */
  private async ended(tenant: string, view: TrainingView, change: { props: Props; at: string }): Promise<void> {
    await this.writeRun(tenant, view.run, change.props, change.at, [endDispatch(tenant, view, change.at)]);
    this.training.released(tenant);
    await this.opts.revokeKeys(tenant, runKeyIds(view.run));
  }

  /**
   * A new key for the run's command. Its id is recorded on the Run before the key is stored, so a key
   * that works is always one the run's end will revoke (a stop in between leaves an id with no key).
   */
  private async mintKey(tenant: string, runId: string): Promise<string> {
    const key = newApiKey();
    const view = await this.training.get(tenant, runId);
    if (!view) throw new PermanentJobError(`training run ${runId} of tenant ${tenant} not found`);
    await this.writeRun(tenant, view.run, { [KEY_IDS]: [...runKeyIds(view.run), apiKeyId(key)] }, new Date().toISOString());
    await this.opts.mintKey(tenant, runId, key);
    return key;
  }

  private writeRun(tenant: string, run: GraphNode, props: Props, at: string, edges: EdgeInput[] = []): Promise<void> {
    return this.graph.write(tenant, { nodes: [{ id: run.id, kind: 'Run', namespace: run.namespace, name: run.name, props, at }], edges });
  }

  /**
   * Where the run's pods are, into the index by pod (GPU series and alerts find the run there): at launch and
   * at every status, also those that change nothing on the Run (a run recovered after a restart is indexed
   * at its first status); what this process indexed already costs nothing.
   */
  private indexPods(tenant: string, runId: string, p: RunPlacement): Promise<void> {
    if (!this.opts.runPods || p.launcher !== 'kubernetes' || !p.namespace || !p.pods.length) return Promise.resolve();
    return this.opts.runPods.record(tenant, [{ runId, namespace: p.namespace, pods: p.pods }]);
  }
}

/** The Run's record of the API keys minted for its command. */
const KEY_IDS = 'training.apiKeyIds';
const runKeyIds = (run: GraphNode): string[] => (Array.isArray(run.props[KEY_IDS]) ? (run.props[KEY_IDS] as unknown[]).map(String) : []);

/** The run no longer holds quota: its DISPATCHED edge ends (history keeps it). */
function endDispatch(tenant: string, view: TrainingView, at: string): EdgeInput {
  return { kind: 'DISPATCHED', from: trainingAccountId(tenant), to: view.run.id, validTo: at };
}
