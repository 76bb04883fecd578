/** Helpers for the training tests: the fixture command, requests, and waiting for a run's state. */
import { fileURLToPath } from 'node:url';
import type { TestLoom } from '../../testing/harness.js';
import { until } from '../../queue/jobqueue.contract.js';

export const TRAIN_SCRIPT = fileURLToPath(new URL('../../workers/train-script.fixture.mjs', import.meta.url));
export const RUN_FIELDS = 'id runId requestId name experiment state reason message placement { launcher namespace job pods } datasets featureGroups resources { cpu memory gpu gpuType } priority';
export const REQUEST = `mutation ($input: RequestTrainingInput!) { requestTraining(input: $input) { ${RUN_FIELDS} } }`;
export const GET = `query ($runId: String!) { trainingRun(runId: $runId) { ${RUN_FIELDS} } }`;

/** A request running the fixture script; `env` adds MARKER, RELEASE, EXIT_CODE... */
export function scriptRequest(env: Record<string, string>, over: Record<string, unknown> = {}) {
  return {
    image: 'python:3.12-slim', command: [process.execPath, TRAIN_SCRIPT],
    env: Object.entries(env).map(([name, value]) => ({ name, value })), resources: { cpu: '500m', memory: '256Mi' }, ...over,
  };
}

type Gql = Pick<TestLoom, 'gql'>;

export async function waitForState(loom: Gql, runId: string, state: string, key?: string, timeoutMs = 30_000): Promise<any> {
  let last: any;
  await until(async () => {
    const r = await loom.gql(GET, { runId }, key);
    last = r.errors ?? r.data?.trainingRun;
    return last?.state === state;
  }, timeoutMs, `run ${runId} to be ${state} (last: ${JSON.stringify(last)})`);
  return last;
}

/** Wait until the fixture command has logged its metrics (it talks to Loom only then). */
export async function waitForMetrics(loom: Gql, runId: string, key?: string, timeoutMs = 30_000): Promise<void> {
  await until(async () => {
    const r = await loom.gql('query ($r: String!) { trainingRun(runId: $r) { logs } }', { r: runId }, key);
    return String(r.data?.trainingRun?.logs ?? '').includes('logged {');
  }, timeoutMs, `run ${runId} to log its metrics`);
}
