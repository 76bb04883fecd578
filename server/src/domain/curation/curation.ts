/**
 * What people say about a node, beside what its emitters report: a description and owners. An emitter's
 * `documentation` and `ownership` facets describe a dataset or job as the pipeline sees it; a person may
 * write a better description or name the team that answers for it. What a person set wins, and clearing
 * it (null, no owners) shows the emitter's again. Kept as timed props of the node (`user.*`), so the
 * store's merge by time keeps the newest of each, and an emitter's later events never overwrite them.
 */
import type { GraphNode, NodeInput, Props } from '../model.js';
import { badInput, notFound } from '../errors.js';
import { nodeId } from '../ids.js';
import type { GraphStore } from '../ports/GraphStore.js';
import { requireWrite, type Actor } from '../registry/actor.js';
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

/** Descriptions and owners set by people (editors, admins) on what can carry tags. */
export class CurationService {
  constructor(private readonly graph: GraphStore) {}

  /** Set a node's description; null or blank clears it (the emitter's shows again). */
  async describe(actor: Actor, id: string, description: string | null | undefined): Promise<GraphNode> {
    requireWrite(actor, 'describe nodes');
    const text = description?.trim() ? description.trim() : null;
    if (text !== null && text.length > MAX_DESCRIPTION) throw badInput('description', `must be at most ${MAX_DESCRIPTION} characters`);
    return this.set(actor, id, (by) => ({ [CURATED_PROPS.description]: text, [CURATED_PROPS.describedBy]: text === null ? null : by }));
  }

  /** Name a node's owners; an empty list clears them (the emitter's show again). */
  async setOwners(actor: Actor, id: string, owners: readonly { name: string; type?: string | null }[]): Promise<GraphNode> {
    requireWrite(actor, 'set owners');
    const list = checkOwners(owners);
    return this.set(actor, id, (by) => ({ [CURATED_PROPS.owners]: list.length ? list : null, [CURATED_PROPS.ownersBy]: list.length ? by : null }));
  }

  /**
   * Create a namespace (Marquez's PUT /namespaces/{ns}) or change its owner and description: what
   * Marquez clients do before writing into one. The owner is the namespace's only owner.
   */
  async putNamespace(actor: Actor, name: string, ownerName: string, description: string | null | undefined): Promise<GraphNode> {
    requireWrite(actor, 'create namespaces');
    if (!NAMESPACE.test(name)) throw badInput('namespace', 'must be 1-1024 characters of letters, digits, "_", "-", ":", "/", "." (Marquez\'s rule)');
    const owners = checkOwners([{ name: ownerName }]);
    const text = description?.trim() ? description.trim() : null;
    if (text !== null && text.length > MAX_DESCRIPTION) throw badInput('description', `must be at most ${MAX_DESCRIPTION} characters`);
    const id = nodeId('Namespace', name, name);
    const [existing] = await this.graph.getNodes(actor.tenant, [id]);
    if (!existing) await this.graph.write(actor.tenant, { nodes: [{ id, kind: 'Namespace', namespace: name, name, props: {} }], edges: [] });
    return this.set(actor, id, (by) => ({
      [CURATED_PROPS.owners]: owners, [CURATED_PROPS.ownersBy]: by,
      [CURATED_PROPS.description]: text, [CURATED_PROPS.describedBy]: text === null ? null : by,
    }));
  }

  private async set(actor: Actor, id: string, props: (by: Attribution) => Props): Promise<GraphNode> {
    const [node] = await this.graph.getNodes(actor.tenant, [id]);
    if (!node) throw notFound(`node ${id}`);
    if (!TAGGABLE_KINDS.includes(node.kind)) throw badInput('nodeId', `a ${node.kind} has no description or owners (${TAGGABLE_KINDS.join(', ')} do)`);
    // Never before the node's newest event: the store keeps a prop's newest value by time, and a clock a
    // little behind an emitter's must not lose a person's change.
    const at = new Date(Math.max(Date.now(), Date.parse(node.updatedAt) + 1 || 0)).toISOString();
    const write: NodeInput = { id, kind: node.kind, namespace: node.namespace, name: node.name, props: props({ actor: actor.name, role: actor.role, at }), at, kindIsDefault: true };
    await this.graph.write(actor.tenant, { nodes: [write], edges: [] });
    return (await this.graph.getNodes(actor.tenant, [id]))[0]!;
  }
}
