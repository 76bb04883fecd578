/** LLM judging of evaluations (`evaluations.judge`): one job per request, resumed where it stopped when retried. */
import type { EvaluationJudging } from '../domain/registry/judging.service.js';
import type { WorkerManager } from './worker-manager.js';

export function registerJudgingWorkers(manager: WorkerManager, judging: EvaluationJudging): void {
  manager.register('evaluations.judge', (data, job) => judging.run(data.tenant, data.evaluationId, data.requestedAt, job));
}
