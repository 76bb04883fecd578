import { describe, expect, it } from 'vitest';
import { cpuMillis, formatCpu, memoryBytes, normaliseRequest, trainingRunId } from './spec.js';
import { TrainingQuotas } from './quota.js';

const id = () => 'generated-id';

describe('training requests: checks and normalisation', () => {
  it('fills defaults and derives the run id from tenant and request id', () => {
    const r = normaliseRequest('demo', { image: 'ghcr.io/acme/train:1.4', command: ['python', 'train.py'] }, id);
    expect(r).toMatchObject({ requestId: 'generated-id', name: null, experiment: null, datasets: [], featureGroups: [] });
    expect(r.spec).toEqual({
      image: 'ghcr.io/acme/train:1.4', command: ['python', 'train.py'], args: [], env: [],
      resources: { cpu: '1', cpuMillis: 1000, memory: '2Gi', memoryBytes: 2 * 2 ** 30, gpu: 0, gpuType: null }, workers: 1, retries: 0, timeoutSeconds: 86_400, priority: 'NORMAL',
    });
    expect(r.runId).toBe(trainingRunId('demo', 'generated-id'));
    expect(trainingRunId('demo', 'a')).toBe(trainingRunId('demo', 'a'));
    expect(trainingRunId('demo', 'a')).not.toBe(trainingRunId('other', 'a'));
    expect(trainingRunId('demo', 'a')).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('accepts real image references and Kubernetes quantities', () => {
    for (const image of ['python:3.12-slim', 'nvcr.io/nvidia/pytorch:24.05-py3', 'localhost:5000/team/train', `ghcr.io/a/b@sha256:${'a'.repeat(64)}`]) {
      expect(() => normaliseRequest('demo', { image }, id), image).not.toThrow();
    }
    expect([cpuMillis('500m'), cpuMillis('2'), cpuMillis('1.5'), cpuMillis('0.25'), cpuMillis('2 cores')]).toEqual([500, 2000, 1500, 250, null]);
    expect([memoryBytes('512Mi'), memoryBytes('1G'), memoryBytes('1.5Gi'), memoryBytes('1048576'), memoryBytes('4 GB')]).toEqual([512 * 2 ** 20, 1e9, 1.5 * 2 ** 30, 1048576, null]);
    expect([formatCpu(500), formatCpu(2000), formatCpu(1500)]).toEqual(['500m', '2', '1500m']);
  });

  it('names the field and the reason for bad input', () => {
    const bad = (input: Record<string, unknown>) => () => normaliseRequest('demo', { image: 'python:3.12', ...input } as never, id);
    expect(bad({ image: 'UPPER/Case' })).toThrow(/^input.image: must be a container image reference/);
    expect(bad({ env: [{ name: 'A', value: '1' }, { name: 'A', value: '2' }] })).toThrow(/^input.env\[1\].name: A is given twice/);
    expect(bad({ env: [{ name: 'LOOM_RUN_ID', value: 'x' }] })).toThrow(/^input.env\[0\].name: LOOM_RUN_ID is set by Loom/);
    expect(bad({ command: ['a\u0000b'] })).toThrow(/^input.command\[0\]: must not contain NUL/);
    expect(bad({ command: [''] })).toThrow(/^input.command\[0\]: must name the program to run/);
    expect(bad({ command: [' ', 'x'] })).toThrow(/^input.command\[0\]: must name the program to run/);
    expect(bad({ resources: { cpu: '0m' } })).toThrow(/^input.resources.cpu/);
    expect(bad({ resources: { gpu: 1.5 } })).toThrow(/^input.resources.gpu: must be an integer 0..64/);
    expect(bad({ resources: { gpu: 1, gpuType: 'has space' } })).toThrow(/^input.resources.gpuType/);
    expect(bad({ timeoutSeconds: 31 * 24 * 3600 })).toThrow(/^input.timeoutSeconds/);
    expect(bad({ inputs: { datasets: [''] } })).toThrow(/^input.inputs.datasets\[0\]: must be a node id/);
    expect(bad({ workers: 0 })).toThrow(/^input.workers: must be an integer 1..64/);
    expect(bad({ workers: 65 })).toThrow(/^input.workers: must be an integer 1..64/);
    expect(bad({ priority: 'URGENT' })).toThrow(/^input.priority: must be one of LOW, NORMAL, HIGH/);
    expect(normaliseRequest('demo', { image: 'python:3.12', priority: 'HIGH' }, id).spec.priority).toBe('HIGH');
    // A distributed run's variables are Loom's; one worker may set them.
    expect(bad({ workers: 2, env: [{ name: 'RANK', value: '0' }] })).toThrow(/^input.env\[0\].name: RANK is set by Loom for a run of several workers/);
    expect(normaliseRequest('demo', { image: 'python:3.12', env: [{ name: 'RANK', value: '0' }] }, id).spec.env).toEqual([{ name: 'RANK', value: '0' }]);
  });
});

describe('training quota check', () => {
  const usage = { gpu: 3, cpuMillis: 6000, runs: 2 };
  it('lets a request in up to the limit and names the resource beyond it', () => {
    expect(() => TrainingQuotas.check('acme', { gpu: 4, cpuMillis: 8000 }, usage, { gpu: 1, cpuMillis: 2000 })).not.toThrow();
    expect(() => TrainingQuotas.check('acme', { gpu: 4, cpuMillis: null }, usage, { gpu: 2, cpuMillis: 1000 })).toThrow(/^input.resources.gpu: quota exceeded: tenant acme may hold 4 GPU/);
    expect(() => TrainingQuotas.check('acme', { gpu: null, cpuMillis: 8000 }, usage, { gpu: 9, cpuMillis: 2500 })).toThrow(/^input.resources.cpu: quota exceeded: .* 8 CPU core\(s\).* 6 are held by 2 .* asks for 2500m/);
    // A distributed run holds every worker's resources, and the refusal says so.
    expect(() => TrainingQuotas.check('acme', { gpu: 8, cpuMillis: null }, usage, { gpu: 8, cpuMillis: 4000, workers: 4 })).toThrow(/asks for 8 \(4 workers × 2\)$/);
    // A CPU-only request is not refused for GPUs even when the GPU quota is used up.
    expect(() => TrainingQuotas.check('acme', { gpu: 3, cpuMillis: null }, usage, { gpu: 0, cpuMillis: 500 })).not.toThrow();
  });
});
