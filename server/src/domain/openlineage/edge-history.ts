/**
 * Edges with an end of validity derived from their owner's version history:
 * - a job's job-level lineage edges (dataset -INPUT_TO-> job, job -OUTPUT-> dataset) end when the job
 *   stops reading or writing a dataset (`jobHistory`);
 * - a dataset's schema fields (dataset -HAS_FIELD-> field) end when its writers' schema no longer has
 *   the column (`fieldHistory`).
 *
 * A single validity interval per edge cannot be closed "at the first event without the member" and
 * stay order-independent (a late, older event would re-open or close it differently). So each edge's
 * interval is derived from the owner's whole history, and the history itself is order-independent:
 * - every version of the owner (a job version: what a terminal run event or a JobEvent declared, its
 *   inputs and outputs; a dataset version with a schema that a writer gave: its fields) with the first
 *   and last event time it was seen (kept as min/max by the store whatever the arrival order);
 * - every edge of the owner ever written with its start (kept as the minimum by the store), which covers
 *   members no version names (datasets only START/RUNNING events named; columns only a reader's view or
 *   column lineage named).
 * The rule: the versions' first and last times, in order, cut time into spans, each held by the version
 * seen at its start (at one time, the greatest version id). A member holds in the spans of versions that
 * have it: the edge is valid from the first such span, current if the last span's version has it (else
 * it ends where the last of them ends), and the spans between when it did not hold are the edge's gaps
 * (a job read a dataset, stopped, read it again: `asOf` inside the gap leaves it out). An edge written
 * before any version had its member (a START event's inputs) holds from then until the next version
 * time; a member no version ever had holds until the first version time after it, or (fields) stays
 * current. A version is known by its first and last sighting only, so a version seen again inside
 * another's span, between its own first and last, does not cut that span.
 */
import type { Gap, EdgeInput, EdgeKind, GraphEdge, GraphNode, NodeInput } from '../model.js';
import type { DatasetRef } from './event.schema.js';
import { nodeId, versionId } from '../ids.js';
import { schemaFields } from './fields.js';

export type JobEdgeKind = Extract<EdgeKind, 'INPUT_TO' | 'OUTPUT'>;
export const JOB_EDGE_KINDS: readonly JobEdgeKind[] = ['INPUT_TO', 'OUTPUT'];

/**
 * A dataset version's prop naming the newest time a writer (a run's output, a DatasetEvent) gave it,
 * newest-wins in the store like every prop: versions only readers reported (their view of an input,
 * which may be stale or partial) do not end a column.
 */
export const WRITTEN_AT_PROP = 'writtenAt';

/** A version as the history needs it: when it was seen, and its members per edge kind. */
export interface VersionSeen { id: string; firstAt: string; lastAt: string; members: Partial<Record<EdgeKind, readonly string[]>> }

/** What makes one owner's history: its edge kinds, which end is the owner, and what its versions are. */
export interface HistorySpec {
  /** Per edge kind, whether the owner is the edge's `from` (job -OUTPUT->, dataset -HAS_FIELD->) or its `to` (-INPUT_TO-> job). */
  readonly kinds: ReadonlyArray<{ kind: EdgeKind; owner: 'from' | 'to' }>;
  /** One of the owner's version nodes (in a batch being written, or stored), as a version; null: not one that counts. */
  version(ownerId: string, node: Pick<GraphNode, 'id' | 'kind' | 'namespace' | 'name' | 'props' | 'createdAt' | 'updatedAt'>, owner?: GraphNode): VersionSeen | null;
  /** Which neighbours are members (a dataset's fields, not a feature group's features); all by default. */
  member?(id: string): boolean;
  /** A member no version ever had stays current (a column only a reader or column lineage named). */
  readonly unversionedStayCurrent: boolean;
}

interface Validity { validFrom: string; validTo: string | null; gaps: string }

/** A span of time held by one version: from `at` until the next span's start. */
interface Span { at: string; version: VersionSeen }

/** Gaps compared as one string (in order, as the stores keep them). */
const gapsKey = (gaps: readonly Gap[] | undefined) => (gaps ?? []).map((g) => `${g.from},${g.to}`).join(',');

