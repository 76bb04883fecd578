/**
 * The manifests of a training run: a `batch/v1` Job in the tenant's namespace (labels for tenant
 * and run, GPU resources and scheduling, retries as backoffLimit, timeout as
 * activeDeadlineSeconds, clean-up after `ttlSecondsAfterFinished`) and the Secret holding the run's
 * Loom API key (owned by the Job, so it goes with it). Each is validated before it is sent.
 *
 * A run of several workers is an Indexed Job (`completions` = `parallelism` = workers: one pod per
 * index, the Job completes when every index has succeeded) with a headless Service of the Job's name
 * owned by it: each pod's hostname is `<job>-<index>` in that subdomain, so worker 0 is
 * `<job>-0.<job>` (MASTER_ADDR), and each pod reads its index (RANK...) from its
 * `batch.kubernetes.io/job-completion-index` annotation (Kubernetes' "Job with pod-to-pod
 * communication"). See domain/training/distributed.ts for the variables.
 */
import type { TrainingPriority, TrainingSpec } from '../../domain/ports/TrainingLauncher.js';
import { INDEX_ENV, RENDEZVOUS_PORT, sharedWorkerEnv } from '../../domain/training/distributed.js';
import { ANNOTATION, COMPLETION_INDEX, CONTAINER, jobName, KUEUE_QUEUE_LABEL, LABEL, labelValue, SECRET_KEY } from './names.js';
import { validateLaunched } from './validate.js';

export interface ManifestOptions {
  namespace: string;
  loomUrl: string;
  ttlSecondsAfterFinished: number;
  /** The training pods' service account (none: the namespace's default, with no API token mounted). */
  serviceAccountName?: string;
  /**
   * A Kueue LocalQueue in the tenant namespace: the Job is created suspended with Kueue's queue label,
   * and Kueue unsuspends it once the queue's ClusterQueue has quota for all of it. A run of several
   * workers is then admitted whole (all its pods' requests at once: no worker starts while another
   * waits for a GPU), queued fairly among tenants, and suspended again if Kueue preempts it.
   */
  kueueQueue?: string;
  /** The PriorityClass of each training priority (LOOM_K8S_PRIORITY_CLASSES); a priority without one: the cluster's default. */
  priorityClasses?: Partial<Record<TrainingPriority, string>>;
}

export const GPU_RESOURCE = 'nvidia.com/gpu';
/** The node label NVIDIA GPU feature discovery sets to the GPU model. */
export const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';

export function runLabels(spec: Pick<TrainingSpec, 'tenant' | 'runId'>): Record<string, string> {
  return { [LABEL.managedBy]: 'loom', [LABEL.component]: 'training', [LABEL.tenant]: labelValue(spec.tenant), [LABEL.runId]: labelValue(spec.runId) };
}

/** The environment that makes a run of several workers one distributed job (none for one worker). */
function distributedEnv(spec: TrainingSpec, name: string) {
  if (spec.workers === 1) return [];
  const index = { valueFrom: { fieldRef: { fieldPath: `metadata.annotations['${COMPLETION_INDEX}']` } } };
  return [...sharedWorkerEnv(spec.workers, `${name}-0.${name}`, RENDEZVOUS_PORT), ...INDEX_ENV.map((n) => ({ name: n, ...index }))];
}

