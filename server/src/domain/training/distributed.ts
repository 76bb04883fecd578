/**
 * Distributed training: a run of several workers (`workers` > 1) runs its command once per worker,
 * each with the request's resources, and tells each one how to find the others in the environment
 * variables PyTorch reads (what Kubeflow's PyTorchJob sets too), so `torch.distributed` with
 * `init_method="env://"` and `torchrun` work unchanged:
 *
 * - `MASTER_ADDR`, `MASTER_PORT`: where worker 0 listens (its rendezvous);
 * - `WORLD_SIZE`: the number of workers; `RANK`: this worker's index, 0..WORLD_SIZE-1;
 * - `PET_NNODES`, `PET_NODE_RANK`, `PET_MASTER_ADDR`, `PET_MASTER_PORT`: the same for `torchrun`
 *   (it reads its flags from `PET_*`; with `--nproc-per-node` it sets WORLD_SIZE and RANK of its own
 *   processes itself);
 * - `LOOM_WORKERS`, `LOOM_WORKER_INDEX`: the same, for commands that are not PyTorch.
 *
 * A worker that fails is started again (same index) while the run has retries left, as a
 * Kubernetes Indexed Job does: an elastic launcher (torchrun) lets it rejoin. Pure.
 */
export const MAX_WORKERS = 64;
/** torch.distributed's default rendezvous port. */
export const RENDEZVOUS_PORT = 29500;

/** Set by the launcher for a run of several workers; a request may not set them then. */
export const DISTRIBUTED_ENV = [
  'MASTER_ADDR', 'MASTER_PORT', 'WORLD_SIZE', 'RANK', 'PET_NNODES', 'PET_NODE_RANK', 'PET_MASTER_ADDR', 'PET_MASTER_PORT', 'LOOM_WORKERS', 'LOOM_WORKER_INDEX',
] as const;
/** Of those, the ones that hold the worker's index (a Kubernetes pod reads it from its completion index). */
export const INDEX_ENV = ['RANK', 'PET_NODE_RANK', 'LOOM_WORKER_INDEX'] as const;

/** The variables every worker of a run shares (INDEX_ENV aside). */
export function sharedWorkerEnv(workers: number, masterAddr: string, masterPort: number): { name: string; value: string }[] {
  const values: Record<string, string> = {
    MASTER_ADDR: masterAddr, MASTER_PORT: String(masterPort), WORLD_SIZE: String(workers),
    PET_NNODES: String(workers), PET_MASTER_ADDR: masterAddr, PET_MASTER_PORT: String(masterPort), LOOM_WORKERS: String(workers),
  };
  return DISTRIBUTED_ENV.filter((n) => !(INDEX_ENV as readonly string[]).includes(n)).map((name) => ({ name, value: values[name] }));
}

/** Every distributed variable of worker `index`. */
export function workerEnv(workers: number, index: number, masterAddr: string, masterPort: number): Record<string, string> {
  const out: Record<string, string> = {};
  for (const e of sharedWorkerEnv(workers, masterAddr, masterPort)) out[e.name] = e.value;
  for (const name of INDEX_ENV) out[name] = String(index);
  return out;
}

/** What a run holds of its tenant's quota: the request's resources once per worker. */
export function heldResources(spec: { workers: number; resources: { gpu: number; cpuMillis: number } }): { gpu: number; cpuMillis: number; workers: number } {
  return { gpu: spec.resources.gpu * spec.workers, cpuMillis: spec.resources.cpuMillis * spec.workers, workers: spec.workers };
}
