/**
 * A registered model or prompt read in one go: its node, its versions (HAS_VERSION) and its history
 * (RECORDED), with two PK-anchored neighbour queries per page whatever the size of the store.
 */
import type { GraphStore } from '../ports/GraphStore.js';
import type { GraphNode, NodeInput, EdgeInput } from '../model.js';
import { REGISTRY_NAMESPACE } from '../ids.js';
import { allNeighbours } from '../all-neighbours.js';
import { eventNode, toEvent, type EventDraft, type RegistryEvent, type Subject } from './history.js';

export interface SubjectState {
  node: GraphNode;
  /** Registered versions by number (placeholders that other writers created without registering are left out). */
  versions: Map<number, GraphNode>;
  /** History, oldest first. */
  events: RegistryEvent[];
}

export async function loadSubject(graph: GraphStore, tenant: string, id: string): Promise<SubjectState | null> {
  const [node] = await graph.getNodes(tenant, [id]);
  if (!node || typeof node.props.registeredAt !== 'string') return null;
  const versions = new Map<number, GraphNode>();
  const events: RegistryEvent[] = [];
  for (const { edge, node: n } of await allNeighbours(graph, tenant, id, { direction: 'DOWNSTREAM', edgeKinds: ['HAS_VERSION', 'RECORDED'] })) {
    if (edge.kind === 'RECORDED') events.push(toEvent(n));
    else if (typeof n.props.registeredAt === 'string' && Number.isInteger(n.props.version)) versions.set(n.props.version as number, n);
  }
  events.sort((a, b) => a.seq - b.seq);
  return { node, versions, events };
}

/** Versions registered by `asOf` (all when undefined), highest first. */
export function versionsAt(state: SubjectState, asOf?: string): GraphNode[] {
  return [...state.versions.values()]
    .filter((v) => asOf === undefined || String(v.props.registeredAt) <= asOf)
    .sort((a, b) => (b.props.version as number) - (a.props.version as number));
}

export const existedAt = (state: SubjectState, asOf?: string) => asOf === undefined || String(state.node.props.registeredAt) <= asOf;

/**
 * One change to a subject (model or prompt): history events numbered after the last one, stamped
 * with a time strictly after the subject's previous change (so a later change always wins the
 * per-key merge of the subject's props, even within one millisecond), and the subject's counters,
 * all written in one batch. Build it inside the subject's lock.
 */
export class SubjectChange {
  readonly nodes: NodeInput[] = [];
  readonly edges: EdgeInput[] = [];
  readonly at: string;
  private seq: number;

  constructor(private readonly subject: Subject, private readonly node: GraphNode, now = Date.now()) {
    this.seq = Number(node.props.eventSeq ?? 0);
    const last = typeof node.props.lastChangeAt === 'string' ? Date.parse(node.props.lastChangeAt) : 0;
    this.at = new Date(Math.max(now, last + 1)).toISOString();
  }

  /** Adds one history event; returns its sequence number. */
  record(draft: EventDraft): number {
    this.seq++;
    const n = eventNode(this.subject, this.node.name, this.seq, this.at, draft);
    this.nodes.push(n);
    this.edges.push({ kind: 'RECORDED', from: this.node.id, to: n.id, validFrom: this.at });
    return this.seq;
  }

  /** The whole write: the subject's counters (and `props`), the events, and `extra` nodes/edges. */
  batch(props: Record<string, unknown> = {}, extra: { nodes?: NodeInput[]; edges?: EdgeInput[] } = {}): { nodes: NodeInput[]; edges: EdgeInput[] } {
    const n = this.node;
    const subjectNode: NodeInput = { id: n.id, kind: n.kind, namespace: REGISTRY_NAMESPACE, name: n.name, props: { ...props, eventSeq: this.seq, lastChangeAt: this.at }, at: this.at };
    return { nodes: [subjectNode, ...(extra.nodes ?? []), ...this.nodes], edges: [...(extra.edges ?? []), ...this.edges] };
  }

  /** The events recorded so far, as they will be stored. */
  recorded(): RegistryEvent[] {
    return this.nodes.map((n) => ({ id: n.id, ...(n.props as Omit<RegistryEvent, 'id'>) }));
  }
}

/** Record one applied history event on a subject (inside its lock). */
export async function recordOne(graph: GraphStore, tenant: string, subject: Subject, node: GraphNode, draft: EventDraft): Promise<void> {
  const change = new SubjectChange(subject, node);
  change.record(draft);
  await graph.write(tenant, change.batch());
}
