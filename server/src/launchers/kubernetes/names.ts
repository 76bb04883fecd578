/** Names and labels of what the Kubernetes launcher creates. Pure. */
import { createHash } from 'node:crypto';

export const LABEL = {
  managedBy: 'app.kubernetes.io/managed-by',
  component: 'app.kubernetes.io/component',
  tenant: 'loom.dev/tenant',
  runId: 'loom.dev/run-id',
} as const;
/** Kueue's label naming the LocalQueue a workload is submitted to (LOOM_K8S_KUEUE_QUEUE). */
export const KUEUE_QUEUE_LABEL = 'kueue.x-k8s.io/queue-name';
export const ANNOTATION = { tenant: 'loom.dev/tenant', requestId: 'loom.dev/request-id' } as const;
export const CONTAINER = 'train';
/** Where an Indexed Job's pod finds its index: an annotation (and, since Kubernetes 1.28, a label) of this name. */
export const COMPLETION_INDEX = 'batch.kubernetes.io/job-completion-index';
export const SECRET_KEY = 'api-key';

const DNS_LABEL = /^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/;
const LABEL_VALUE = /^[A-Za-z0-9]([-A-Za-z0-9_.]*[A-Za-z0-9])?$/;
const hash8 = (s: string) => createHash('sha256').update(s).digest('hex').slice(0, 8);

/**
 * The namespace a tenant's training runs in: `<prefix><tenant>` (e.g. `loom-tenant-acme`); a
 * tenant name that is not a DNS label there (an `_`, a trailing `-`, too long) is shortened and
 * suffixed with a hash of the tenant.
 */
export function tenantNamespace(prefix: string, tenant: string): string {
  const plain = `${prefix}${tenant}`;
  if (plain.length <= 63 && DNS_LABEL.test(plain)) return plain;
  const cleaned = `${prefix}${tenant.replace(/_/g, '-')}`.slice(0, 63 - 9).replace(/-+$/, '');
  return `${cleaned}-${hash8(tenant)}`;
}

/** The Job (and Secret) of a run: `train-<run id>`; run ids are UUIDs (42 characters). */
export function jobName(runId: string): string {
  const name = `train-${runId.toLowerCase()}`;
  return name.length <= 63 && DNS_LABEL.test(name) ? name : `train-${hash8(runId)}`;
}

/** A label value for any string (≤ 63 characters of the allowed set, else a hash). */
export function labelValue(s: string): string {
  return s.length <= 63 && LABEL_VALUE.test(s) ? s : `h-${hash8(s)}`;
}
