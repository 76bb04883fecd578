import { z } from 'zod';
import { nameable } from '../ids.js';

/**
 * What Loom needs from an OpenLineage event, and no more: real emitters break the spec in many
 * small ways (zone-less eventTime, nulls, missing schemaURL, non-URI dataSource.uri), so every
 * object is loose and only what places the event in the graph is required.
 */
const text = z.string().trim().min(1, 'must be a non-empty string').max(1024, 'must be at most 1024 characters')
  .refine((s) => nameable(s), 'must not contain the NUL character (\\u0000)'); // it names a node (ids.ts)
const facets = z.record(z.string(), z.unknown()).nullish();

const timestamp = z.string().refine((s) => !Number.isNaN(parseEventTime(s)), 'must be an ISO-8601 date-time');

const datasetRef = z.looseObject({
  namespace: text,
  name: text,
  facets,
  inputFacets: facets,
  outputFacets: facets,
});

export const RUN_STATES = ['START', 'RUNNING', 'COMPLETE', 'ABORT', 'FAIL', 'OTHER'] as const;
export type RunState = (typeof RUN_STATES)[number];

export const OpenLineageEvent = z.looseObject({
  eventTime: timestamp,
  producer: z.string().nullish(),
  schemaURL: z.string().nullish(),
  eventType: z.enum(RUN_STATES).nullish(),
  run: z.looseObject({ runId: text, facets }).nullish(),
  job: z.looseObject({ namespace: text, name: text, facets }).nullish(),
  inputs: z.array(datasetRef).max(10_000).nullish(),
  outputs: z.array(datasetRef).max(10_000).nullish(),
  dataset: datasetRef.nullish(),
});
export type OpenLineageEvent = z.infer<typeof OpenLineageEvent>;
export type DatasetRef = z.infer<typeof datasetRef>;

/** Milliseconds since the epoch; a zone-less time (as some emitters send) is read as UTC. */
export function parseEventTime(s: string): number {
  const zoned = /([zZ]|[+-]\d\d:?\d\d)$/.test(s) ? s : `${s}Z`;
  return Date.parse(zoned);
}
