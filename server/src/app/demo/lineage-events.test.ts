import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { challengerRunEvents, CHALLENGER_MODEL_VERSION } from './lineage-events.js';
import { GPU_PLACEMENT } from './common.js';

const events = readFileSync(new URL('../../../../seeds/demo/events.ndjson', import.meta.url), 'utf8').split('\n').filter((l) => l.trim()).map((l) => JSON.parse(l));
const START = Date.parse('2026-12-01T10:00:00Z');

describe('challengerRunEvents', () => {
  const [start, complete] = challengerRunEvents(events, 'run-x', START, START + 60_000);
  const template = events.find((e) => e.job.name === 'train_churn_model' && e.eventType === 'COMPLETE');

  it('replays the training job\'s START and COMPLETE for the new run id and window', () => {
    expect([start.eventType, complete.eventType]).toEqual(['START', 'COMPLETE']);
    expect([start.run.runId, complete.run.runId]).toEqual(['run-x', 'run-x']);
    expect([start.eventTime, complete.eventTime]).toEqual(['2026-12-01T10:00:00.000Z', '2026-12-01T10:01:00.000Z']);
  });

  it('keeps the job, its facets and its datasets (so the job version does not change)', () => {
    expect(complete.job).toEqual(template.job);
    expect(complete.inputs).toEqual(template.inputs);
    expect(complete.outputs.map((o: any) => `${o.namespace}/${o.name}`)).toEqual(['s3://models/churn/xgboost']);
    expect(complete.outputs[0].facets.version.datasetVersion).toBe(CHALLENGER_MODEL_VERSION);
  });

  it('says which pod ran it (the k8s run facet) without touching the template', () => {
    expect(start.run.facets.k8s).toMatchObject({ namespace: GPU_PLACEMENT.namespace, pod: GPU_PLACEMENT.pod });
    expect(template.run.facets.k8s).toBeUndefined();
    expect(template.outputs[0].facets.version.datasetVersion).toBe('7');
  });
});
