import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { LocalLauncher } from './LocalLauncher.js';
import type { TrainingSpec, TrainingStatus } from '../../domain/ports/TrainingLauncher.js';

let dir: string;
let launcher: LocalLauncher;
let n = 0;

beforeAll(() => {
  dir = mkdtempSync(path.join(tmpdir(), 'loom-local-launcher-'));
  launcher = new LocalLauncher({ dir: path.join(dir, 'runs'), pollMs: 50 });
});
afterAll(() => rmSync(dir, { recursive: true, force: true, maxRetries: 5, retryDelay: 100 }));

/** A spec running `node -e <script>`. */
function spec(script: string, over: Partial<TrainingSpec> = {}): TrainingSpec {
  n++;
  return {
    tenant: 'demo', runId: `00000000-0000-5000-8000-${String(n).padStart(12, '0')}`, requestId: `r${n}`, image: 'python:3.12',
    command: [process.execPath, '-e', script], args: [], env: [{ name: 'GREETING', value: 'hello' }],
    resources: { cpu: '1', cpuMillis: 1000, memory: '1Gi', memoryBytes: 2 ** 30, gpu: 0, gpuType: null }, workers: 1, retries: 0, timeoutSeconds: 60, priority: 'NORMAL', ...over,
  };
}
const creds = { loomUrl: 'http://127.0.0.1:1', apiKey: async () => 'key-for-test-000000' };

async function follow(s: TrainingSpec): Promise<{ seen: string[]; final: TrainingStatus }> {
  const seen: string[] = [];
  const final = await launcher.watch(s, async (st) => { seen.push(`${st.state}:${st.reason}`); }, new AbortController().signal);
  return { seen, final };
}

/** A worker's log: what its command printed, and the supervisor's lines about it (`[loom] <time> ...`). */
const output = (log: string) => log.split('\n').filter((l) => !l.startsWith('[loom] ')).join('\n');
const supervisor = (log: string) => log.split('\n').filter((l) => l.startsWith('[loom] ')).map((l) => l.replace(/^\[loom\] \S+ /, ''));

