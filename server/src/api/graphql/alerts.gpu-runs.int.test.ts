/**
 * A GPU alert on a pod is tied to the run in that pod, whoever launched it: here an OpenLineage run whose
 * `k8s` run facet names its pod (the training runs Loom launches are in alerts.int.test.ts), on a real Loom.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { ok } from './registry.testkit.js';
import { runNodeId } from '../../domain/ids.js';
import { dcgmLabels, gaugeRequest, DCGM_RESOURCE, type GaugeSample } from '../../domain/telemetry/metrics-testkit.js';

const MIN = 60_000;
const GPU = { uuid: 'GPU-33333333-0000-4000-8000-0000000000f1', index: '0', host: 'gpu-node-9', namespace: 'spark-ml', pod: 'embed-driver-0' };
const ALERTS = '{ alerts { ruleName state subjectId labels } }';

function runEvent(eventType: string, runId: string, at: number) {
  return {
    eventType, eventTime: new Date(at).toISOString(), producer: 'https://example.com/gpu-alerts', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId, facets: { k8s: { _producer: 'https://example.com/gpu-alerts', _schemaURL: 'https://example.com/k8s.json', namespace: GPU.namespace, pod: GPU.pod } } },
    job: { namespace: 'spark', name: 'embed_corpus' }, inputs: [], outputs: [],
  };
}

describe('GPU alerts on the pods of OpenLineage runs', () => {
  let loom: TestLoom;
  const [ended, running] = [randomUUID(), randomUUID()];

  beforeAll(async () => {
    loom = await startTestLoom();
    const now = Date.now();
    // The pod's name was used by an earlier run (ended) and now by the running one.
    const events = [runEvent('START', ended, now - 60 * MIN), runEvent('COMPLETE', ended, now - 40 * MIN), runEvent('START', running, now - 10 * MIN)];
    expect((await loom.post('/api/v1/lineage/batch', events)).status).toBe(200);
    const samples: GaugeSample[] = [];
    for (let t = now - 5 * MIN; t <= now; t += 30_000) samples.push({ name: 'DCGM_FI_DEV_GPU_UTIL', timeMs: t, value: 2, labels: dcgmLabels(GPU) });
    expect((await loom.post('/v1/metrics', gaugeRequest(samples, DCGM_RESOURCE))).status).toBe(200);
  }, 120_000);
  afterAll(() => loom?.close());

  it('ties the alert to the run still going in the pod', async () => {
    const rule = { name: 'Idle GPU', source: 'GPU', metric: 'utilization', labels: [{ key: 'namespace', value: GPU.namespace }], aggregation: 'LAST', op: 'LT', threshold: 10, severity: 'WARNING' };
    await ok(loom, 'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }', { input: rule });
    expect(await loom.services.alerts.evaluateTenant('demo')).toMatchObject({ errors: 0 }); // the demo's rules are evaluated too
    const { alerts } = await ok(loom, ALERTS);
    expect(alerts.filter((a: { ruleName: string }) => a.ruleName === 'Idle GPU')).toMatchObject([{ state: 'FIRING', subjectId: runNodeId(running), labels: { pod: GPU.pod } }]);
  });
});