/** One owner's history, folded from observations in any order; answers the edges it implies. */
export class EdgeHistory {
  private readonly versions = new Map<string, VersionSeen>();
  /** per `kind\0member`: earliest start of any edge written, first and last use by a version */
  private readonly members = new Map<string, { seenFrom?: string; firstUse?: string; lastUse?: string }>();
  /** every version's first and last time (one point when they are equal), kept ordered by time, then version id */
  private readonly points: { at: string; id: string }[] = [];
  /** the versions' spans in time order, built from the points when asked after one changed */
  private spans: Span[] | null = null;
  /** per edge kind, the spans where its members change (consecutive versions with the same members are one span) */
  private readonly kindSpans = new Map<EdgeKind, Span[]>();
  /** per version and edge kind, its members as a set and as one sorted string */
  private readonly memberSets = new Map<string, Map<EdgeKind, { set: ReadonlySet<string>; signature: string }>>();
  /** what the store holds, as far as this history knows */
  private readonly stored = new Map<string, Validity>();
  private readonly ownerIs: ReadonlyMap<EdgeKind, 'from' | 'to'>;

  constructor(readonly ownerId: string, private readonly spec: HistorySpec) {
    this.ownerIs = new Map(spec.kinds.map((k) => [k.kind, k.owner]));
  }

  /** A version seen from `firstAt` to `lastAt` (a version node, or one event naming it: firstAt = lastAt). */
  addVersion(seen: VersionSeen): void {
    const prev = this.versions.get(seen.id);
    const v: VersionSeen = {
      id: seen.id,
      firstAt: prev && prev.firstAt < seen.firstAt ? prev.firstAt : seen.firstAt,
      lastAt: prev && prev.lastAt > seen.lastAt ? prev.lastAt : seen.lastAt,
      members: prev?.members ?? seen.members,
    };
    this.versions.set(v.id, v);
    if (!prev || prev.firstAt !== v.firstAt || prev.lastAt !== v.lastAt) {
      const extendsLast = this.extendsLast(prev, v);
      if (prev) for (const at of new Set([prev.firstAt, prev.lastAt])) this.points.splice(this.pointIndex(at, prev.id), 1);
      for (const at of new Set([v.firstAt, v.lastAt])) this.points.splice(this.pointIndex(at, v.id), 0, { at, id: v.id });
      this.spans = null;
      if (!extendsLast) this.kindSpans.clear();
    }
    for (const { kind } of this.spec.kinds) {
      for (const m of v.members[kind] ?? []) {
        const s = this.member(kind, m);
        if (!s.firstUse || v.firstAt < s.firstUse) s.firstUse = v.firstAt;
        if (!s.lastUse || v.lastAt > s.lastUse) s.lastUse = v.lastAt;
      }
    }
  }

  /** An edge of the owner written (or stored) from `validFrom`. */
  addEdge(kind: EdgeKind, member: string, validFrom: string): void {
    const s = this.member(kind, member);
    if (!s.seenFrom || validFrom < s.seenFrom) s.seenFrom = validFrom;
  }

  /** Fold one event's write: its versions of the owner and its edges to and from the owner. */
  observe(batch: { nodes: readonly NodeInput[]; edges: readonly EdgeInput[] }, at: string): void {
    for (const n of batch.nodes) {
      const t = n.at ?? at;
      const v = this.spec.version(this.ownerId, { id: n.id, kind: n.kind, namespace: n.namespace, name: n.name, props: n.props ?? {}, createdAt: t, updatedAt: t });
      if (v) this.addVersion(v);
    }
    for (const e of batch.edges) {
      const m = this.memberOf(e);
      if (m !== null) this.addEdge(e.kind, m, e.validFrom ?? at);
    }
  }

  /** Fold what the store holds: the owner's version nodes and its edges (ended ones included); `owner`: its node. */
  load(versions: readonly GraphNode[], edges: readonly GraphEdge[], owner?: GraphNode): void {
    for (const n of versions) {
      const v = this.spec.version(this.ownerId, n, owner);
      if (v) this.addVersion(v);
    }
    for (const e of edges) {
      const m = this.memberOf(e);
      if (m === null) continue;
      this.addEdge(e.kind, m, e.validFrom);
      this.stored.set(`${e.kind}\u0000${m}`, { validFrom: e.validFrom, validTo: e.validTo, gaps: gapsKey(e.gaps) });
    }
  }

  /** Every edge of the owner with the validity the history gives it (sorted by kind, then member). */
  edges(): EdgeInput[] {
    return [...this.derived()].sort((a, b) => a.key < b.key ? -1 : 1).map((d) => d.edge);
  }

