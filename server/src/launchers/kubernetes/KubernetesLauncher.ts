/**
 * TrainingLauncher on Kubernetes: a `batch/v1` Job per run in the tenant's namespace (in-cluster
 * config or a kubeconfig), followed with list + watch of the Job and its pods; logs from the
 * newest pod; cancel deletes the Job (its pods and key Secret go with it).
 *
 * Idempotent: the Job's name comes from the run id, so launching again finds it (409 / GET) and
 * creates nothing; the key Secret is only created (and a key minted) when it is missing, and so is
 * the headless Service of a run of several workers (manifests.ts).
 */
import { ApiException, BatchV1Api, CoreV1Api, Watch, type KubeConfig } from '@kubernetes/client-node';
import {
  isTerminal, LaunchRejected, type LaunchCredentials, type RunPlacement, type TrainingLauncher, type TrainingPriority, type TrainingSpec, type TrainingStatus,
} from '../../domain/ports/TrainingLauncher.js';
import { badInput } from '../../domain/errors.js';
import { jobManifest, keySecretManifest, workersServiceManifest } from './manifests.js';
import { CONTAINER, jobName, LABEL, labelValue, tenantNamespace } from './names.js';
import { byCreation, FATAL_IMAGE_ERRORS, IMAGE_PULL_ERRORS, podIndex, runState, type KJob, type KPod } from './status.js';
import { abortableSleep as sleep } from '../abortable-sleep.js';

export interface KubernetesLauncherOptions {
  kubeConfig: KubeConfig;
  /** Tenant namespaces are `<prefix><tenant>` (see k8s/components/tenant). */
  namespacePrefix: string;
  /** Where training pods reach Loom's API (LOOM_URL). */
  loomUrl?: string;
  ttlSecondsAfterFinished?: number;
  /** A pod that cannot pull its image this long fails the run (InvalidImageName at once). */
  imagePullGraceMs?: number;
  /** Each watch request lasts at most this long before the launcher lists again. */
  watchSeconds?: number;
  serviceAccountName?: string;
  /** The Kueue LocalQueue to submit training Jobs to (see ManifestOptions.kueueQueue). */
  kueueQueue?: string;
  /** The PriorityClass of each training priority (see ManifestOptions.priorityClasses). */
  priorityClasses?: Partial<Record<TrainingPriority, string>>;
}

type RunRef = Pick<TrainingSpec, 'tenant' | 'runId'>;
type WatchRef = Pick<TrainingSpec, 'tenant' | 'runId' | 'workers'>;

const code = (err: unknown) => (err instanceof ApiException ? err.code : (err as { statusCode?: number; code?: number })?.statusCode);
const WATCH_FAILURES_BEFORE_GIVING_UP = 6;

export class KubernetesLauncher implements TrainingLauncher {
  readonly kind = 'kubernetes' as const;
  private readonly batch: BatchV1Api;
  private readonly core: CoreV1Api;
  private readonly watcher: Watch;

  constructor(private readonly opts: KubernetesLauncherOptions) {
    this.batch = opts.kubeConfig.makeApiClient(BatchV1Api);
    this.core = opts.kubeConfig.makeApiClient(CoreV1Api);
    this.watcher = new Watch(opts.kubeConfig);
  }

  namespace(tenant: string): string {
    return tenantNamespace(this.opts.namespacePrefix, tenant);
  }

  private manifest(spec: TrainingSpec, loomUrl: string) {
    return jobManifest(spec, { namespace: this.namespace(spec.tenant), loomUrl, ttlSecondsAfterFinished: this.opts.ttlSecondsAfterFinished ?? 7 * 24 * 3600, serviceAccountName: this.opts.serviceAccountName, kueueQueue: this.opts.kueueQueue, priorityClasses: this.opts.priorityClasses });
  }

  check(spec: TrainingSpec): void {
    try {
      this.manifest(spec, this.opts.loomUrl ?? 'http://loom:4000');
    } catch (err) {
      throw badInput('input', `the Kubernetes Job for this request would not be valid: ${(err as Error).message}`);
    }
  }

  private placement(ref: RunRef, pods: string[] = []): RunPlacement {
    return { launcher: 'kubernetes', namespace: this.namespace(ref.tenant), job: jobName(ref.runId), pods };
  }

  async launch(spec: TrainingSpec, credentials: LaunchCredentials): Promise<{ created: boolean; placement: RunPlacement }> {
    const namespace = this.namespace(spec.tenant);
    const name = jobName(spec.runId);
    const body = this.manifest(spec, this.opts.loomUrl ?? credentials.loomUrl);
    let job: KJob;
    let created = false;
    try {
      job = await this.batch.createNamespacedJob({ namespace, body });
      created = true;
    } catch (err) {
      if (code(err) === 409) job = await this.batch.readNamespacedJob({ name, namespace }); // launched before
      else throw rejection(err, `creating Job ${namespace}/${name}`);
    }
    await this.ensureKeySecret(spec, namespace, job, credentials);
    if (spec.workers > 1) await this.ensureWorkersService(spec, namespace, job);
    return { created, placement: this.placement(spec) };
  }

