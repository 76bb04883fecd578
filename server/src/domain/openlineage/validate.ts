import { z } from 'zod';
import { badInput } from '../errors.js';
import { OpenLineageEvent } from './event.schema.js';
import { fieldPath } from '../json-depth.js';

export type EventKind = 'RunEvent' | 'JobEvent' | 'DatasetEvent';

/** Validate one decoded event; throws BAD_USER_INPUT naming the first offending field. */
export function validateEvent(input: unknown): { event: OpenLineageEvent; kind: EventKind } {
  if (typeof input !== 'object' || input === null || Array.isArray(input)) throw badInput('(body)', 'must be a JSON object (one OpenLineage event)');
  const parsed = OpenLineageEvent.safeParse(input);
  if (!parsed.success) {
    const issue = parsed.error.issues[0];
    throw badInput(fieldPath(issue.path), issueMessage(issue));
  }
  const event = parsed.data;
  if (event.run) {
    if (!event.job) throw badInput('job', 'required for a run event (job.namespace and job.name)');
    return { event, kind: 'RunEvent' };
  }
  if (event.job) return { event, kind: 'JobEvent' };
  if (event.dataset) return { event, kind: 'DatasetEvent' };
  throw badInput('run', 'an event needs run + job (RunEvent), job (JobEvent) or dataset (DatasetEvent)');
}

function issueMessage(issue: z.core.$ZodIssue): string {
  if (issue.code === 'invalid_type' && issue.input === undefined) return `required (${issue.expected})`;
  if (issue.code === 'invalid_type') return `must be ${issue.expected}, got ${issue.input === null ? 'null' : typeof issue.input}`;
  return issue.message;
}
