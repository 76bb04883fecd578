/**
 * OpenLineage events of the GPU challenger run of `train_churn_model` (pure): the pipeline's own
 * training events from events.ndjson replayed for another run id and window, so the job keeps the
 * same version (same facets, inputs and outputs: job-level lineage is unchanged), plus
 * - the run facet `k8s` (a custom facet, see gpu-placement.ts) naming the pod, so its GPU series join the run;
 * - version 8 of the model artifact `s3://models` `churn/xgboost` (the pipeline's run wrote version 7).
 */
import { GPU_PLACEMENT } from './common.js';

type Event = Record<string, any>;

const TRAIN_JOB = { namespace: 'ml-platform', name: 'train_churn_model' };
const K8S_FACET_SCHEMA = 'https://loom.example/spec/facets/1-0-0/K8sRunFacet.json#/$defs/K8sRunFacet';
export const CHALLENGER_MODEL_VERSION = '8';

export function challengerRunEvents(events: readonly Event[], runId: string, startMs: number, endMs: number): Event[] {
  const train = events.filter((e) => e.job?.namespace === TRAIN_JOB.namespace && e.job?.name === TRAIN_JOB.name);
  const start = train.find((e) => e.eventType === 'START');
  const complete = train.find((e) => e.eventType === 'COMPLETE');
  if (!start || !complete) throw new Error('demo seed: events.ndjson has no START and COMPLETE of train_churn_model');
  return [replay(start, runId, startMs), replay(complete, runId, endMs)];
}

function replay(template: Event, runId: string, ms: number): Event {
  const e = structuredClone(template);
  e.eventTime = new Date(ms).toISOString();
  const k8s = { _producer: e.producer, _schemaURL: K8S_FACET_SCHEMA, namespace: GPU_PLACEMENT.namespace, pod: GPU_PLACEMENT.pod, node: GPU_PLACEMENT.node };
  e.run = { ...e.run, runId, facets: { ...e.run.facets, k8s } };
  for (const out of e.outputs ?? []) {
    if (out.facets?.version) out.facets.version.datasetVersion = CHALLENGER_MODEL_VERSION;
    if (out.facets?.outputStatistics) out.facets.outputStatistics.size = 41_877_912;
  }
  return e;
}