  /** The headless Service that names a distributed run's pods, created when missing (owned by the Job). */
  private async ensureWorkersService(spec: TrainingSpec, namespace: string, job: KJob): Promise<void> {
    const body = workersServiceManifest(spec, { namespace }, job.metadata?.uid ? { uid: job.metadata.uid } : null);
    try {
      await this.core.createNamespacedService({ namespace, body });
    } catch (err) {
      if (code(err) !== 409) throw rejection(err, `creating Service ${namespace}/${body.metadata.name}`);
    }
  }

  /** The key Secret: created (and a key minted) only when missing, e.g. after a crash between the two creates. */
  private async ensureKeySecret(spec: TrainingSpec, namespace: string, job: KJob, credentials: LaunchCredentials): Promise<void> {
    const name = jobName(spec.runId);
    try {
      await this.core.readNamespacedSecret({ name, namespace });
      return;
    } catch (err) {
      if (code(err) !== 404) throw rejection(err, `reading Secret ${namespace}/${name}`);
    }
    const body = keySecretManifest(spec, { namespace }, job.metadata?.uid ? { uid: job.metadata.uid } : null, await credentials.apiKey());
    try {
      await this.core.createNamespacedSecret({ namespace, body });
    } catch (err) {
      if (code(err) !== 409) throw rejection(err, `creating Secret ${namespace}/${name}`);
    }
  }

  private async snapshot(ref: RunRef): Promise<{ job: KJob | null; pods: Map<string, KPod>; podsVersion?: string }> {
    const namespace = this.namespace(ref.tenant);
    let job: KJob | null = null;
    try {
      job = await this.batch.readNamespacedJob({ name: jobName(ref.runId), namespace });
    } catch (err) {
      if (code(err) !== 404) throw err;
    }
    const list = await this.core.listNamespacedPod({ namespace, labelSelector: `${LABEL.runId}=${labelValue(ref.runId)}` });
    return { job, pods: new Map(list.items.map((p) => [String(p.metadata?.name), p as KPod])), podsVersion: list.metadata?.resourceVersion };
  }

  async watch(ref: WatchRef, onChange: (s: TrainingStatus) => Promise<void>, signal: AbortSignal): Promise<TrainingStatus> {
    let last = '';
    let failures = 0;
    let pullErrorSince: number | null = null;
    for (;;) {
      if (signal.aborted) throw new Error('watch stopped: the worker is shutting down');
      let snap: Awaited<ReturnType<KubernetesLauncher['snapshot']>>;
      try {
        snap = await this.snapshot(ref);
        failures = 0;
      } catch (err) {
        if (++failures >= WATCH_FAILURES_BEFORE_GIVING_UP) throw err;
        await sleep(Math.min(500 * 2 ** failures, 15_000), signal);
        continue;
      }
      // Apply list state, then watch events until something final (or the watch ends: list again).
      const state = { job: snap.job, pods: snap.pods };
      const evaluate = async (): Promise<TrainingStatus | null> => {
        const now = new Date().toISOString();
        const pods = byCreation([...state.pods.values()]).map((p) => String(p.metadata?.name));
        if (!state.job) return { state: 'CANCELLED', reason: 'Deleted', message: 'the Job was deleted', at: now, placement: this.placement(ref, pods) };
        const k = runState(state.job, [...state.pods.values()], now, ref.workers);
        let s: TrainingStatus = { ...k, placement: this.placement(ref, pods) };
        if (s.state === 'QUEUED' && IMAGE_PULL_ERRORS.has(s.reason ?? '')) {
          pullErrorSince ??= performance.now();
          if (FATAL_IMAGE_ERRORS.has(s.reason!) || performance.now() - pullErrorSince >= (this.opts.imagePullGraceMs ?? 120_000)) {
            s = { ...s, state: 'FAILED', reason: s.reason === 'ErrImagePull' ? 'ImagePullBackOff' : s.reason, message: `the image ${s.message ? `cannot be pulled: ${s.message}` : 'cannot be pulled'}` };
            await this.cancel(ref);
          }
        } else {
          pullErrorSince = null;
        }
        const key = `${s.state}|${s.reason}|${s.message}|${s.placement.pods.join(',')}`;
        if (key !== last) {
          last = key;
          if (!isTerminal(s.state)) await onChange(s);
        }
        return isTerminal(s.state) ? s : null;
      };
      const first = await evaluate();
      if (first) return first;
      const final = await this.follow(ref, state, snap, evaluate, signal, pullErrorSince !== null).catch(async (err) => {
        if (signal.aborted) throw err;
        if (++failures >= WATCH_FAILURES_BEFORE_GIVING_UP) throw err;
        await sleep(Math.min(500 * 2 ** failures, 15_000), signal);
        return null;
      });
      if (final) return final;
    }
  }

