import { describe, expect, it } from 'vitest';
import { Registry } from 'prom-client';
import { pino } from 'pino';
import { loadConfig } from '../config/config.js';
import { createWorkerHttpServer } from './health.server.js';

const neo4j = { LOOM_GRAPH: 'neo4j', LOOM_NEO4J_URL: 'neo4j://neo4j:7687' };

describe('roles and their configuration', () => {
  it('defaults: everything in one process, in-process queue, local launcher', () => {
    expect(loadConfig({})).toMatchObject({ role: 'all', queue: { engine: 'in-process' }, training: { launcher: 'local', maxRuns: 500, defaultQuota: { gpu: null, cpuMillis: null } } });
    expect(loadConfig({ LOOM_REDIS_URL: 'redis://r:6379', LOOM_TRAINING_QUOTA_GPU: '8', LOOM_TRAINING_QUOTA_CPU: '500m' })).toMatchObject({
      queue: { engine: 'bullmq', url: 'redis://r:6379', prefix: 'loom', lockMs: 30_000 }, training: { defaultQuota: { gpu: 8, cpuMillis: 500 } },
    });
  });

  it('separate roles share their queue through Redis; a worker must know where training commands reach the API; Kubernetes too', () => {
    expect(() => loadConfig({ ...neo4j, LOOM_ROLE: 'api' })).toThrow(/LOOM_ROLE=api: separate roles share their job queue through Redis; set LOOM_REDIS_URL/);
    expect(() => loadConfig({ ...neo4j, LOOM_ROLE: 'worker', LOOM_REDIS_URL: 'redis://r:6379' })).toThrow(/LOOM_TRAINING_LOOM_URL: required/);
    expect(() => loadConfig({ LOOM_TRAINING: 'kubernetes' })).toThrow(/LOOM_TRAINING_LOOM_URL: required/);
    expect(() => loadConfig({ LOOM_TRAINING_QUOTA_CPU: 'lots' })).toThrow(/LOOM_TRAINING_QUOTA_CPU="lots": must be a CPU quantity/);
    expect(() => loadConfig({ LOOM_K8S_NAMESPACE_PREFIX: 'Bad_Prefix' })).toThrow(/LOOM_K8S_NAMESPACE_PREFIX/);
    expect(loadConfig({ ...neo4j, LOOM_ROLE: 'worker', LOOM_REDIS_URL: 'redis://r:6379', LOOM_TRAINING: 'kubernetes', LOOM_TRAINING_LOOM_URL: 'http://loom-api:4000', LOOM_K8S_IMAGE_PULL_GRACE_SECONDS: '30' }))
      .toMatchObject({ role: 'worker', training: { launcher: 'kubernetes', loomUrl: 'http://loom-api:4000', kubernetes: { namespacePrefix: 'loom-tenant-', imagePullGraceMs: 30_000 } } });
  });

  it('the worker role serves only /healthz, /readyz (its stores and queue) and /metrics', async () => {
    const registry = new Registry();
    let queueUp = true;
    const app = createWorkerHttpServer(pino({ level: 'silent' }), { graph: async () => {}, queue: async () => { if (!queueUp) throw new Error('redis down'); } }, registry);
    try {
      expect((await app.inject('/healthz')).json()).toEqual({ status: 'ok', role: 'worker' });
      expect((await app.inject('/readyz')).json()).toEqual({ status: 'ready', graph: 'ok', queue: 'ok' });
      queueUp = false;
      const down = await app.inject('/readyz');
      expect(down.statusCode).toBe(503);
      expect(down.json()).toEqual({ status: 'unavailable', graph: 'ok', queue: 'error: Error: redis down' });
      expect((await app.inject('/metrics')).statusCode).toBe(200);
      expect((await app.inject({ method: 'POST', url: '/graphql' })).statusCode).toBe(404);
    } finally {
      await app.close();
    }
  });
});
