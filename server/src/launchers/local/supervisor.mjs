#!/usr/bin/env node
/**
 * Runs one local training run, detached from the Loom process that launched it (like a Kubernetes
 * Job outlives the worker that created it): the command with its retries and deadline, output
 * appended to output.log, state in status.json (written atomically) for any Loom process to follow.
 * SIGTERM cancels. Plain JavaScript: it runs on `node` alone.
 *
 * A run of several workers runs the command once per worker at the same time, worker i with the
 * variables of `workerEnv[i]` (its rank, where worker 0 listens: domain/training/distributed.ts) and
 * its output in output.log (worker 0) or output.<i>.log. It is RUNNING once every worker started and
 * SUCCEEDED when every one exited 0. A worker that fails is started again while the run has retries
 * left (counted over all workers, as Kubernetes' backoffLimit); beyond them the others are stopped
 * and the run FAILED with that worker's cause.
 *
 * argv: <run dir>; the run dir holds spec.json { command, args, retries, timeoutSeconds, workers,
 * workerEnv }; the command's environment is this process's environment.
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const spec = JSON.parse(readFileSync(path.join(dir, 'spec.json'), 'utf8'));
const count = spec.workers ?? 1;
const logs = Array.from({ length: count }, (_, i) => openSync(path.join(dir, i === 0 ? 'output.log' : `output.${i}.log`), 'a'));
const startedAt = Date.now();
const KILL_GRACE_MS = 5000;
/** One per worker: its running command (null between attempts), attempts so far, whether it exited 0. */
const workers = Array.from({ length: count }, () => ({ child: null, attempts: 0, succeeded: false, spawned: false }));
let failures = 0;
let stopping = null; // 'Cancelled' | 'DeadlineExceeded' | 'WorkerFailed'
let failedWith = null; // the cause of a WorkerFailed stop
let finished = false;
const who = (i) => (count > 1 ? `worker ${i}: ` : '');

function status(state, reason, message, extra = {}) {
  const s = {
    state, reason, message, at: new Date().toISOString(), attempt: failures + 1, supervisorPid: process.pid,
    childPid: workers[0].child?.pid ?? null, ...(count > 1 ? { childPids: workers.map((w) => w.child?.pid ?? null) } : {}), ...extra,
  };
  const tmp = path.join(dir, `status.json.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(s));
  renameSync(tmp, path.join(dir, 'status.json'));
}

/** A supervisor line in worker `i`'s log (the run's own, such as its end, in worker 0's: output.log). */
function note(line, i = 0) {
  // One line each (a command given as a multi-line script too), so a reader can tell them from the output.
  writeFileSync(logs[i], `[loom] ${new Date().toISOString()} ${line.replace(/\s*\n\s*/g, ' ')}\n`);
}

function finish(state, reason, message, extra) {
  if (finished) return;
  finished = true;
  // The log line first: whoever sees the final status (a watcher polls status.json) then finds it in
  // the log too (the other order lost that race now and then in CI).
  note(`${state}${reason ? ` (${reason})` : ''}${message ? `: ${message}` : ''}`);
  status(state, reason, message, extra);
  process.exit(0);
}

/** Once every worker's command has ended, the run's outcome for the stop under way. */
function finishStopped() {
  if (workers.some((w) => w.child)) return;
  if (stopping === 'Cancelled') return finish('CANCELLED', 'Cancelled', null);
  if (stopping === 'DeadlineExceeded') return finish('FAILED', 'DeadlineExceeded', `ran longer than ${spec.timeoutSeconds} s`);
  finish('FAILED', failedWith.reason, failedWith.message, { exitCode: failedWith.exitCode });
}

function killChild(child, signal) {
  if (!child?.pid) return;
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

function stop(why) {
  if (stopping || finished) return;
  stopping = why;
  for (const w of workers) killChild(w.child, 'SIGTERM');
  setTimeout(() => workers.forEach((w) => killChild(w.child, 'SIGKILL')), KILL_GRACE_MS).unref();
  finishStopped();
}

function start(i) {
  if (stopping || finished) return finishStopped();
  const w = workers[i];
  w.attempts++;
  note(`${who(i)}attempt ${failures + 1} of ${spec.retries + 1}: ${[...spec.command, ...spec.args].join(' ')}`, i);
  // Its own process group, so a cancel stops everything the command started.
  const child = spawn(spec.command[0], [...spec.command.slice(1), ...spec.args], {
    cwd: dir, env: { ...process.env, ...(spec.workerEnv?.[i] ?? {}) }, stdio: ['ignore', logs[i], logs[i]], detached: true,
  });
  w.child = child;
  let failedToStart = null;
  child.once('error', (err) => { failedToStart = err; });
  child.once('spawn', () => {
    w.spawned = true;
    if (!stopping && workers.every((x) => x.spawned)) status('RUNNING', failures > 0 ? 'Retrying' : 'Started', count > 1 ? `${count} workers running` : null);
  });
  child.once('close', (code, signal) => {
    w.child = null;
    if (stopping) return finishStopped();
    if (code === 0 && !failedToStart) {
      w.succeeded = true;
      if (workers.every((x) => x.succeeded)) finish('SUCCEEDED', 'Completed', null, { exitCode: 0 });
      return;
    }
    const reason = failedToStart ? 'StartError' : signal === 'SIGKILL' ? 'Killed' : 'Error';
    const message = failedToStart ? failedToStart.message : signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}` : `exit code ${code}`;
    failures++;
    if (failures <= spec.retries) {
      note(`${who(i)}attempt ${failures} failed (${message}); retrying`, i);
      status('RUNNING', 'Retrying', `${who(i)}attempt ${failures} failed: ${message}`);
      return void setTimeout(() => start(i), 1000);
    }
    failedWith = { reason, message: `${who(i)}${message}`, exitCode: code };
    stop('WorkerFailed');
  });
}

process.on('SIGTERM', () => stop('Cancelled'));
process.on('SIGINT', () => stop('Cancelled'));
// The deadline, checked on a timer (a single setTimeout overflows beyond 24.8 days).
setInterval(() => { if (Date.now() - startedAt >= spec.timeoutSeconds * 1000) stop('DeadlineExceeded'); }, 250);
status('QUEUED', 'Starting', null);
if (existsSync(path.join(dir, 'cancel'))) finish('CANCELLED', 'Cancelled', 'cancelled before it started');
else workers.forEach((_, i) => start(i));