  /** The edges whose validity differs from what the store holds. */
  changedEdges(): EdgeInput[] {
    const out: EdgeInput[] = [];
    for (const { key, edge } of this.derived()) {
      const s = this.stored.get(key);
      if (!s || s.validFrom !== edge.validFrom || s.validTo !== edge.validTo || s.gaps !== gapsKey(edge.gaps)) out.push(edge);
    }
    return out;
  }

  /** Each member's edge as the history gives it, with its `kind\0member` key. */
  private *derived(): Generator<{ key: string; edge: EdgeInput }> {
    for (const [key, s] of this.members) {
      const [kind, member] = key.split('\u0000') as [EdgeKind, string];
      const held = this.heldSpans(this.spansOf(kind), kind, member);
      if (s.seenFrom && (!held.length || s.seenFrom < held[0].from)) {
        // written before any version had it: held from then until the next version time
        const until = this.spec.unversionedStayCurrent && !s.firstUse ? null : this.firstTimeAfter(s.seenFrom);
        if (held.length && (until === null || until >= held[0].from)) held[0].from = s.seenFrom;
        else held.unshift({ from: s.seenFrom, to: until });
      }
      // its versions' every sighting shared a time with a greater version id: from its first use to the next time after its last
      if (!held.length) held.push({ from: s.firstUse!, to: this.firstTimeAfter(s.lastUse!) });
      const gaps: Gap[] = [];
      for (let i = 1; i < held.length; i++) gaps.push({ from: held[i - 1].to!, to: held[i].from });
      const [from, to] = this.ownerIs.get(kind) === 'from' ? [this.ownerId, member] : [member, this.ownerId];
      yield { key, edge: { kind, from, to, validFrom: held[0].from, validTo: held[held.length - 1].to, gaps } };
    }
  }

  /** The spans of time (to null: still) when `member` held: the versions' spans that have it, joined. */
  private heldSpans(spans: readonly Span[], kind: EdgeKind, member: string): { from: string; to: string | null }[] {
    const held: { from: string; to: string | null }[] = [];
    let open = false;
    for (const span of spans) {
      const has = this.membersOf(span.version, kind).set.has(member);
      if (has && !open) held.push({ from: span.at, to: null });
      else if (!has && open) held[held.length - 1].to = span.at;
      open = has;
    }
    return held;
  }

  /** The versions' first and last times in order, each span held by the version seen at its start (at one time, the greatest id). */
  private timeline(): Span[] {
    if (this.spans) return this.spans;
    const spans: Span[] = [];
    for (const { at, id } of this.points) {
      const p = { at, version: this.versions.get(id)! };
      const last = spans[spans.length - 1];
      if (last && last.at === at) spans[spans.length - 1] = p;
      else if (!last || last.version !== p.version) spans.push(p);
    }
    return (this.spans = spans);
  }

  /**
   * Whether `v` (`prev`: as it was) only extends the last span of each kind, so the spans need no rebuild
   * (events mostly come in time order: a job whose every run makes a version reads the same datasets):
   * a new version seen after every other with the members of the version seen last, or the version seen
   * last seen again later, its last sighting not starting a span of any kind.
   */
  private extendsLast(prev: VersionSeen | undefined, v: VersionSeen): boolean {
    const n = this.points.length;
    const last = this.points[n - 1];
    if (!last) return false;
    const same = (a: string, b: string) => this.spec.kinds.every(({ kind }) => this.membersOf(this.versions.get(a)!, kind).signature === this.membersOf(this.versions.get(b)!, kind).signature);
    if (!prev) return (last.at < v.firstAt || (last.at === v.firstAt && last.id < v.id)) && same(v.id, last.id);
    if (prev.id !== last.id || prev.lastAt !== last.at || prev.firstAt !== v.firstAt || prev.firstAt === prev.lastAt) return false;
    const before = this.points[n - 2];
    return !!before && before.at < last.at && (before.id === prev.id || same(before.id, prev.id));
  }

  /** Where the point (at, id) is, or goes, in `points`. */
  private pointIndex(at: string, id: string): number {
    let lo = 0;
    let hi = this.points.length;
    while (lo < hi) {
      const mid = (lo + hi) >>> 1;
      const p = this.points[mid];
      if (p.at < at || (p.at === at && p.id < id)) lo = mid + 1;
      else hi = mid;
    }
    return lo;
  }

  /**
   * The timeline's spans where the members of `kind` change: a job whose every run makes a new version
   * (a facet that changes each run) but reads and writes the same datasets has one span, not one per run.
   */
  private spansOf(kind: EdgeKind): Span[] {
    let spans = this.kindSpans.get(kind);
    if (spans) return spans;
    spans = [];
    let previous: string | null = null;
    for (const span of this.timeline()) {
      const { signature } = this.membersOf(span.version, kind);
      if (signature !== previous) spans.push(span);
      previous = signature;
    }
    this.kindSpans.set(kind, spans);
    return spans;
  }

