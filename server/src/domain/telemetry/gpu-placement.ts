/**
 * Where a run ran, read from its Run node: the Kubernetes namespace and pod(s) its GPU series are
 * labelled with, and its time window. Pure.
 *
 * Props read, in order:
 *  1. `k8s.namespace` (string) and `k8s.pod` (string, or an array of strings for a run spread over
 *     several pods) — set by the training launcher, or by any writer of the Run node.
 *  2. An OpenLineage run facet named `k8s` or `kubernetes` (stored as `facets.k8s` /
 *     `facets.kubernetes`): `{ "namespace": "...", "pod": "..." }` (also `podName`, or `pods: [...]`).
 *     OpenLineage's standard facets (`processing_engine`, `nominalTime`...) carry no pod, so an
 *     emitter that wants its runs tied to GPUs sends this custom facet.
 * The window: `startedAt`/`endedAt` from the run's `at.START`/`at.RUNNING` and
 * `at.COMPLETE`/`at.FAIL`/`at.ABORT` props (run-state.ts); a run still going ends now.
 */
import type { Props } from '../model.js';
import { runState } from '../openlineage/run-state.js';

export interface RunPlacement {
  namespace: string;
  pods: string[];
  startedAt: string | null;
  endedAt: string | null;
}

const MAX_PODS = 1000;

const validTime = (t: string | null) => (t && !Number.isNaN(Date.parse(t)) ? new Date(Date.parse(t)).toISOString() : null);
const text = (v: unknown) => (typeof v === 'string' && v.trim() ? v.trim() : null);

function podList(v: unknown): string[] {
  const list = Array.isArray(v) ? v : [v];
  return [...new Set(list.map(text).filter((p): p is string => p !== null))].slice(0, MAX_PODS);
}

/** Where a run facet (`k8s`, `kubernetes`) says the run ran; null when it does not name a namespace and a pod. */
export function facetPlacement(facet: unknown): { namespace: string; pods: string[] } | null {
  if (!facet || typeof facet !== 'object') return null;
  const f = facet as Record<string, unknown>;
  const namespace = text(f.namespace);
  const pods = podList(f.pods ?? f.pod ?? f.podName);
  return namespace && pods.length ? { namespace, pods } : null;
}

/** The run's namespace, pods and window; null when the run does not say where it ran. */
export function runPlacement(props: Props): RunPlacement | null {
  const namespace = text(props['k8s.namespace']);
  const pods = podList(props['k8s.pod']);
  const where = namespace && pods.length ? { namespace, pods } : facetPlacement(props['facets.k8s']) ?? facetPlacement(props['facets.kubernetes']);
  if (!where) return null;
  const { startedAt, endedAt } = runState(props);
  return { ...where, startedAt: validTime(startedAt), endedAt: validTime(endedAt) };
}
