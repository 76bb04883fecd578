/**
 * The default TrainingLauncher: the training command runs as a local process under a small
 * supervisor (supervisor.mjs) that is detached from Loom, so a run outlives the worker that
 * started it, just as a Kubernetes Job does. Each run has a directory
 * `<dir>/<tenant>/<runId>/` with spec.json, status.json (state) and output.log; any Loom process
 * can follow, read and cancel it. The image is not used (the command runs on this machine).
 * A run of several workers runs them all here, worker 0 listening on a free local port
 * (MASTER_ADDR 127.0.0.1), each worker's output in output.log (worker 0) or output.<i>.log.
 */
import { spawn } from 'node:child_process';
import { mkdir, open, readFile, stat, writeFile } from 'node:fs/promises';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { badInput } from '../../domain/errors.js';
import {
  isTerminal, TRAINING_STATES, type LaunchCredentials, type RunPlacement, type TrainingLauncher, type TrainingSpec, type TrainingState, type TrainingStatus,
} from '../../domain/ports/TrainingLauncher.js';
import { abortableSleep as sleep } from '../abortable-sleep.js';
import { workerEnv } from '../../domain/training/distributed.js';
import { freePort } from '../free-port.js';

const SUPERVISOR = fileURLToPath(new URL('./supervisor.mjs', import.meta.url));
/** Variables of Loom's own environment a training command sees (nothing else: no LOOM_* secrets). */
const PASS_ENV = ['PATH', 'HOME', 'LANG', 'LC_ALL', 'TMPDIR', 'TZ'];
const MAX_LOG_BYTES = 1024 * 1024;

export interface LocalLauncherOptions {
  /** Where run directories go (`<dataDir>/training`). */
  dir: string;
  /** How often watch reads a run's status. */
  pollMs?: number;
}

interface StatusFile { state: TrainingState; reason: string | null; message: string | null; at: string; supervisorPid: number }

type RunRef = Pick<TrainingSpec, 'tenant' | 'runId'>;

export class LocalLauncher implements TrainingLauncher {
  readonly kind = 'local' as const;

  constructor(private readonly opts: LocalLauncherOptions) {}

  check(spec: TrainingSpec): void {
    if (!spec.command.length) throw badInput('input.command', 'required with the local launcher (it runs the command on the Loom host; the image is not used)');
  }

  runDir(ref: RunRef): string {
    if (!/^[a-z0-9][a-z0-9_-]*$/.test(ref.tenant) || !/^[A-Za-z0-9][A-Za-z0-9_.-]*$/.test(ref.runId)) throw new Error(`unsafe run path ${ref.tenant}/${ref.runId}`);
    return path.join(this.opts.dir, ref.tenant, ref.runId);
  }

  private placement(ref: RunRef): RunPlacement {
    return { launcher: 'local', namespace: this.runDir(ref), job: ref.runId, pods: [] };
  }

  async launch(spec: TrainingSpec, credentials: LaunchCredentials): Promise<{ created: boolean; placement: RunPlacement }> {
    this.check(spec);
    const dir = this.runDir(spec);
    await mkdir(path.dirname(dir), { recursive: true });
    const fresh = await mkdir(dir).then(() => true, (err: NodeJS.ErrnoException) => { if (err.code === 'EEXIST') return false; throw err; });
    // A directory without a status is a launch that died before its supervisor started: start it now.
    if (!fresh && (await this.readStatus(dir, 2_000))) return { created: false, placement: this.placement(spec) };
    // A distributed run's rendezvous: a port free now (another process may take it before worker 0 does; the run then fails and may be retried).
    const port = spec.workers > 1 ? await freePort() : 0;
    const workers = Array.from({ length: spec.workers }, (_, i) => (spec.workers > 1 ? workerEnv(spec.workers, i, '127.0.0.1', port) : {}));
    await writeFile(path.join(dir, 'spec.json'), JSON.stringify({ command: spec.command, args: spec.args, retries: spec.retries, timeoutSeconds: spec.timeoutSeconds, workers: spec.workers, workerEnv: workers }));
    const env: Record<string, string> = {};
    for (const k of PASS_ENV) if (process.env[k] !== undefined) env[k] = process.env[k]!;
    for (const e of spec.env) env[e.name] = e.value;
    Object.assign(env, { LOOM_URL: credentials.loomUrl, LOOM_API_KEY: await credentials.apiKey(), LOOM_RUN_ID: spec.runId });
    const child = spawn(process.execPath, [SUPERVISOR, dir], { cwd: dir, env, detached: true, stdio: 'ignore' });
    child.unref();
    if (!(await this.readStatus(dir, 10_000))) throw new Error(`the local training supervisor of run ${spec.runId} did not start`);
    return { created: true, placement: this.placement(spec) };
  }