describe('LocalLauncher', () => {
  it('runs the command with its env and Loom\'s (not the server\'s secrets), follows it to SUCCEEDED and serves its logs', async () => {
    process.env.LOOM_NEO4J_PASSWORD = 'must-not-leak';
    const s = spec(`console.log(process.env.GREETING, process.env.LOOM_RUN_ID, process.env.LOOM_API_KEY, process.env.LOOM_URL, process.env.LOOM_NEO4J_PASSWORD ?? 'no-secret'); setTimeout(() => console.log('done'), 300)`);
    const launched = await launcher.launch(s, creds);
    expect(launched).toEqual({ created: true, placement: { launcher: 'local', namespace: launcher.runDir(s), job: s.runId, pods: [] } });
    const { seen, final } = await follow(s);
    expect(seen).toContain('RUNNING:Started');
    expect(final).toMatchObject({ state: 'SUCCEEDED', reason: 'Completed' });
    const logs = await launcher.logs(s, 100, 0);
    expect(logs).toContain(`hello ${s.runId} key-for-test-000000 http://127.0.0.1:1 no-secret`);
    expect(logs).toContain('done');
    expect(await launcher.logs(s, 1, 0)).toMatch(/SUCCEEDED \(Completed\)$/);
    delete process.env.LOOM_NEO4J_PASSWORD;
  });

  it('launching the same run again starts nothing (and mints no key)', async () => {
    const marker = path.join(dir, 'starts.txt');
    const s = spec(`require('fs').appendFileSync(${JSON.stringify(marker)}, 'x'); setTimeout(() => {}, 200)`);
    let minted = 0;
    const counting = { loomUrl: creds.loomUrl, apiKey: async () => { minted++; return 'k'.repeat(20); } };
    const [a, b] = [await launcher.launch(s, counting), await launcher.launch(s, counting)];
    expect([a.created, b.created]).toEqual([true, false]);
    await follow(s);
    expect(readFileSync(marker, 'utf8')).toBe('x');
    expect(minted).toBe(1);
  });

  it('retries a failing command, then reports FAILED with the exit code', async () => {
    const s = spec('console.log("try"); process.exit(3)', { retries: 1 });
    await launcher.launch(s, creds);
    const { seen, final } = await follow(s);
    expect(final).toMatchObject({ state: 'FAILED', reason: 'Error', message: 'exit code 3' });
    expect(seen.some((x) => x.startsWith('RUNNING'))).toBe(true);
    expect((await launcher.logs(s, 100, 0)).match(/^try$/gm)).toHaveLength(2);
  });

  it('stops a run at its deadline (DeadlineExceeded)', async () => {
    const s = spec('setInterval(() => {}, 1000)', { timeoutSeconds: 1 });
    await launcher.launch(s, creds);
    const t0 = performance.now();
    const { final } = await follow(s);
    expect(final).toMatchObject({ state: 'FAILED', reason: 'DeadlineExceeded' });
    expect(performance.now() - t0).toBeLessThan(8_000);
  });

  it('cancel stops the command and everything it started (CANCELLED); cancelling again is a no-op', async () => {
    const pidFile = path.join(dir, 'grandchild.pid');
    const s = spec(`const c = require('child_process').spawn(process.execPath, ['-e', 'setInterval(() => {}, 1000)'], { stdio: 'ignore' }); require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(c.pid)); setInterval(() => {}, 1000)`);
    await launcher.launch(s, creds);
    const watching = follow(s);
    const end = performance.now() + 10_000;
    while (performance.now() < end) { try { readFileSync(pidFile); break; } catch { await new Promise((r) => setTimeout(r, 50)); } }
    await launcher.cancel(s);
    const { final } = await watching;
    expect(final).toMatchObject({ state: 'CANCELLED', reason: 'Cancelled' });
    const grandchild = Number(readFileSync(pidFile, 'utf8'));
    // Gone, or a zombie waiting for init to reap it (state Z): not running either way.
    const running = () => { try { return !/^\d+ \(.*\) Z/.test(readFileSync(`/proc/${grandchild}/stat`, 'utf8')); } catch { return false; } };
    const until = performance.now() + 3_000;
    while (running() && performance.now() < until) await new Promise((r) => setTimeout(r, 50));
    expect(running()).toBe(false);
    await launcher.cancel(s);
  });

  it('reports a command that cannot start (StartError) and needs a command', async () => {
    const s = spec('', { command: ['/nonexistent/train'] });
    await launcher.launch(s, creds);
    expect((await follow(s)).final).toMatchObject({ state: 'FAILED', reason: 'StartError' });
    expect(() => launcher.check(spec('', { command: [] }))).toThrow(/input.command: required/);
  });

  it('a run whose supervisor vanished without an outcome is reported FAILED (SupervisorLost)', async () => {
    const s = spec('');
    const runDir = launcher.runDir(s);
    const other = spec('setTimeout(() => {}, 10)');
    await launcher.launch(other, creds); // makes the tenant dir
    const { mkdirSync } = await import('node:fs');
    mkdirSync(runDir, { recursive: true });
    writeFileSync(path.join(runDir, 'status.json'), JSON.stringify({ state: 'RUNNING', reason: 'Started', message: null, at: new Date().toISOString(), supervisorPid: 2 ** 22 + 12345 }));
    expect((await follow(s)).final).toMatchObject({ state: 'FAILED', reason: 'SupervisorLost' });
    // Its supervisor writes into the runs directory until it ends: done before the directory is removed.
    await follow(other);
  });

  it('a run of several workers: each is told its rank and where worker 0 listens, and they meet there', async () => {
    // Worker 0 listens on MASTER_ADDR:MASTER_PORT until every other worker has sent its rank; the others connect (retrying until it listens).
    const script = `
      const net = require('net'); const e = process.env; const world = Number(e.WORLD_SIZE);
      console.log('rank', e.RANK, 'of', world, 'torchrun', e.PET_NODE_RANK, e.PET_NNODES, 'loom', e.LOOM_WORKER_INDEX, e.LOOM_WORKERS);
      if (e.RANK === '0') {
        const got = [];
        const srv = net.createServer((c) => c.on('data', (d) => { got.push(String(d)); if (got.length === world - 1) { console.log('met', got.sort().join(',')); setTimeout(() => srv.close(), 500); } }));
        srv.listen(Number(e.MASTER_PORT), e.MASTER_ADDR);
      } else {
        const send = () => { const c = net.connect(Number(e.MASTER_PORT), e.MASTER_ADDR, () => c.end(e.RANK)); c.on('error', () => setTimeout(send, 50)); };
        send();
      }`;
    // Worker 0 stays half a second after the meeting: on a loaded machine the whole run could otherwise end
    // between two of the watcher's polls, which would then never see it RUNNING (seen once in CI).
    const s = spec(script, { workers: 3 });
    await launcher.launch(s, creds);
    const { seen, final } = await follow(s);
    expect(seen).toContain('RUNNING:Started');
    expect(final).toMatchObject({ state: 'SUCCEEDED', reason: 'Completed' });
    expect(await launcher.logs(s, 100, 0)).toMatch(/^rank 0 of 3 torchrun 0 3 loom 0 3$[\s\S]*^met 1,2$/m);
    expect(output(await launcher.logs(s, 100, 1))).toBe('rank 1 of 3 torchrun 1 3 loom 1 3');
    expect(output(await launcher.logs(s, 100, 2))).toBe('rank 2 of 3 torchrun 2 3 loom 2 3');
    // the supervisor's lines about a worker are in that worker's log
    expect(supervisor(await launcher.logs(s, 100, 2))).toEqual([expect.stringMatching(/^worker 2: attempt 1 of 1: /)]);
    expect(supervisor(await launcher.logs(s, 100, 0)).filter((l) => /^worker [12]/.test(l))).toEqual([]);
  });

  it('a worker that fails beyond the retries stops the others and fails the run, naming the worker', async () => {
    const pidFile = path.join(dir, 'worker0.pid');
    const s = spec(`if (process.env.RANK === '1') { console.log('w1'); setTimeout(() => process.exit(5), 200); } else { require('fs').writeFileSync(${JSON.stringify(pidFile)}, String(process.pid)); setInterval(() => {}, 1000); }`, { workers: 2, retries: 1 });
    await launcher.launch(s, creds);
    const { seen, final } = await follow(s);
    expect(seen).toContain('RUNNING:Retrying');
    expect(final).toMatchObject({ state: 'FAILED', reason: 'Error', message: 'worker 1: exit code 5' });
    // Worker 1 ran twice (one retry), worker 0 once and was stopped.
    expect(output(await launcher.logs(s, 100, 1))).toBe('w1\nw1');
    expect(supervisor(await launcher.logs(s, 100, 1))).toEqual([
      expect.stringMatching(/^worker 1: attempt 1 of 2: /), expect.stringMatching(/^worker 1: attempt 1 failed \(exit code 5\); retrying$/), expect.stringMatching(/^worker 1: attempt 2 of 2: /),
    ]);
    const pid = Number(readFileSync(pidFile, 'utf8'));
    expect(() => process.kill(pid, 0)).toThrow();
  });
});
