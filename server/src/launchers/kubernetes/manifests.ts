/**
 * The manifests of a training run: a `batch/v1` Job in the tenant's namespace (labels for tenant
 * and run, GPU resources and scheduling, retries as backoffLimit, timeout as
 * activeDeadlineSeconds, clean-up after `ttlSecondsAfterFinished`) and the Secret holding the run's
 * Loom API key (owned by the Job, so it goes with it). Each is validated before it is sent.
 */
import type { TrainingSpec } from '../../domain/ports/TrainingLauncher.js';
import { ANNOTATION, CONTAINER, jobName, LABEL, labelValue, SECRET_KEY } from './names.js';
import { validateLaunched } from './validate.js';

export interface ManifestOptions {
  namespace: string;
  loomUrl: string;
  ttlSecondsAfterFinished: number;
  /** The training pods' service account (none: the namespace's default, with no API token mounted). */
  serviceAccountName?: string;
}

export const GPU_RESOURCE = 'nvidia.com/gpu';
/** The node label NVIDIA GPU feature discovery sets to the GPU model. */
export const GPU_PRODUCT_LABEL = 'nvidia.com/gpu.product';

export function runLabels(spec: Pick<TrainingSpec, 'tenant' | 'runId'>): Record<string, string> {
  return { [LABEL.managedBy]: 'loom', [LABEL.component]: 'training', [LABEL.tenant]: labelValue(spec.tenant), [LABEL.runId]: labelValue(spec.runId) };
}

export function jobManifest(spec: TrainingSpec, opts: ManifestOptions) {
  const name = jobName(spec.runId);
  const labels = runLabels(spec);
  const { resources: r } = spec;
  const gpu: Record<string, string> = r.gpu > 0 ? { [GPU_RESOURCE]: String(r.gpu) } : {};
  const job = {
    apiVersion: 'batch/v1' as const,
    kind: 'Job' as const,
    metadata: {
      name, namespace: opts.namespace, labels,
      annotations: { [ANNOTATION.tenant]: spec.tenant, [ANNOTATION.requestId]: spec.requestId },
    },
    spec: {
      backoffLimit: spec.retries,
      activeDeadlineSeconds: spec.timeoutSeconds,
      ttlSecondsAfterFinished: opts.ttlSecondsAfterFinished,
      template: {
        metadata: { labels },
        spec: {
          restartPolicy: 'Never',
          automountServiceAccountToken: false,
          ...(opts.serviceAccountName ? { serviceAccountName: opts.serviceAccountName } : {}),
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
            ],
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

/** The Secret with the run's API key, owned by its Job (`uid`) so Kubernetes deletes it with the Job. */
export function keySecretManifest(spec: TrainingSpec, opts: Pick<ManifestOptions, 'namespace'>, owner: { uid: string } | null, apiKey: string) {
  const name = jobName(spec.runId);
  const secret = {
    apiVersion: 'v1' as const,
    kind: 'Secret' as const,
    type: 'Opaque',
    metadata: {
      name, namespace: opts.namespace, labels: runLabels(spec),
      ...(owner ? { ownerReferences: [{ apiVersion: 'batch/v1', kind: 'Job', name, uid: owner.uid }] } : {}),
    },
    stringData: { [SECRET_KEY]: apiKey },
  };
  validateLaunched(secret);
  return secret;
}
