/**
 * A training request as the API takes it, checked field by field (each failure names the field)
 * and normalised into the launcher's TrainingSpec. Pure.
 */
import { createHash } from 'node:crypto';
import { badInput } from '../errors.js';
import { checkCount, checkName, checkText } from '../registry/validate.js';
import { TRAINING_PRIORITIES, type TrainingPriority, type TrainingSpec } from '../ports/TrainingLauncher.js';
import { DISTRIBUTED_ENV, MAX_WORKERS } from './distributed.js';

export interface TrainingRequestInput {
  /** Idempotency key: the same request id gives the same run (a retried request never launches twice). */
  requestId?: string | null;
  name?: string | null;
  experiment?: string | null;
  image: string;
  command?: string[] | null;
  args?: string[] | null;
  env?: { name: string; value: string }[] | null;
  resources?: { cpu?: string | null; memory?: string | null; gpu?: number | null; gpuType?: string | null } | null;
  /** Workers (processes, pods) the command runs as, each with `resources`; default 1 (see distributed.ts). */
  workers?: number | null;
  inputs?: { datasets?: string[] | null; featureGroups?: string[] | null } | null;
  retries?: number | null;
  timeoutSeconds?: number | null;
  /** LOW, NORMAL (default) or HIGH: see TRAINING_PRIORITIES. */
  priority?: string | null;
}

/** The request after checks: what is stored on the TrainingRequest node and launched. */
export interface NormalisedRequest {
  requestId: string;
  runId: string;
  name: string | null;
  experiment: string | null;
  datasets: string[];
  featureGroups: string[];
  spec: Omit<TrainingSpec, 'tenant' | 'runId' | 'requestId'>;
}

/** Set by the launcher in the command's environment; a request may not set them. */
export const RESERVED_ENV = ['LOOM_URL', 'LOOM_API_KEY', 'LOOM_RUN_ID'] as const;
export const DEFAULT_CPU = '1';
export const DEFAULT_MEMORY = '2Gi';
export const DEFAULT_TIMEOUT_SECONDS = 24 * 3600;
const MAX_TIMEOUT_SECONDS = 30 * 24 * 3600;
const MAX_RETRIES = 20;
const MAX_GPUS = 64;
const MAX_INPUTS = 1000;

const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const COMPONENT = '[a-z0-9]+(?:(?:[._]|__|-+)[a-z0-9]+)*';
const IMAGE = new RegExp(`^(?:[A-Za-z0-9.-]+(?::[0-9]+)?/)?${COMPONENT}(?:/${COMPONENT})*(?::[A-Za-z0-9_][A-Za-z0-9_.-]{0,127})?(?:@sha256:[a-f0-9]{64})?$`);
const ENV_NAME = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;
const CPU = /^(?:(\d{1,7})m|(\d{1,4})(?:\.(\d{1,3}))?)$/;
const MEMORY = /^(\d{1,15})(?:\.(\d{1,6}))?(Ki|Mi|Gi|Ti|Pi|k|M|G|T|P)?$/;
const MEMORY_UNIT: Record<string, number> = { '': 1, k: 1e3, M: 1e6, G: 1e9, T: 1e12, P: 1e15, Ki: 2 ** 10, Mi: 2 ** 20, Gi: 2 ** 30, Ti: 2 ** 40, Pi: 2 ** 50 };
/** A Kubernetes label value (GPU product names such as NVIDIA-A100-SXM4-80GB). */
const LABEL_VALUE = /^[A-Za-z0-9](?:[A-Za-z0-9_.-]{0,61}[A-Za-z0-9])?$/;

/** CPU quantity (`500m`, `2`, `1.5`) → millicores; null when it is not one. */
export function cpuMillis(q: string): number | null {
  const m = CPU.exec(q);
  if (!m) return null;
  return m[1] !== undefined ? Number(m[1]) : Number(m[2]) * 1000 + Number((m[3] ?? '').padEnd(3, '0'));
}

/** Memory quantity (`512Mi`, `4Gi`, `1G`, `1048576`) → bytes; null when it is not one. */
export function memoryBytes(q: string): number | null {
  const m = MEMORY.exec(q);
  if (!m) return null;
  return Math.ceil(Number(`${m[1]}.${m[2] ?? '0'}`) * MEMORY_UNIT[m[3] ?? '']);
}

/** Millicores as a Kubernetes quantity (`1500m`, `2`). */
export const formatCpu = (millis: number) => (millis % 1000 === 0 ? String(millis / 1000) : `${millis}m`);

/**
 * The run id of a request: a UUID derived from the tenant and the request id, so a request sent
 * twice names the same Run node, queue job and Kubernetes Job.
 */
export function trainingRunId(tenant: string, requestId: string): string {
  const h = createHash('sha256').update(`loom-training\u0000${tenant}\u0000${requestId}`).digest();
  h[6] = (h[6] & 0x0f) | 0x50; // version 5 style (name-based)
  h[8] = (h[8] & 0x3f) | 0x80; // RFC 4122 variant
  const x = h.subarray(0, 16).toString('hex');
  return `${x.slice(0, 8)}-${x.slice(8, 12)}-${x.slice(12, 16)}-${x.slice(16, 20)}-${x.slice(20, 32)}`;
}

function int(field: string, v: number | null | undefined, min: number, max: number, dflt: number): number {
  if (v === null || v === undefined) return dflt;
  if (!Number.isInteger(v) || v < min || v > max) throw badInput(field, `must be an integer ${min}..${max}`);
  return v;
}