  private membersOf(v: VersionSeen, kind: EdgeKind): { set: ReadonlySet<string>; signature: string } {
    let byKind = this.memberSets.get(v.id);
    if (!byKind) this.memberSets.set(v.id, (byKind = new Map()));
    let members = byKind.get(kind);
    if (!members) {
      const list = [...new Set(v.members[kind] ?? [])].sort();
      byKind.set(kind, (members = { set: new Set(list), signature: list.join('\u0000') }));
    }
    return members;
  }

  /** After `changedEdges()` were committed. */
  markStored(edges: readonly EdgeInput[]): void {
    for (const e of edges) this.stored.set(`${e.kind}\u0000${this.memberOf(e)}`, { validFrom: e.validFrom!, validTo: e.validTo ?? null, gaps: gapsKey(e.gaps) });
  }

  /** The member an edge of the owner names; null for any other edge. */
  private memberOf(e: { kind: EdgeKind; from: string; to: string }): string | null {
    const side = this.ownerIs.get(e.kind);
    if (!side) return null;
    const [owner, member] = side === 'from' ? [e.from, e.to] : [e.to, e.from];
    if (owner !== this.ownerId) return null;
    return !this.spec.member || this.spec.member(member) ? member : null;
  }

  private member(kind: EdgeKind, member: string) {
    const k = `${kind}\u0000${member}`;
    let s = this.members.get(k);
    if (!s) this.members.set(k, (s = {}));
    return s;
  }

  /**
   * The first of the versions' first and last times after `t` (not their sightings in between: those are
   * not kept, and counting the ones seen would make the answer depend on the order events came in).
   */
  private firstTimeAfter(t: string): string | null {
    let i = this.pointIndex(t, '\uffff');
    while (i < this.points.length && this.points[i].at <= t) i++;
    return this.points[i]?.at ?? null;
  }
}

const ids = (v: unknown): string[] => (Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : []);

/** A job's versions: every JobVersion of it, with the datasets it read and wrote. */
const JOB_HISTORY: HistorySpec = {
  kinds: [{ kind: 'INPUT_TO', owner: 'to' }, { kind: 'OUTPUT', owner: 'from' }],
  version: (jobId, n) => (n.kind === 'JobVersion' && n.props.jobId === jobId
    ? { id: n.id, firstAt: n.createdAt, lastAt: n.updatedAt, members: { INPUT_TO: ids(n.props.inputs), OUTPUT: ids(n.props.outputs) } }
    : null),
  unversionedStayCurrent: false,
};

export const jobHistory = (jobId: string) => new EdgeHistory(jobId, JOB_HISTORY);

const FIELD_PREFIX = 'field:';

/**
 * A dataset's versions that a writer gave with a schema of at least one column: each with its
 * columns, seen from its first sighting to the newest time a writer gave it (`writtenAt`). A version
 * stored before `writtenAt` existed counts when it is the dataset's `writtenVersion` (the newest
 * writer's). A schema of no columns says nothing (some emitters send one when they do not know).
 */
const FIELD_HISTORY: HistorySpec = {
  kinds: [{ kind: 'HAS_FIELD', owner: 'from' }],
  version(datasetId, n, owner) {
    if (n.kind !== 'DatasetVersion' || n.props.datasetId !== datasetId) return null;
    const writtenAt = n.props[WRITTEN_AT_PROP];
    const latestWritten = typeof owner?.props.writtenVersion === 'string' && n.id === versionId(datasetId, owner.props.writtenVersion);
    if (typeof writtenAt !== 'string' && !latestWritten) return null;
    const columns = schemaFields({ namespace: n.namespace, name: n.name, facets: { schema: n.props['facets.schema'] } } as DatasetRef);
    if (!columns.length) return null;
    return {
      id: n.id, firstAt: n.createdAt, lastAt: typeof writtenAt === 'string' ? writtenAt : n.updatedAt,
      members: { HAS_FIELD: columns.map((c) => nodeId('Field', n.namespace, `${n.name}#${c.name}`)) },
    };
  },
  member: (id) => id.startsWith(FIELD_PREFIX),
  unversionedStayCurrent: true,
};

export const fieldHistory = (datasetId: string) => new EdgeHistory(datasetId, FIELD_HISTORY);
