/** The training workers: `training.run` (launch and follow) and `training.cancel`, on the shared wrapper. */
import type { Logger } from 'pino';
import { PermanentJobError } from '../domain/ports/JobQueue.js';
import { LaunchRejected } from '../domain/ports/TrainingLauncher.js';
import type { TrainingRunner } from '../domain/training/training.runner.js';
import type { WorkerManager } from './worker-manager.js';

/** A launch the backend refused for good fails the job at once (no retries). */
const permanent = (err: unknown) => (err instanceof LaunchRejected ? new PermanentJobError(err.message) : err);

export function registerTrainingWorkers(manager: WorkerManager, runner: TrainingRunner, opts: { maxRuns: number }, log: Logger): void {
  manager.register('training.run', (data, job) => runner.run(data, job).catch((err) => { throw permanent(err); }), {
    concurrency: opts.maxRuns,
    onFailed: (data, _job, error) => runner.dispatchFailed(data, error),
  });
  manager.register('training.cancel', (data) => runner.cancel(data));
  // Runs left queued or running by a previous process (the in-process queue forgets them on restart).
  manager.runBeside(runner.recover().then(
    (n) => { if (n) log.info({ runs: n }, 'training runs enqueued again after a restart'); },
    (err) => log.error({ err }, 'could not enqueue unfinished training runs again'),
  ));
}
