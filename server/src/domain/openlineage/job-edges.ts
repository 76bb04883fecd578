/**
 * Job-level lineage edges (dataset -INPUT_TO-> job, job -OUTPUT-> dataset) with an end of validity
 * when a job stops reading or writing a dataset.
 *
 * A single validity interval per edge cannot be closed "at the first event without the dataset" and
 * stay order-independent (a late, older event would re-open or close it differently). So each edge's
 * interval is derived from the job's whole history, and the history itself is order-independent:
 * - every job version (what a terminal run event or a JobEvent declared: its inputs and outputs) with
 *   the first and last event time it was seen (the version node's createdAt/updatedAt, which the
 *   store keeps as min/max whatever the arrival order);
 * - every job-level edge ever written with its start (kept as the minimum by the store), which covers
 *   datasets that only non-terminal events (START/RUNNING) named.
 * The rule, per (direction, dataset): valid from its first use; current if the latest version (by
 * last use) has it, or if no version was seen after its last use; otherwise it ends at the first
 * version time after its last use. A dataset read, dropped and read again ends up current; the gap
 * between is not kept (one interval per edge).
 */
import type { EdgeInput, EdgeKind, GraphEdge, GraphNode, NodeInput } from '../model.js';

export type JobEdgeKind = Extract<EdgeKind, 'INPUT_TO' | 'OUTPUT'>;
export const JOB_EDGE_KINDS: readonly JobEdgeKind[] = ['INPUT_TO', 'OUTPUT'];

interface VersionUse { firstAt: string; lastAt: string; inputs: readonly string[]; outputs: readonly string[] }
interface Validity { validFrom: string; validTo: string | null }

/** One job's history, folded from observations in any order; answers the edges it implies. */
export class JobHistory {
  private readonly versions = new Map<string, VersionUse>();
  /** per `kind\0dataset`: earliest start of any edge written, first and last use by a version */
  private readonly datasets = new Map<string, { seenFrom?: string; firstUse?: string; lastUse?: string }>();
  /** every version's first and last time, sorted, unique */
  private times: string[] = [];
  private latest: { id: string; lastAt: string } | null = null;
  /** what the store holds, as far as this history knows */
  private readonly stored = new Map<string, Validity>();

  constructor(readonly jobId: string) {}

  /** A version seen from `firstAt` to `lastAt` (a version node, or one event naming it: firstAt = lastAt). */
  addVersion(id: string, firstAt: string, lastAt: string, inputs: readonly string[], outputs: readonly string[]): void {
    const prev = this.versions.get(id);
    const v = {
      firstAt: prev && prev.firstAt < firstAt ? prev.firstAt : firstAt,
      lastAt: prev && prev.lastAt > lastAt ? prev.lastAt : lastAt,
      inputs: prev?.inputs ?? inputs, outputs: prev?.outputs ?? outputs,
    };
    this.versions.set(id, v);
    this.addTime(v.firstAt);
    this.addTime(v.lastAt);
    if (!this.latest || v.lastAt > this.latest.lastAt || (v.lastAt === this.latest.lastAt && id > this.latest.id)) this.latest = { id, lastAt: v.lastAt };
    for (const [kind, list] of [['INPUT_TO', v.inputs], ['OUTPUT', v.outputs]] as const) {
      for (const d of list) {
        const s = this.dataset(kind, d);
        if (!s.firstUse || v.firstAt < s.firstUse) s.firstUse = v.firstAt;
        if (!s.lastUse || v.lastAt > s.lastUse) s.lastUse = v.lastAt;
      }
    }
  }

  /** A job-level edge written (or stored) from `validFrom`. */
  addEdge(kind: JobEdgeKind, dataset: string, validFrom: string): void {
    const s = this.dataset(kind, dataset);
    if (!s.seenFrom || validFrom < s.seenFrom) s.seenFrom = validFrom;
  }

  /** What the store holds for an edge (read from it, or written by `markStored`). */
  setStored(kind: JobEdgeKind, dataset: string, v: Validity): void {
    this.stored.set(`${kind}\u0000${dataset}`, v);
  }

