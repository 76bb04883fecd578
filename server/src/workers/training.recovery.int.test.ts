/**
 * Training survives its workers: a graceful restart (in-process queue: unfinished runs are
 * enqueued again at start) and a worker process killed mid-job (BullMQ on a real redis-server: the
 * job comes back when its lock expires). Either way the run is launched once and ends once.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFileSync, writeFileSync } from 'node:fs';
import path from 'node:path';
import { startLoom, type RunningLoom } from '../app/main.js';
import { DEMO_KEY, spawnLoom, suiteTempDir } from '../testing/harness.js';
import { startRedis, type TestRedis } from '../queue/redis.testkit.js';
import { until } from '../queue/jobqueue.contract.js';
import { REQUEST, scriptRequest, waitForMetrics, waitForState } from '../api/graphql/training.testkit.js';
import { runNodeId } from '../domain/ids.js';

function client(url: string) {
  return {
    async gql(query: string, variables?: Record<string, unknown>) {
      const res = await fetch(`${url}/graphql`, { method: 'POST', headers: { 'content-type': 'application/json', authorization: `Bearer ${DEMO_KEY}` }, body: JSON.stringify({ query, variables }) });
      const json = await res.json() as { data?: any; errors?: any[] };
      return { status: res.status, data: json.data, errors: json.errors };
    },
  };
}

async function outcome(loom: RunningLoom, runId: string) {
  const [run] = await loom.services.graph.getNodes('demo', [runNodeId(runId)]);
  const p = run!.props;
  return { state: p.trainingState, ends: Object.keys(p).filter((k) => /^at\.(COMPLETE|FAIL|ABORT)$/.test(k)), active: (await loom.services.trainingQuotas.usage('demo')).runs };
}

const tempDir = suiteTempDir('loom-training-recovery-');

describe('training across restarts and crashes', () => {
  it('in-process queue: a run in flight during a graceful restart is followed again after it and ends once', async () => {
    const data = path.join(tempDir(), 'graceful');
    const env = { LOOM_DATA_DIR: data, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_DEMO_KEY: DEMO_KEY };
    const marker = path.join(tempDir(), 'graceful.marker');
    const release = path.join(tempDir(), 'graceful.release');
    const first = await startLoom(env);
    let runId: string;
    try {
      const r = await client(first.url).gql(REQUEST, { input: scriptRequest({ MARKER: marker, RELEASE: release }) });
      runId = r.data.requestTraining.runId;
      await waitForState(client(first.url), runId, 'RUNNING');
      await waitForMetrics(client(first.url), runId);
    } finally {
      await first.close();
    }
    writeFileSync(release, ''); // the run finishes while no Loom is up
    const second = await startLoom(env);
    try {
      await waitForState(client(second.url), runId, 'SUCCEEDED');
      expect(await outcome(second, runId)).toEqual({ state: 'SUCCEEDED', ends: ['at.COMPLETE'], active: 0 });
      expect(readFileSync(marker, 'utf8').trim().split('\n')).toHaveLength(1);
    } finally {
      await second.close();
    }
  });

  describe('BullMQ on redis-server', () => {
    let redis: TestRedis;
    beforeAll(async () => { redis = await startRedis(); });
    afterAll(async () => { await redis?.stop(); });

    it('a Loom process killed mid-job: another one takes the job over when its lock expires; launched once, one outcome; a duplicate request launches nothing', async () => {
      const data = path.join(tempDir(), 'crash');
      const marker = path.join(tempDir(), 'crash.marker');
      const release = path.join(tempDir(), 'crash.release');
      const env = {
        LOOM_DATA_DIR: data, LOOM_LOG_LEVEL: 'warn', LOOM_DEMO_KEY: DEMO_KEY, LOOM_REDIS_URL: redis.url,
        LOOM_QUEUE_LOCK_MS: '1500', LOOM_QUEUE_STALLED_INTERVAL_MS: '500',
      };
      const child = await spawnLoom(env);
      let survivor: RunningLoom | undefined;
      try {
        const api = client(`http://127.0.0.1:${child.port}`);
        const input = scriptRequest({ MARKER: marker, RELEASE: release }, { requestId: 'crash-1' });
        const runId = (await api.gql(REQUEST, { input })).data.requestTraining.runId;
        await waitForState(api, runId, 'RUNNING');
        await waitForMetrics(api, runId);
        await child.kill();

        survivor = await startLoom({ ...env, LOOM_PORT: '0' });
        const again = client(survivor.url);
        // Sent again while the dead worker's job waits for recovery: the same run, nothing new.
        expect((await again.gql(REQUEST, { input })).data.requestTraining.runId).toBe(runId);
        await until(async () => (await survivor!.services.graph.getNodes('demo', [runNodeId(runId)]))[0]?.props['training.launcher'] === 'local', 10_000);
        writeFileSync(release, '');
        await waitForState(again, runId, 'SUCCEEDED', undefined, 30_000);
        await new Promise((r) => setTimeout(r, 1_500)); // stalled checks keep running: nothing more happens
        expect(await outcome(survivor, runId)).toEqual({ state: 'SUCCEEDED', ends: ['at.COMPLETE'], active: 0 });
        expect(readFileSync(marker, 'utf8').trim().split('\n')).toEqual([`start ${runId}`]);
        const logs = (await again.gql('query ($r: String!) { trainingRun(runId: $r) { logs run { latestMetrics { key count } } } }', { r: runId })).data.trainingRun;
        expect(logs.logs).toContain('training done');
        expect(logs.run.latestMetrics).toEqual([{ key: 'loss', count: 5 }]);
      } finally {
        await child.kill();
        await survivor?.close();
      }
    });
  });
});
