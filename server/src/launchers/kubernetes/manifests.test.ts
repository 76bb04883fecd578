import { describe, expect, it } from 'vitest';
import { jobManifest, keySecretManifest, workersServiceManifest } from './manifests.js';
import { jobName, labelValue, tenantNamespace } from './names.js';
import { validateObject } from './validate.js';
import type { TrainingSpec } from '../../domain/ports/TrainingLauncher.js';

const spec: TrainingSpec = {
  tenant: 'demo', runId: '6f1c2a1e-1111-5000-8000-000000000001', requestId: 'r1', image: 'python:3.12-slim', command: [], args: [], env: [],
  resources: { cpu: '500m', cpuMillis: 500, memory: '512Mi', memoryBytes: 512 * 2 ** 20, gpu: 0, gpuType: null }, workers: 1, retries: 0, timeoutSeconds: 60, priority: 'NORMAL',
};
const opts = { namespace: 'loom-tenant-demo', loomUrl: 'http://loom:4000', ttlSecondsAfterFinished: 3600 };

describe('priorities', () => {
  it('gives the pods the PriorityClass of the run\'s priority, and none where no class is configured', async () => {
    const classes = { LOW: 'loom-training-low', HIGH: 'loom-training-high' };
    const high = jobManifest({ ...spec, priority: 'HIGH' }, { ...opts, priorityClasses: classes });
    expect(high.spec.template.spec.priorityClassName).toBe('loom-training-high');
    expect(await validateObject(high)).toEqual([]);
    expect(jobManifest(spec, { ...opts, priorityClasses: classes }).spec.template.spec).not.toHaveProperty('priorityClassName');
    expect(jobManifest({ ...spec, priority: 'HIGH' }, opts).spec.template.spec).not.toHaveProperty('priorityClassName');
  });
});

describe('training manifests', () => {
  it('a CPU-only Job has no GPU resources, selector or tolerations, and keeps the image entrypoint', async () => {
    const job = jobManifest(spec, opts);
    const c = job.spec.template.spec.containers[0];
    expect(c.resources).toEqual({ requests: { cpu: '500m', memory: '512Mi' }, limits: { memory: '512Mi' } });
    expect(c).not.toHaveProperty('command');
    expect(job.spec.template.spec).not.toHaveProperty('nodeSelector');
    expect(job.spec.template.spec).not.toHaveProperty('tolerations');
    expect(job.spec.ttlSecondsAfterFinished).toBe(3600);
    expect(await validateObject(job)).toEqual([]);
    expect(await validateObject(keySecretManifest(spec, opts, { uid: 'u-1' }, 'k'.repeat(20)))).toEqual([]);
  });

  it('kubernetes-models rejects what the API server would (and the launcher checks before sending)', async () => {
    expect(() => jobManifest({ ...spec, resources: { ...spec.resources, memory: 'a lot' } }, opts)).toThrow(/memory/);
    expect(await validateObject({ apiVersion: 'batch/v1', kind: 'Job', metadata: { name: 'x' }, spec: { backoffLimit: 'three', template: { spec: { containers: [{ name: 'c' }] } } } })).toEqual([expect.stringContaining('backoffLimit must be integer')]);
    expect(await validateObject({ apiVersion: 'batch/v1', kind: 'Jobb', metadata: { name: 'x' } })).toEqual([expect.stringContaining('unknown kind Jobb')]);
    expect(await validateObject({ apiVersion: 'nope/v9', kind: 'Job', metadata: { name: 'x' } })).toEqual([expect.stringContaining('unknown apiVersion')]);
    expect(await validateObject({ apiVersion: 'v1', kind: 'ConfigMap', metadata: {} })).toEqual([expect.stringContaining('metadata.name is required')]);
  });

  it('names: tenant namespaces and Job names are DNS labels, whatever the tenant or run id', () => {
    expect(tenantNamespace('loom-tenant-', 'acme')).toBe('loom-tenant-acme');
    for (const t of ['team_a', 'trailing-', 'x'.repeat(63)]) {
      const ns = tenantNamespace('loom-tenant-', t);
      expect(ns).toMatch(/^[a-z0-9]([-a-z0-9]*[a-z0-9])?$/);
      expect(ns.length).toBeLessThanOrEqual(63);
    }
    expect(tenantNamespace('loom-tenant-', 'team_a')).not.toBe(tenantNamespace('loom-tenant-', 'team-a'));
    expect(jobName('6F1C2A1E-1111-5000-8000-000000000001')).toBe('train-6f1c2a1e-1111-5000-8000-000000000001');
    expect(labelValue('ok-value')).toBe('ok-value');
    expect(labelValue('trailing_')).toMatch(/^h-[0-9a-f]{8}$/);
  });

  it('a run of several workers: an Indexed Job whose pods find worker 0 through a headless Service it owns', async () => {
    const dist = { ...spec, workers: 4, resources: { ...spec.resources, gpu: 2 } };
    const name = jobName(dist.runId);
    const job = jobManifest(dist, opts);
    expect(job.spec).toMatchObject({ completionMode: 'Indexed', completions: 4, parallelism: 4 });
    expect(job.spec.template.spec).toMatchObject({ subdomain: name });
    const env = job.spec.template.spec.containers[0].env;
    const value = (n: string) => env.find((e) => e.name === n);
    expect(value('MASTER_ADDR')).toEqual({ name: 'MASTER_ADDR', value: `${name}-0.${name}` });
    expect([value('MASTER_PORT'), value('WORLD_SIZE'), value('PET_NNODES'), value('LOOM_WORKERS')].map((e) => e && 'value' in e && e.value)).toEqual(['29500', '4', '4', '4']);
    for (const n of ['RANK', 'PET_NODE_RANK', 'LOOM_WORKER_INDEX']) {
      expect(value(n)).toEqual({ name: n, valueFrom: { fieldRef: { fieldPath: "metadata.annotations['batch.kubernetes.io/job-completion-index']" } } });
    }
    expect(await validateObject(job)).toEqual([]);
    const svc = workersServiceManifest(dist, opts, { uid: 'u-1' });
    expect(svc.metadata).toMatchObject({ name, ownerReferences: [{ kind: 'Job', name, uid: 'u-1' }] });
    expect(svc.spec).toMatchObject({ clusterIP: 'None', publishNotReadyAddresses: true, ports: [{ port: 29500 }] });
    // The Service selects the Job's pods.
    expect(Object.entries(svc.spec.selector).every(([k, v]) => job.spec.template.metadata.labels[k] === v)).toBe(true);
    expect(await validateObject(svc)).toEqual([]);
    // One worker: a plain Job, none of that.
    expect(jobManifest(spec, opts).spec).not.toHaveProperty('completionMode');
    expect(jobManifest(spec, opts).spec.template.spec.containers[0].env.map((e) => e.name)).not.toContain('RANK');
  });
});
