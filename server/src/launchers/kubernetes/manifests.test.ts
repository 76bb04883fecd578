import { describe, expect, it } from 'vitest';
import { jobManifest, keySecretManifest } from './manifests.js';
import { jobName, labelValue, tenantNamespace } from './names.js';
import { validateObject } from './validate.js';
import type { TrainingSpec } from '../../domain/ports/TrainingLauncher.js';

const spec: TrainingSpec = {
  tenant: 'demo', runId: '6f1c2a1e-1111-5000-8000-000000000001', requestId: 'r1', image: 'python:3.12-slim', command: [], args: [], env: [],
  resources: { cpu: '500m', cpuMillis: 500, memory: '512Mi', memoryBytes: 512 * 2 ** 20, gpu: 0, gpuType: null }, retries: 0, timeoutSeconds: 60,
};
const opts = { namespace: 'loom-tenant-demo', loomUrl: 'http://loom:4000', ttlSecondsAfterFinished: 3600 };

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
});
