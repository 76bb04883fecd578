#!/usr/bin/env node
/**
 * Runs one local training run, detached from the Loom process that launched it (like a Kubernetes
 * Job outlives the worker that created it): the command with its retries and deadline, output
 * appended to output.log, state in status.json (written atomically) for any Loom process to follow.
 * SIGTERM cancels. Plain JavaScript: it runs on `node` alone.
 *
 * argv: <run dir>; the run dir holds spec.json { command, args, retries, timeoutSeconds }; the
 * command's environment is this process's environment.
 */
import { spawn } from 'node:child_process';
import { openSync, readFileSync, renameSync, writeFileSync, existsSync } from 'node:fs';
import path from 'node:path';

const dir = process.argv[2];
const spec = JSON.parse(readFileSync(path.join(dir, 'spec.json'), 'utf8'));
const log = openSync(path.join(dir, 'output.log'), 'a');
const startedAt = Date.now();
const KILL_GRACE_MS = 5000;
let child = null;
let attempt = 0;
let stopping = null; // 'Cancelled' | 'DeadlineExceeded'
let finished = false;

function status(state, reason, message, extra = {}) {
  const s = { state, reason, message, at: new Date().toISOString(), attempt, supervisorPid: process.pid, childPid: child?.pid ?? null, ...extra };
  const tmp = path.join(dir, `status.json.${process.pid}.tmp`);
  writeFileSync(tmp, JSON.stringify(s));
  renameSync(tmp, path.join(dir, 'status.json'));
}

function note(line) {
  writeFileSync(log, `[loom] ${new Date().toISOString()} ${line}\n`);
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

function killChild(signal) {
  if (!child?.pid) return;
  try { process.kill(-child.pid, signal); } catch { /* already gone */ }
}

function stop(why) {
  if (stopping || finished) return;
  stopping = why;
  if (!child) return finish(why === 'Cancelled' ? 'CANCELLED' : 'FAILED', why, null);
  killChild('SIGTERM');
  setTimeout(() => killChild('SIGKILL'), KILL_GRACE_MS).unref();
}

function start() {
  attempt++;
  note(`attempt ${attempt} of ${spec.retries + 1}: ${[...spec.command, ...spec.args].join(' ')}`);
  // Its own process group, so a cancel stops everything the command started.
  child = spawn(spec.command[0], [...spec.command.slice(1), ...spec.args], { cwd: dir, env: process.env, stdio: ['ignore', log, log], detached: true });
  let failedToStart = null;
  child.once('error', (err) => { failedToStart = err; });
  child.once('spawn', () => status('RUNNING', attempt > 1 ? 'Retrying' : 'Started', null));
  child.once('close', (code, signal) => {
    if (stopping) return finish(stopping === 'Cancelled' ? 'CANCELLED' : 'FAILED', stopping, stopping === 'DeadlineExceeded' ? `ran longer than ${spec.timeoutSeconds} s` : null);
    if (code === 0 && !failedToStart) return finish('SUCCEEDED', 'Completed', null, { exitCode: 0 });
    const reason = failedToStart ? 'StartError' : signal === 'SIGKILL' ? 'Killed' : 'Error';
    const message = failedToStart ? failedToStart.message : signal ? `killed by ${signal}${signal === 'SIGKILL' ? ' (out of memory?)' : ''}` : `exit code ${code}`;
    if (attempt <= spec.retries) {
      note(`attempt ${attempt} failed (${message}); retrying`);
      child = null;
      status('RUNNING', 'Retrying', `attempt ${attempt} failed: ${message}`);
      return void setTimeout(() => (stopping ? finish(stopping === 'Cancelled' ? 'CANCELLED' : 'FAILED', stopping, null) : start()), 1000);
    }
    finish('FAILED', reason, message, { exitCode: code });
  });
}

process.on('SIGTERM', () => stop('Cancelled'));
process.on('SIGINT', () => stop('Cancelled'));
// The deadline, checked on a timer (a single setTimeout overflows beyond 24.8 days).
setInterval(() => { if (Date.now() - startedAt >= spec.timeoutSeconds * 1000) stop('DeadlineExceeded'); }, 250);
status('QUEUED', 'Starting', null);
if (existsSync(path.join(dir, 'cancel'))) finish('CANCELLED', 'Cancelled', 'cancelled before it started');
else start();