  /** Fold one event's write: its versions of this job and its edges to and from the job. */
  observe(batch: { nodes: readonly NodeInput[]; edges: readonly EdgeInput[] }, at: string): void {
    for (const n of batch.nodes) {
      if (n.kind === 'JobVersion' && n.props?.jobId === this.jobId) {
        this.addVersion(n.id, n.at ?? at, n.at ?? at, ids(n.props.inputs), ids(n.props.outputs));
      }
    }
    for (const e of batch.edges) {
      if (e.kind === 'INPUT_TO' && e.to === this.jobId) this.addEdge('INPUT_TO', e.from, e.validFrom ?? at);
      if (e.kind === 'OUTPUT' && e.from === this.jobId) this.addEdge('OUTPUT', e.to, e.validFrom ?? at);
    }
  }

  /** Fold what the store holds: the job's version nodes and its job-level edges (ended ones included). */
  load(versions: readonly GraphNode[], edges: readonly GraphEdge[]): void {
    for (const v of versions) if (v.kind === 'JobVersion') this.addVersion(v.id, v.createdAt, v.updatedAt, ids(v.props.inputs), ids(v.props.outputs));
    for (const e of edges) {
      if (e.kind !== 'INPUT_TO' && e.kind !== 'OUTPUT') continue;
      const dataset = e.kind === 'INPUT_TO' ? e.from : e.to;
      this.addEdge(e.kind, dataset, e.validFrom);
      this.setStored(e.kind, dataset, { validFrom: e.validFrom, validTo: e.validTo });
    }
  }

  /** Every job-level edge with the validity the history gives it (sorted by kind, then dataset). */
  edges(): EdgeInput[] {
    const latest = this.latest ? this.versions.get(this.latest.id)! : null;
    const out: EdgeInput[] = [];
    for (const [k, s] of [...this.datasets].sort(([a], [b]) => (a < b ? -1 : 1))) {
      const [kind, dataset] = k.split('\u0000') as [JobEdgeKind, string];
      const validFrom = [s.seenFrom, s.firstUse].filter((x): x is string => !!x).sort()[0];
      const lastUse = s.lastUse ?? validFrom;
      const current = !latest || (kind === 'INPUT_TO' ? latest.inputs : latest.outputs).includes(dataset);
      const validTo = current ? null : this.firstTimeAfter(lastUse);
      const [from, to] = kind === 'INPUT_TO' ? [dataset, this.jobId] : [this.jobId, dataset];
      out.push({ kind, from, to, validFrom, validTo });
    }
    return out;
  }

  /** The edges whose validity differs from what the store holds. */
  changedEdges(): EdgeInput[] {
    return this.edges().filter((e) => {
      const s = this.stored.get(`${e.kind}\u0000${e.kind === 'INPUT_TO' ? e.from : e.to}`);
      return !s || s.validFrom !== e.validFrom || s.validTo !== e.validTo;
    });
  }

  /** After `changedEdges()` were committed. */
  markStored(edges: readonly EdgeInput[]): void {
    for (const e of edges) this.setStored(e.kind as JobEdgeKind, e.kind === 'INPUT_TO' ? e.from : e.to, { validFrom: e.validFrom!, validTo: e.validTo ?? null });
  }

  private dataset(kind: JobEdgeKind, dataset: string) {
    const k = `${kind}\u0000${dataset}`;
    let s = this.datasets.get(k);
    if (!s) this.datasets.set(k, (s = {}));
    return s;
  }

  private addTime(t: string): void {
    const i = lowerBound(this.times, t);
    if (this.times[i] !== t) this.times.splice(i, 0, t);
  }

  private firstTimeAfter(t: string): string | null {
    const i = lowerBound(this.times, t);
    const j = this.times[i] === t ? i + 1 : i;
    return this.times[j] ?? null;
  }
}

function lowerBound(xs: readonly string[], t: string): number {
  let lo = 0;
  let hi = xs.length;
  while (lo < hi) {
    const mid = (lo + hi) >>> 1;
    if (xs[mid] < t) lo = mid + 1;
    else hi = mid;
  }
  return lo;
}

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);
