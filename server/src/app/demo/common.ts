/** What every part of the demo story shares: the people acting, fixed ids, time helpers, a seeded random source. */
import { createHash } from 'node:crypto';
import type { Actor } from '../../domain/registry/actor.js';

/** The OpenLineage story (one RunEvent per line). */
export const DEMO_EVENTS = new URL('../../../../seeds/demo/events.ndjson', import.meta.url);

export const DEMO_EXPERIMENT = 'churn-training';
export const DEMO_MODEL = 'churn-classifier';
export const DEMO_PROMPT = 'churn-explainer';

/** The OpenLineage runs of events.ndjson the registry story adopts. */
export const OL_TRAIN_RUN = '019cb308-6e3d-7e1d-91e2-114cec83f78f';
export const OL_EVAL_RUN = '019cb35d-4674-718c-bb30-863739166d86';

/** The runs the tracking story adds (run ids are fixed so tests and links can name them). */
export const RUNS = {
  baseline: '019c9a41-2b7e-7c10-8a3d-5e0f4c2b9a11',
  champion: OL_TRAIN_RUN,
  failed: '019cb7c2-91d4-7e55-b0a8-3f6d2e8c1b27',
  challenger: '019d5a10-0c3f-7a2b-9e61-7d4b8f0a2c35',
} as const;

/** Where the challenger trained (its OpenLineage `k8s` run facet); the GPU series carry the same labels. */
export const GPU_PLACEMENT = { namespace: 'ml-training', pod: 'train-churn-model-gpu-7d9f4-x2k8p', node: 'gpu-a100-node-03' } as const;

export const VALIDATION_SET = { namespace: 's3://ml-datasets', name: 'churn/validation' } as const;

export const people = {
  /** Data scientist: logs runs, registers versions, writes prompts. */
  scientist: (tenant: string): Actor => ({ tenant, role: 'editor', name: 'priya.nair' }),
  /** ML lead: gates, Production promotions, the production prompt label. */
  lead: (tenant: string): Actor => ({ tenant, role: 'admin', name: 'marco.rossi' }),
  /** The release pipeline: evaluations and promotion attempts. */
  ci: (tenant: string): Actor => ({ tenant, role: 'admin', name: 'ci/model-release' }),
};

export const MIN_MS = 60_000;
export const HOUR_MS = 3_600_000;

/** A fixed-width lower-case hex id derived from a text (deterministic trace and span ids). */
export function hexId(text: string, bytes: number): string {
  return createHash('sha256').update(text).digest('hex').slice(0, bytes * 2);
}

/** mulberry32: a small seeded generator, so the story is the same on every start. */
export function seeded(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}

export const round = (v: number, digits = 4) => Math.round(v * 10 ** digits) / 10 ** digits;

/** Unix nanoseconds as decimal text (OTLP/JSON's int64 form). */
export const msToNanos = (ms: number) => (BigInt(Math.round(ms)) * 1_000_000n).toString();