  /** status.json, waiting up to `waitMs` for it to appear; null when it does not. */
  private async readStatus(dir: string, waitMs = 0): Promise<StatusFile | null> {
    const end = performance.now() + waitMs;
    for (;;) {
      try {
        const s = JSON.parse(await readFile(path.join(dir, 'status.json'), 'utf8')) as StatusFile;
        if ((TRAINING_STATES as readonly string[]).includes(s.state)) return s;
      } catch (err) {
        if ((err as NodeJS.ErrnoException).code !== 'ENOENT') throw err;
      }
      if (performance.now() >= end) return null;
      await new Promise((r) => setTimeout(r, 50));
    }
  }

  async watch(ref: RunRef, onChange: (s: TrainingStatus) => Promise<void>, signal: AbortSignal): Promise<TrainingStatus> {
    const dir = this.runDir(ref);
    let last = '';
    for (;;) {
      if (signal.aborted) throw new Error('watch stopped: the worker is shutting down');
      const file = await this.readStatus(dir);
      let s: TrainingStatus = file
        ? { state: file.state, reason: file.reason, message: file.message, at: file.at, placement: this.placement(ref) }
        : { state: 'FAILED', reason: 'NotFound', message: `run directory ${dir} has no status`, at: new Date().toISOString(), placement: this.placement(ref) };
      if (file && !isTerminal(file.state) && !alive(file.supervisorPid)) {
        // The supervisor may have written its last status just before exiting.
        const again = await this.readStatus(dir);
        s = again && isTerminal(again.state) ? { ...s, ...again, placement: s.placement }
          : { state: 'FAILED', reason: 'SupervisorLost', message: 'the local supervisor process of this run is gone (was the machine restarted?)', at: new Date().toISOString(), placement: s.placement };
      }
      const key = `${s.state}|${s.reason}|${s.message}`;
      if (key !== last) {
        last = key;
        if (!isTerminal(s.state)) await onChange(s);
      }
      if (isTerminal(s.state)) return s;
      await sleep(this.opts.pollMs ?? 500, signal);
    }
  }

  async logs(ref: RunRef, tailLines: number, worker: number): Promise<string> {
    const file = path.join(this.runDir(ref), worker === 0 ? 'output.log' : `output.${worker}.log`);
    const size = await stat(file).then((s) => s.size, () => -1);
    if (size < 0) return '';
    const start = Math.max(0, size - MAX_LOG_BYTES);
    const fh = await open(file, 'r');
    try {
      const buf = Buffer.alloc(size - start);
      await fh.read(buf, 0, buf.length, start);
      const lines = buf.toString('utf8').split('\n');
      if (lines.at(-1) === '') lines.pop();
      return lines.slice(-tailLines).join('\n');
    } finally {
      await fh.close();
    }
  }

  async cancel(ref: RunRef): Promise<void> {
    const dir = this.runDir(ref);
    const exists = await stat(dir).then(() => true, () => false);
    if (!exists) return;
    await writeFile(path.join(dir, 'cancel'), new Date().toISOString());
    const s = await this.readStatus(dir, 2_000);
    if (!s || isTerminal(s.state)) return;
    try {
      process.kill(s.supervisorPid, 'SIGTERM');
    } catch (err) {
      if ((err as NodeJS.ErrnoException).code !== 'ESRCH') throw err;
    }
  }

  async close(): Promise<void> {}
}

function alive(pid: number): boolean {
  try {
    process.kill(pid, 0);
    return true;
  } catch (err) {
    return (err as NodeJS.ErrnoException).code === 'EPERM';
  }
}
