/**
 * Job-level lineage edges (dataset -INPUT_TO-> job, job -OUTPUT-> dataset) with an end of validity
 * when a job stops reading or writing a dataset.
 *
 * A single validity interval per edge cannot be closed "at the first event without the dataset" and
 * stay order-independent (a late, older event would re-open or close it differently). So each edge's
 * interval is recomputed from the job's whole history every time the job is written, and the history
 * is itself order-independent:
 * - every job version (what a terminal run event or a JobEvent declared: its inputs and outputs) with
 *   the first and last event time it was seen (the version node's createdAt/updatedAt, kept as
 *   min/max by the store whatever the arrival order);
 * - every job-level edge ever written, with its start (kept as the minimum by the store), which covers
 *   datasets that only non-terminal events (START/RUNNING) named.
 * The rule, per (direction, dataset): valid from its first use; current if the latest version (by
 * last use) has it, or if no version was seen after its last use; otherwise it ends at the first
 * version time after its last use. A dataset read, dropped and read again ends up current; the gap
 * between is not kept (one interval per edge).
 */
import type { EdgeInput, EdgeKind } from '../model.js';

export interface JobVersionUse { id: string; firstAt: string; lastAt: string; inputs: readonly string[]; outputs: readonly string[] }
export interface JobEdgeSeen { kind: JobEdgeKind; dataset: string; validFrom: string }
export type JobEdgeKind = Extract<EdgeKind, 'INPUT_TO' | 'OUTPUT'>;

export const JOB_EDGE_KINDS: readonly JobEdgeKind[] = ['INPUT_TO', 'OUTPUT'];

/** Every job-level edge of `jobId`, with the validity its history gives it. */
export function jobEdges(jobId: string, versions: readonly JobVersionUse[], seen: readonly JobEdgeSeen[]): EdgeInput[] {
  const latest = [...versions].sort((a, b) => (a.lastAt === b.lastAt ? (a.id < b.id ? 1 : -1) : a.lastAt < b.lastAt ? 1 : -1))[0];
  const times = [...new Set(versions.flatMap((v) => [v.firstAt, v.lastAt]))].sort();
  const datasetsOf = (v: JobVersionUse, kind: JobEdgeKind) => (kind === 'INPUT_TO' ? v.inputs : v.outputs);

  const firstSeen = new Map<string, string>();
  const note = (kind: JobEdgeKind, dataset: string, at: string) => {
    const k = `${kind}\u0000${dataset}`;
    const prev = firstSeen.get(k);
    if (prev === undefined || at < prev) firstSeen.set(k, at);
  };
  for (const v of versions) for (const kind of JOB_EDGE_KINDS) for (const d of datasetsOf(v, kind)) note(kind, d, v.firstAt);
  for (const e of seen) note(e.kind, e.dataset, e.validFrom);

  const out: EdgeInput[] = [];
  for (const [k, validFrom] of [...firstSeen].sort(([a], [b]) => (a < b ? -1 : 1))) {
    const [kind, dataset] = k.split('\u0000') as [JobEdgeKind, string];
    const uses = versions.filter((v) => datasetsOf(v, kind).includes(dataset));
    const lastUse = uses.length ? uses.map((v) => v.lastAt).sort().at(-1)! : validFrom;
    const current = !latest || datasetsOf(latest, kind).includes(dataset);
    const validTo = current ? null : times.find((t) => t > lastUse) ?? null;
    const [from, to] = kind === 'INPUT_TO' ? [dataset, jobId] : [jobId, dataset];
    out.push({ kind, from, to, validFrom, validTo });
  }
  return out;
}
