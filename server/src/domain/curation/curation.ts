/**
 * What people say about a node, beside what its emitters report: a description and owners. An emitter's
 * `documentation` and `ownership` facets describe a dataset or job as the pipeline sees it; a person may
 * write a better description or name the team that answers for it. What a person set wins, and clearing
 * it (null, no owners) shows the emitter's again. Kept as timed props of the node (`user.*`), so the
 * store's merge by time keeps the newest of each, and an emitter's later events never overwrite them.
 */
import { HIDDEN_AT, type GraphNode, type NodeInput, type NodeKind, type Props } from '../model.js';
import { badInput, LoomError, notFound } from '../errors.js';
import { allNeighbours } from '../all-neighbours.js';
import { nodeId } from '../ids.js';
import type { GraphStore } from '../ports/GraphStore.js';
import { requireWriteIn, requireWriterRole, type Actor } from '../registry/actor.js';
import { TAGGABLE_KINDS } from '../tags/tags.js';

export interface Owner { name: string; type: string | null }
export interface Attribution { actor: string | null; role: string; at: string }
export interface Curated<T> { value: T; source: 'USER' | 'EMITTER'; by: Attribution | null }

export const CURATED_PROPS = {
  description: 'user.description', describedBy: 'user.describedBy',
  owners: 'user.owners', ownersBy: 'user.ownersBy',
} as const;

export const MAX_DESCRIPTION = 10_000;
export const MAX_OWNERS = 50;
const NAMESPACE = /^[A-Za-z0-9_\-:/.]{1,1024}$/;

const obj = (v: unknown): Record<string, unknown> => (v && typeof v === 'object' && !Array.isArray(v) ? (v as Record<string, unknown>) : {});
const str = (v: unknown): string | null => (typeof v === 'string' && v !== '' ? v : null);

function attribution(v: unknown): Attribution | null {
  const a = obj(v);
  return typeof a.role === 'string' && typeof a.at === 'string' ? { actor: str(a.actor), role: a.role, at: a.at } : null;
}

function ownerList(v: unknown): Owner[] | null {
  if (!Array.isArray(v)) return null;
  return v.flatMap((o) => { const name = str(obj(o).name); return name ? [{ name, type: str(obj(o).type) }] : []; });
}

/** The description a person set on a node; null when none. */
export const userDescription = (props: Props): string | null => str(props[CURATED_PROPS.description]);

/** The description a person set, else the emitter's documentation facet's; null when neither says anything. */
export function descriptionOf(props: Props): Curated<string> | null {
  const mine = userDescription(props);
  if (mine !== null) return { value: mine, source: 'USER', by: attribution(props[CURATED_PROPS.describedBy]) };
  const facet = str(obj(props['facets.documentation']).description);
  return facet === null ? null : { value: facet, source: 'EMITTER', by: null };
}

/** The owners a person named, else the emitter's ownership facet's (empty when neither names any). */
export function ownersOf(props: Props): Curated<Owner[]> {
  const mine = ownerList(props[CURATED_PROPS.owners]);
  if (mine && mine.length) return { value: mine, source: 'USER', by: attribution(props[CURATED_PROPS.ownersBy]) };
  return { value: ownerList(obj(props['facets.ownership']).owners) ?? [], source: 'EMITTER', by: null };
}

function checkOwners(owners: readonly { name: string; type?: string | null }[]): Owner[] {
  if (owners.length > MAX_OWNERS) throw badInput('owners', `at most ${MAX_OWNERS}`);
  const seen = new Set<string>();
  return owners.flatMap((o, i) => {
    const name = typeof o.name === 'string' ? o.name.trim() : '';
    if (!name || name.length > 200) throw badInput(`owners[${i}].name`, 'must be 1-200 characters (a person, a team or a URN such as team:data)');
    const type = o.type === undefined || o.type === null || o.type.trim() === '' ? null : o.type.trim();
    if (type !== null && type.length > 50) throw badInput(`owners[${i}].type`, 'must be at most 50 characters');
    if (seen.has(name)) return [];
    seen.add(name);
    return [{ name, type }];
  });
}

/**
 * A time for a person's change of a node: now, and never before the node's newest event, since the store
 * keeps a prop's newest value by time and a clock a little behind an emitter's must not lose the change.
 */
const after = (node: GraphNode) => new Date(Math.max(Date.now(), Date.parse(node.updatedAt) + 1 || 0)).toISOString();

/** What Marquez deletes (softly). */
export const DELETABLE: readonly NodeKind[] = ['Dataset', 'Job', 'Namespace'];
const DELETE_BATCH = 500;

/** The write that soft-deletes a node (`hiddenAt` at its own time, so that its updatedAt is not past it), or restores it. */
function hide(node: GraphNode, on: boolean): NodeInput {
  const at = after(node);
  return { id: node.id, kind: node.kind, namespace: node.namespace, name: node.name, props: { [HIDDEN_AT]: on ? at : null }, at, kindIsDefault: true };
}

/** Descriptions and owners set by people (editors, admins) on what can carry tags; soft deletes. */
export class CurationService {
  constructor(private readonly graph: GraphStore) {}

  /** Set a node's description; null or blank clears it (the emitter's shows again). */
  async describe(actor: Actor, id: string, description: string | null | undefined): Promise<GraphNode> {
    const text = description?.trim() ? description.trim() : null;
    if (text !== null && text.length > MAX_DESCRIPTION) throw badInput('description', `must be at most ${MAX_DESCRIPTION} characters`);
    return this.set(actor, id, 'describe nodes', (by) => ({ [CURATED_PROPS.description]: text, [CURATED_PROPS.describedBy]: text === null ? null : by }));
  }

