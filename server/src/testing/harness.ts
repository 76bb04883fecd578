/** Starts a real Loom (embedded engines, fresh data dir, random port) for integration tests. */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { gzipSync } from 'node:zlib';
import { spawn, type ChildProcess } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { startLoom, type RunningLoom } from '../app/main.js';
import { freePort } from '../launchers/free-port.js';
import { until } from '../queue/jobqueue.contract.js';

export const DEMO_KEY = 'demo-key-for-integration-tests-0001';

export interface TestLoom extends RunningLoom {
  key: string;
  gql<T = any>(query: string, variables?: Record<string, unknown>, key?: string): Promise<{ status: number; data?: T; errors?: any[] }>;
  post(route: string, body: unknown, opts?: { key?: string | null; gzip?: boolean; raw?: Buffer | string; headers?: Record<string, string> }): Promise<{ status: number; json: any }>;
}

export { suiteTempDir } from './temp-dir.js';

/** Alert rules are not evaluated on a timer unless `env` sets LOOM_ALERT_INTERVAL_SECONDS: a test evaluates them when it means to. */
export async function startTestLoom(env: Record<string, string> = {}): Promise<TestLoom> {
  const dir = mkdtempSync(path.join(tmpdir(), 'loom-test-'));
  const env0 = { LOOM_DATA_DIR: dir, LOOM_PORT: '0', LOOM_LOG_LEVEL: 'warn', LOOM_DEMO_KEY: DEMO_KEY, LOOM_ALERT_INTERVAL_SECONDS: 'off', LOOM_REPORT_INTERVAL_SECONDS: 'off' };
  const loom = await startLoom({ ...env0, ...env }).catch((e: unknown) => {
    rmSync(dir, { recursive: true, force: true }); // a start refused (the tests of bad settings) leaves no directory behind
    throw e;
  });
  const post: TestLoom['post'] = async (route, body, opts = {}) => {
    const key = opts.key === undefined ? DEMO_KEY : opts.key;
    const payload = opts.raw ?? JSON.stringify(body);
    const headers: Record<string, string> = { 'content-type': 'application/json', ...(key ? { authorization: `Bearer ${key}` } : {}), ...opts.headers };
    if (opts.gzip) headers['content-encoding'] = 'gzip';
    const res = await fetch(loom.url + route, { method: 'POST', headers, body: opts.gzip ? new Uint8Array(gzipSync(payload)) : typeof payload === 'string' ? payload : new Uint8Array(payload) });
    const text = await res.text();
    return { status: res.status, json: text ? JSON.parse(text) : null };
  };
  return {
    ...loom,
    key: DEMO_KEY,
    post,
    async gql(query, variables, key) {
      const { status, json } = await post('/graphql', { query, variables }, { key: key ?? DEMO_KEY });
      return { status, data: json?.data, errors: json?.errors };
    },
    async close() {
      await loom.close();
      rmSync(dir, { recursive: true, force: true });
    },
  };
}

/** A Loom process of its own (`cli.ts start`), for tests that kill it: resolved once it serves on `port`. */
export interface LoomProcess { port: number; child: ChildProcess; output(): string; kill(): Promise<void> }

export async function spawnLoom(env: Record<string, string>): Promise<LoomProcess> {
  const port = await freePort();
  const child = spawn(process.execPath, ['--import', 'tsx', 'server/src/cli.ts', 'start'], {
    cwd: fileURLToPath(new URL('../../../', import.meta.url)),
    env: { PATH: process.env.PATH, HOME: process.env.HOME, LOOM_OTLP_GRPC_PORT: '0', LOOM_ALERT_INTERVAL_SECONDS: 'off', ...env, LOOM_PORT: String(port) }, stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout!.on('data', (d: Buffer) => { out += d.toString(); });
  child.stderr!.on('data', (d: Buffer) => { out += d.toString(); });
  const kill = async () => {
    if (child.exitCode !== null || child.signalCode !== null) return;
    const exited = new Promise((r) => child.once('exit', r));
    child.kill('SIGKILL');
    await exited;
  };
  try {
    await until(() => out.includes('Loom is running'), 90_000, `the Loom child process to start: ${out}`);
  } catch (err) {
    await kill();
    throw err;
  }
  return { port, child, output: () => out, kill };
}