export function jobManifest(spec: TrainingSpec, opts: ManifestOptions) {
  const name = jobName(spec.runId);
  const labels = runLabels(spec);
  const { resources: r } = spec;
  const gpu: Record<string, string> = r.gpu > 0 ? { [GPU_RESOURCE]: String(r.gpu) } : {};
  const distributed = spec.workers > 1;
  const job = {
    apiVersion: 'batch/v1' as const,
    kind: 'Job' as const,
    metadata: {
      name, namespace: opts.namespace, labels: opts.kueueQueue ? { ...labels, [KUEUE_QUEUE_LABEL]: opts.kueueQueue } : labels,
      annotations: { [ANNOTATION.tenant]: spec.tenant, [ANNOTATION.requestId]: spec.requestId },
    },
    spec: {
      ...(opts.kueueQueue ? { suspend: true } : {}),
      ...(distributed ? { completionMode: 'Indexed', completions: spec.workers, parallelism: spec.workers } : {}),
      backoffLimit: spec.retries,
      activeDeadlineSeconds: spec.timeoutSeconds,
      ttlSecondsAfterFinished: opts.ttlSecondsAfterFinished,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          ...(distributed ? { subdomain: name } : {}),
          ...(opts.serviceAccountName ? { serviceAccountName: opts.serviceAccountName } : {}),
          ...(opts.priorityClasses?.[spec.priority] ? { priorityClassName: opts.priorityClasses[spec.priority] } : {}),
          ...(r.gpuType ? { nodeSelector: { [GPU_PRODUCT_LABEL]: r.gpuType } } : {}),
          ...(r.gpu > 0 ? { tolerations: [{ key: GPU_RESOURCE, operator: 'Exists', effect: 'NoSchedule' }] } : {}),
          containers: [{
            name: CONTAINER,
            image: spec.image,
            ...(spec.command.length ? { command: spec.command } : {}),
            ...(spec.args.length ? { args: spec.args } : {}),
            env: [
              ...spec.env,
              { name: 'LOOM_URL', value: opts.loomUrl },
              { name: 'LOOM_RUN_ID', value: spec.runId },
              { name: 'LOOM_API_KEY', valueFrom: { secretKeyRef: { name, key: SECRET_KEY } } },
              ...distributedEnv(spec, name),
            ],
            ...(distributed ? { ports: [{ name: 'rendezvous', containerPort: RENDEZVOUS_PORT, protocol: 'TCP' }] } : {}),
            resources: {
              requests: { cpu: r.cpu, memory: r.memory, ...gpu },
              limits: { memory: r.memory, ...gpu },
            },
          }],
        },
      },
    },
  };
  validateLaunched(job);
  return job;
}

/** Owned by the run's Job (`uid`), so Kubernetes deletes it with the Job. */
const ownedBy = (name: string, owner: { uid: string } | null) => (owner ? { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name, uid: owner.uid }] } : {});

/**
 * The headless Service of a run of several workers, owned by its Job: it gives the Job's pods their
 * DNS names (`<job>-<index>.<job>`), ready or not (a worker waits for the others before it is ready).
 */
export function workersServiceManifest(spec: TrainingSpec, opts: Pick<ManifestOptions, 'namespace'>, owner: { uid: string } | null) {
  const name = jobName(spec.runId);
  const service = {
    apiVersion: 'v1' as const,
    kind: 'Service' as const,
    metadata: { name, namespace: opts.namespace, labels: runLabels(spec), ...ownedBy(name, owner) },
    spec: {
      clusterIP: 'None',
      publishNotReadyAddresses: true,
      selector: { [LABEL.runId]: labelValue(spec.runId), [LABEL.managedBy]: 'loom' },
      ports: [{ name: 'rendezvous', port: RENDEZVOUS_PORT, targetPort: RENDEZVOUS_PORT, protocol: 'TCP' }],
    },
  };
  validateLaunched(service);
  return service;
}

/** The Secret with the run's API key, owned by its Job (`uid`) so Kubernetes deletes it with the Job. */
export function keySecretManifest(spec: TrainingSpec, opts: Pick<ManifestOptions, 'namespace'>, owner: { uid: string } | null, apiKey: string) {
  const name = jobName(spec.runId);
  const secret = {
    apiVersion: 'v1' as const,
    kind: 'Secret' as const,
    type: 'Opaque',
    metadata: { name, namespace: opts.namespace, labels: runLabels(spec), ...ownedBy(name, owner) },
    stringData: { [SECRET_KEY]: apiKey },
  };
  validateLaunched(secret);
  return secret;
}