  /** Name a node's owners; an empty list clears them (the emitter's show again). */
  async setOwners(actor: Actor, id: string, owners: readonly { name: string; type?: string | null }[]): Promise<GraphNode> {
    const list = checkOwners(owners);
    return this.set(actor, id, 'set owners', (by) => ({ [CURATED_PROPS.owners]: list.length ? list : null, [CURATED_PROPS.ownersBy]: list.length ? by : null }));
  }

  /**
   * Create a namespace (Marquez's PUT /namespaces/{ns}) or change its owner and description: what
   * Marquez clients do before writing into one. The owner is the namespace's only owner.
   */
  async putNamespace(actor: Actor, name: string, ownerName: string, description: string | null | undefined): Promise<GraphNode> {
    requireWriteIn(actor, name, 'create or change a namespace', 'namespace');
    if (!NAMESPACE.test(name)) throw badInput('namespace', 'must be 1-1024 characters of letters, digits, "_", "-", ":", "/", "." (Marquez\'s rule)');
    const owners = checkOwners([{ name: ownerName }]);
    const text = description?.trim() ? description.trim() : null;
    if (text !== null && text.length > MAX_DESCRIPTION) throw badInput('description', `must be at most ${MAX_DESCRIPTION} characters`);
    const id = nodeId('Namespace', name, name);
    const [existing] = await this.graph.getNodes(actor.tenant, [id]);
    if (!existing) await this.graph.write(actor.tenant, { nodes: [{ id, kind: 'Namespace', namespace: name, name, props: {} }], edges: [] });
    // Creating a deleted namespace again brings it back, as in Marquez.
    else if (typeof existing.props[HIDDEN_AT] === 'string') await this.graph.write(actor.tenant, { nodes: [hide(existing, false)], edges: [] });
    return this.set(actor, id, 'create or change a namespace', (by) => ({
      [CURATED_PROPS.owners]: owners, [CURATED_PROPS.ownersBy]: by,
      [CURATED_PROPS.description]: text, [CURATED_PROPS.describedBy]: text === null ? null : by,
    }));
  }

  /**
   * Delete a dataset, job or namespace as Marquez does (soft): the node ends now (the current view, lists
   * and lineage leave it out; `asOf` before now still shows it) until an event newer than the deletion
   * names it again, or `restore`. A namespace takes every dataset and job in it along; a later event
   * brings back the namespace and what it names, not the rest.
   */
  async softDelete(actor: Actor, id: string): Promise<GraphNode> {
    requireWriterRole(actor, 'delete nodes');
    const node = await this.node(actor.tenant, id);
    requireWriteIn(actor, node.namespace, 'delete nodes');
    if (!DELETABLE.includes(node.kind)) throw badInput('nodeId', `a ${node.kind} cannot be deleted (${DELETABLE.join(', ')} can)`);
    if (node.kind === 'Namespace') {
      const inside = (await allNeighbours(this.graph, actor.tenant, id, { direction: 'DOWNSTREAM', edgeKinds: ['CONTAINS'] }))
        .map((n) => n.node).filter((n) => (n.kind === 'Dataset' || n.kind === 'Job') && !n.validTo);
      for (let i = 0; i < inside.length; i += DELETE_BATCH) {
        await this.graph.write(actor.tenant, { nodes: inside.slice(i, i + DELETE_BATCH).map((n) => hide(n, true)), edges: [] });
      }
    }
    await this.graph.write(actor.tenant, { nodes: [hide(node, true)], edges: [] });
    return this.node(actor.tenant, id);
  }

  /** Undo a soft delete (a dataset, job or namespace; a namespace's datasets and jobs stay as they are). */
  async restore(actor: Actor, id: string): Promise<GraphNode> {
    requireWriterRole(actor, 'restore nodes');
    const node = await this.node(actor.tenant, id);
    requireWriteIn(actor, node.namespace, 'restore nodes');
    if (typeof node.props[HIDDEN_AT] === 'string') await this.graph.write(actor.tenant, { nodes: [hide(node, false)], edges: [] });
    return this.node(actor.tenant, id);
  }

  private async node(tenant: string, id: string): Promise<GraphNode> {
    const [node] = await this.graph.getNodes(tenant, [id]);
    if (!node) throw notFound(`node ${id}`);
    return node;
  }

  private async set(actor: Actor, id: string, what: string, props: (by: Attribution) => Props): Promise<GraphNode> {
    requireWriterRole(actor, what);
    const node = await this.node(actor.tenant, id);
    requireWriteIn(actor, node.namespace, what);
    if (!TAGGABLE_KINDS.includes(node.kind)) throw badInput('nodeId', `a ${node.kind} has no description or owners (${TAGGABLE_KINDS.join(', ')} do)`);
    // A change would be a newer write, which brings a deleted node back (nodeValidity): restore it first.
    if (node.validTo) throw new LoomError('CONFLICT', `${id} was deleted at ${node.validTo}: restore it first`);
    const at = after(node);
    const write: NodeInput = { id, kind: node.kind, namespace: node.namespace, name: node.name, props: props({ actor: actor.name, role: actor.role, at }), at, kindIsDefault: true };
    await this.graph.write(actor.tenant, { nodes: [write], edges: [] });
    return this.node(actor.tenant, id);
  }
}
