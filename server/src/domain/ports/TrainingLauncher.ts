/**
 * Runs training somewhere and reports how it goes. Two adapters: a local child process (the
 * default) and a Kubernetes `batch/v1` Job. Every method is idempotent and keyed by the run, so a
 * worker that dies and is replaced can launch again (nothing doubles) and follow the same run.
 */

export const TRAINING_STATES = ['QUEUED', 'RUNNING', 'SUCCEEDED', 'FAILED', 'CANCELLED'] as const;
export type TrainingState = (typeof TRAINING_STATES)[number];
export const isTerminal = (s: TrainingState) => s === 'SUCCEEDED' || s === 'FAILED' || s === 'CANCELLED';

/**
 * How urgent a run is. On Kubernetes each maps to a PriorityClass (LOOM_K8S_PRIORITY_CLASSES): the
 * scheduler, and Kueue when it queues the Jobs, start higher ones first and may preempt lower ones.
 */
export const TRAINING_PRIORITIES = ['LOW', 'NORMAL', 'HIGH'] as const;
export type TrainingPriority = (typeof TRAINING_PRIORITIES)[number];

/** What to run: built by the training service from a validated request. */
export interface TrainingSpec {
  tenant: string;
  runId: string;
  requestId: string;
  image: string;
  /** Entrypoint override; empty = the image's entrypoint (Kubernetes only: a local run needs a command). */
  command: string[];
  args: string[];
  env: { name: string; value: string }[];
  resources: {
    /** Kubernetes quantities as given (`500m`, `2`; `4Gi`) and their values in millicores and bytes. */
    cpu: string; cpuMillis: number;
    memory: string; memoryBytes: number;
    gpu: number;
    /** GPU model, scheduled through the node selector `nvidia.com/gpu.product`. */
    gpuType: string | null;
  };
  /**
   * How many times the command runs at once, each with `resources` (1, or a distributed run: see
   * training/distributed.ts for what each worker is told).
   */
  workers: number;
  /** Retries of the training command after a failure, counted over all workers (Kubernetes `backoffLimit`). */
  retries: number;
  /** Wall-clock limit of the whole run, retries included (Kubernetes `activeDeadlineSeconds`). */
  timeoutSeconds: number;
  priority: TrainingPriority;
}

/** How the training command reaches Loom: set in its environment as LOOM_URL, LOOM_API_KEY, LOOM_RUN_ID. */
export interface LaunchCredentials {
  loomUrl: string;
  /** Called only when the launcher actually starts something (not when the run is already launched). */
  apiKey: () => Promise<string>;
}

/** Where a launched run lives: recorded on the Run node (props `k8s.namespace`, `k8s.job`, `k8s.pod`). */
export interface RunPlacement {
  launcher: 'local' | 'kubernetes';
  /** Kubernetes namespace and Job name; for a local run the run directory. */
  namespace: string | null;
  job: string;
  /** Pods (Kubernetes) that ran the command so far: one per attempt of each worker, oldest first. */
  pods: string[];
}

export interface TrainingStatus {
  state: TrainingState;
  /** Machine-readable cause: Pending, Unschedulable, ContainerCreating, ImagePullBackOff, OOMKilled, DeadlineExceeded, BackoffLimitExceeded, Error, Cancelled... */
  reason: string | null;
  message: string | null;
  /** Event time of this state (ISO-8601). */
  at: string;
  placement: RunPlacement;
}

export interface TrainingLauncher {
  readonly kind: 'local' | 'kubernetes';
  /** Reject a spec this launcher cannot run (BAD_USER_INPUT naming the field); checked at request time. */
  check(spec: TrainingSpec): void;
  /** Start the run unless it already runs (then `created: false`); the placement is known at once. */
  launch(spec: TrainingSpec, credentials: LaunchCredentials): Promise<{ created: boolean; placement: RunPlacement }>;
  /**
   * Follow the run: `onChange` for every new state/reason/pod, resolves with the final status.
   * Rejects when `signal` aborts (worker shutdown) or the backend cannot be reached.
   */
  watch(spec: Pick<TrainingSpec, 'tenant' | 'runId' | 'workers'>, onChange: (s: TrainingStatus) => Promise<void>, signal: AbortSignal): Promise<TrainingStatus>;
  /** The last lines of worker `worker`'s output (all attempts for a local run; its latest pod on Kubernetes). */
  logs(spec: Pick<TrainingSpec, 'tenant' | 'runId'>, tailLines: number, worker: number): Promise<string>;
  /** Stop the run (idempotent: a run that already ended or never started is left as it is). */
  cancel(spec: Pick<TrainingSpec, 'tenant' | 'runId'>): Promise<void>;
  close(): Promise<void>;
}

/** The backend refused the run for a reason retrying cannot fix (missing namespace, invalid manifest): the run fails at once. */
export class LaunchRejected extends Error {
  override name = 'LaunchRejected';
}