function strings(field: string, v: string[] | null | undefined, maxItems: number, maxLen: number): string[] {
  checkCount(field, v, maxItems);
  return (v ?? []).map((s, i) => {
    if (typeof s !== 'string') throw badInput(`${field}[${i}]`, 'must be a string');
    if (s.length > maxLen) throw badInput(`${field}[${i}]`, `must be at most ${maxLen} characters`);
    if (s.includes('\u0000')) throw badInput(`${field}[${i}]`, 'must not contain NUL');
    return s;
  });
}

/** A command's first word is the program run: not empty (nothing to run; its later words, arguments, may be). */
function program(command: string[]): string[] {
  if (command.length && !command[0].trim()) throw badInput('input.command[0]', 'must name the program to run (it is empty)');
  return command;
}

function env(v: TrainingRequestInput['env'], workers: number): { name: string; value: string }[] {
  checkCount('input.env', v, 100);
  const seen = new Set<string>();
  return (v ?? []).map((e, i) => {
    if (typeof e.name !== 'string' || !ENV_NAME.test(e.name)) throw badInput(`input.env[${i}].name`, 'must be a variable name: letters, digits and "_", not starting with a digit');
    if ((RESERVED_ENV as readonly string[]).includes(e.name)) throw badInput(`input.env[${i}].name`, `${e.name} is set by Loom (${RESERVED_ENV.join(', ')} are reserved)`);
    if (workers > 1 && (DISTRIBUTED_ENV as readonly string[]).includes(e.name)) {
      throw badInput(`input.env[${i}].name`, `${e.name} is set by Loom for a run of several workers (${DISTRIBUTED_ENV.join(', ')})`);
    }
    if (seen.has(e.name)) throw badInput(`input.env[${i}].name`, `${e.name} is given twice`);
    seen.add(e.name);
    if (typeof e.value !== 'string' || e.value.length > 32_768) throw badInput(`input.env[${i}].value`, 'must be a string of at most 32768 characters');
    return { name: e.name, value: e.value };
  });
}

function priority(v: TrainingRequestInput['priority']): TrainingPriority {
  if (v === undefined || v === null) return 'NORMAL';
  if (!(TRAINING_PRIORITIES as readonly unknown[]).includes(v)) throw badInput('input.priority', `must be one of ${TRAINING_PRIORITIES.join(', ')}`);
  return v as TrainingPriority;
}

function resources(r: TrainingRequestInput['resources']): TrainingSpec['resources'] {
  const cpu = r?.cpu ?? DEFAULT_CPU;
  const millis = typeof cpu === 'string' ? cpuMillis(cpu) : null;
  if (millis === null || millis < 1 || millis > 1_024_000) throw badInput('input.resources.cpu', 'must be a CPU quantity such as "500m", "2" or "1.5" (at most 1024 cores)');
  const memory = r?.memory ?? DEFAULT_MEMORY;
  const bytes = typeof memory === 'string' ? memoryBytes(memory) : null;
  if (bytes === null || bytes < 1 || bytes > 2 ** 50) throw badInput('input.resources.memory', 'must be a memory quantity such as "512Mi", "4Gi" or "1G"');
  const gpu = int('input.resources.gpu', r?.gpu, 0, MAX_GPUS, 0);
  const gpuType = checkText('input.resources.gpuType', r?.gpuType, 63) ?? null;
  if (gpuType !== null && !LABEL_VALUE.test(gpuType)) throw badInput('input.resources.gpuType', 'must be a GPU product label value such as "NVIDIA-A100-SXM4-80GB"');
  if (gpuType !== null && gpu === 0) throw badInput('input.resources.gpuType', 'needs resources.gpu of at least 1');
  return { cpu, cpuMillis: millis, memory, memoryBytes: bytes, gpu, gpuType };
}

function ids(field: string, v: string[] | null | undefined): string[] {
  checkCount(field, v, MAX_INPUTS);
  const out = strings(field, v, MAX_INPUTS, 2000);
  out.forEach((id, i) => { if (!id) throw badInput(`${field}[${i}]`, 'must be a node id'); });
  return [...new Set(out)];
}

/** Check a request (no I/O); throws BAD_USER_INPUT naming the first bad field. */
export function normaliseRequest(tenant: string, input: TrainingRequestInput, newId: () => string): NormalisedRequest {
  if (!input || typeof input !== 'object') throw badInput('input', 'required');
  const requestId = input.requestId ?? newId();
  if (typeof requestId !== 'string' || !REQUEST_ID.test(requestId)) throw badInput('input.requestId', 'must be 1-128 characters of letters, digits, "_", ".", ":" or "-"');
  if (typeof input.image !== 'string' || input.image.length > 512 || !IMAGE.test(input.image)) {
    throw badInput('input.image', 'must be a container image reference such as "ghcr.io/acme/train:1.4" or "python:3.12-slim"');
  }
  const workers = int('input.workers', input.workers, 1, MAX_WORKERS, 1);
  return {
    requestId,
    runId: trainingRunId(tenant, requestId),
    name: checkText('input.name', input.name, 250) ?? null,
    experiment: input.experiment == null ? null : checkName('input.experiment', input.experiment),
    datasets: ids('input.inputs.datasets', input.inputs?.datasets),
    featureGroups: ids('input.inputs.featureGroups', input.inputs?.featureGroups),
    spec: {
      image: input.image,
      command: program(strings('input.command', input.command, 200, 10_000)),
      args: strings('input.args', input.args, 500, 10_000),
      env: env(input.env, workers),
      resources: resources(input.resources),
      workers,
      retries: int('input.retries', input.retries, 0, MAX_RETRIES, 0),
      timeoutSeconds: int('input.timeoutSeconds', input.timeoutSeconds, 1, MAX_TIMEOUT_SECONDS, DEFAULT_TIMEOUT_SECONDS),
      priority: priority(input.priority),
    },
  };
}