  /** One round of watches on the Job and its pods; resolves with a final status, or null when the watches end. */
  private follow(
    ref: RunRef, state: { job: KJob | null; pods: Map<string, KPod> }, snap: { job: KJob | null; podsVersion?: string },
    evaluate: () => Promise<TrainingStatus | null>, signal: AbortSignal, recheckSoon: boolean,
  ): Promise<TrainingStatus | null> {
    const namespace = this.namespace(ref.tenant);
    const seconds = this.opts.watchSeconds ?? 60;
    return new Promise<TrainingStatus | null>((resolve, reject) => {
      const controllers: AbortController[] = [];
      let settled = false;
      let chain = Promise.resolve();
      const end = (v: TrainingStatus | null, err?: unknown) => {
        if (settled) return;
        settled = true;
        clearTimeout(timer);
        signal.removeEventListener('abort', onAbort);
        controllers.forEach((c) => c.abort());
        if (err) reject(err); else resolve(v);
      };
      const onAbort = () => end(null, new Error('watch stopped: the worker is shutting down'));
      signal.addEventListener('abort', onAbort, { once: true });
      // While an image pull is failing, look again when its grace may have run out.
      const timer = setTimeout(() => end(null), recheckSoon ? Math.min(this.opts.imagePullGraceMs ?? 120_000, seconds * 1000) : seconds * 1000 + 5_000);
      const handle = (apply: () => void) => {
        chain = chain.then(async () => {
          if (settled) return;
          apply();
          const s = await evaluate();
          if (s) end(s);
        }).catch((err) => end(null, err));
      };
      const done = (err: unknown) => { if (err && !settled) end(null, err); else end(null); };
      const jobPath = `/apis/batch/v1/namespaces/${namespace}/jobs`;
      const podPath = `/api/v1/namespaces/${namespace}/pods`;
      const watchJob = this.watcher.watch(jobPath, { fieldSelector: `metadata.name=${jobName(ref.runId)}`, resourceVersion: snap.job?.metadata?.resourceVersion, timeoutSeconds: seconds, allowWatchBookmarks: true },
        (type: string, obj: KJob) => handle(() => {
          if (type === 'DELETED') state.job = null;
          else if (type === 'ADDED' || type === 'MODIFIED') state.job = obj;
        }), done);
      const watchPods = this.watcher.watch(podPath, { labelSelector: `${LABEL.runId}=${labelValue(ref.runId)}`, resourceVersion: snap.podsVersion, timeoutSeconds: seconds, allowWatchBookmarks: true },
        (type: string, obj: KPod) => handle(() => {
          const name = String(obj.metadata?.name);
          if (type === 'DELETED') state.pods.delete(name);
          else if (type === 'ADDED' || type === 'MODIFIED') state.pods.set(name, obj);
        }), done);
      for (const w of [watchJob, watchPods]) w.then((c) => { controllers.push(c); if (settled) c.abort(); }, (err) => done(err));
    });
  }

  async logs(ref: RunRef, tailLines: number, worker: number): Promise<string> {
    const namespace = this.namespace(ref.tenant);
    const list = await this.core.listNamespacedPod({ namespace, labelSelector: `${LABEL.runId}=${labelValue(ref.runId)}` });
    const newest = byCreation((list.items as KPod[]).filter((p) => podIndex(p) === worker)).at(-1);
    if (!newest?.metadata?.name) return '';
    try {
      return await this.core.readNamespacedPodLog({ name: newest.metadata.name, namespace, container: CONTAINER, tailLines });
    } catch (err) {
      if (code(err) === 400 || code(err) === 404) return ''; // container not started yet, or gone
      throw err;
    }
  }

  async cancel(ref: RunRef): Promise<void> {
    const namespace = this.namespace(ref.tenant);
    try {
      await this.batch.deleteNamespacedJob({ name: jobName(ref.runId), namespace, propagationPolicy: 'Background' });
    } catch (err) {
      if (code(err) !== 404) throw err;
    }
  }

  async close(): Promise<void> {}
}

/** Refusals retrying cannot fix become LaunchRejected (the run fails at once); others stay retryable. */
function rejection(err: unknown, what: string): Error {
  const status = code(err);
  const body = err instanceof ApiException ? String((err.body as { message?: string })?.message ?? err.body ?? '') : '';
  const detail = body || (err as Error).message;
  if (status === 404) return new LaunchRejected(`${what}: the namespace does not exist (apply the tenant's namespace from k8s/components/tenant): ${detail}`);
  if (status === 400 || status === 422) return new LaunchRejected(`${what}: rejected by the API server: ${detail}`);
  if (status === 403) return new Error(`${what}: forbidden (check the worker's RBAC in the tenant namespace): ${detail}`);
  return new Error(`${what}: ${detail}`);
}
