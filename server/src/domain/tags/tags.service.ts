import type { GraphNode, NodeInput, Page } from '../model.js';
import { COLUMN_LINEAGE_EDGE_KINDS, LINEAGE_EDGE_KINDS } from '../model.js';
import type { GraphStore } from '../ports/GraphStore.js';
import { badInput, notFound } from '../errors.js';
import { requireWrite, requireWriteIn, requireWriterRole, type Actor } from '../registry/actor.js';
import { checkText } from '../registry/validate.js';
import { checkTagName, nodeTagOf, TAGGABLE_KINDS, TAGGED_PROP, tagId, tagNode, taggedEdge, type NodeTag } from './tags.js';

/** A tenant has at most this many tags (a vocabulary, not free text per node). */
export const MAX_TAGS = 10_000;
/** Tags shown per node. */
const TAGS_PER_NODE = 200;
/** The tagged nodes a reach starts from, and the nodes it reports. */
const REACH_SOURCES = 200;

export interface TagView { name: string; description: string | null; createdAt: string; updatedAt: string }

export interface TagReach {
  /** Nodes carrying the tag (the walk's starts; up to REACH_SOURCES). */
  tagged: GraphNode[];
  /** Nodes downstream of them that do not carry it, nearest first, each with the nearest tagged node it is reached from. */
  reached: { node: GraphNode; distance: number; from: string }[];
  /** True when a walk was cut (node limit, deadline) or there were more tagged nodes than were walked from. */
  isPartial: boolean;
}

const toView = (n: GraphNode): TagView => ({
  name: n.name, description: typeof n.props.description === 'string' ? n.props.description : null, createdAt: n.createdAt, updatedAt: n.updatedAt,
});

/** Tags on the graph's nodes (tags.ts): defined, put on and taken off by people; listed and followed downstream. */
export class TagService {
  constructor(private readonly graph: GraphStore) {}

  /** Create a tag or change its description (editor, admin). */
  async define(actor: Actor, name: string, description: string | null | undefined): Promise<TagView> {
    requireWrite(actor, 'define tags');
    checkTagName('name', name);
    const text = checkText('description', description, 2000);
    const at = new Date().toISOString();
    if (!(await this.get(actor.tenant, name)) && (await this.count(actor.tenant)) >= MAX_TAGS) throw badInput('name', `a tenant has at most ${MAX_TAGS} tags`);
    await this.graph.write(actor.tenant, { nodes: [tagNode(name, at, text === undefined ? {} : { description: text })], edges: [] });
    return (await this.get(actor.tenant, name))!;
  }

  async get(tenant: string, name: string): Promise<TagView | null> {
    const [n] = await this.graph.getNodes(tenant, [tagId(name)]);
    return n && n.kind === 'Tag' ? toView(n) : null;
  }

  /** The tenant's tags by name. */
  async list(tenant: string, limit: number, offset: number): Promise<Page<TagView>> {
    const all = await this.all(tenant);
    return { items: all.slice(offset, offset + limit).map(toView), total: all.length };
  }

  /** Put a tag on a node (editor, admin); the tag is created when new. Tagging twice changes nothing. */
  async tag(actor: Actor, id: string, name: string): Promise<GraphNode> {
    return this.change(actor, id, name, true);
  }

  /** Take a tag off (editor, admin): its edge ends, so an as-of view before now still shows it. */
  async untag(actor: Actor, id: string, name: string): Promise<GraphNode> {
    return this.change(actor, id, name, false);
  }

  /** The current tags of each node (aligned with `ids`), by name. */
  async tagsOf(tenant: string, ids: readonly string[]): Promise<NodeTag[][]> {
    if (!ids.length) return [];
    const edges = await this.graph.edgesOfMany(tenant, ids, { direction: 'DOWNSTREAM', edgeKinds: ['TAGGED'], limit: TAGS_PER_NODE });
    return edges.map((mine) => mine.map(nodeTagOf).sort((a, b) => (a.name < b.name ? -1 : 1)));
  }

  /** The nodes carrying a tag now, paged (most recently changed first); null when there is no such tag. */
  async tagged(tenant: string, name: string, limit: number, offset: number): Promise<Page<GraphNode> | null> {
    if (!(await this.get(tenant, name))) return null;
    const page = await this.graph.neighbours(tenant, tagId(name), { direction: 'UPSTREAM', edgeKinds: ['TAGGED'], limit, offset, order: 'updatedAt' });
    return { items: page.items.map((i) => i.node), total: page.total };
  }

  /**
   * Where data carrying a tag flows: from each node tagged (a field along column lineage, anything else
   * along lineage), what lies downstream within `depth` hops and does not carry the tag itself, e.g. the
   * columns computed from a `PII` column that nobody marked. Each walk is bounded (`limit` nodes, the
   * store's deadline); the answer says when it is partial.
   */
  async reach(tenant: string, name: string, depth: number, limit: number): Promise<TagReach | null> {
    const page = await this.tagged(tenant, name, REACH_SOURCES, 0);
    if (!page) return null;
    const tagged = page.items.filter((n) => !n.validTo);
    const carrying = new Set(page.items.map((n) => n.id));
    let isPartial = page.total > page.items.length;
    const best = new Map<string, { node: GraphNode; distance: number; from: string }>();
    const walks = await Promise.all(tagged.map((n) => this.graph.lineage(tenant, n.id, {
      direction: 'DOWNSTREAM', depth, limit, edges: false,
      edgeKinds: n.kind === 'Field' || n.kind === 'Feature' ? COLUMN_LINEAGE_EDGE_KINDS : LINEAGE_EDGE_KINDS,
    })));
    walks.forEach((walk, i) => {
      if (!walk) return;
      if (walk.truncated) isPartial = true;
      for (const { node, distance } of walk.nodes) {
        if (carrying.has(node.id) || node.validTo) continue;
        const seen = best.get(node.id);
        if (!seen || distance < seen.distance) best.set(node.id, { node, distance, from: tagged[i].id });
      }
    });
    const reached = [...best.values()].sort((a, b) => a.distance - b.distance || (a.node.id < b.node.id ? -1 : 1));
    if (reached.length > limit) isPartial = true;
    return { tagged, reached: reached.slice(0, limit), isPartial };
  }

  private async change(actor: Actor, id: string, name: string, on: boolean): Promise<GraphNode> {
    requireWriterRole(actor, on ? 'tag nodes' : 'untag nodes');
    checkTagName('tag', name);
    const [node] = await this.graph.getNodes(actor.tenant, [id]);
    if (!node) throw notFound(`node ${id}`);
    requireWriteIn(actor, node.namespace, on ? 'tag nodes' : 'untag nodes');
    if (!TAGGABLE_KINDS.includes(node.kind)) throw badInput('nodeId', `a ${node.kind} cannot carry tags (${TAGGABLE_KINDS.join(', ')} can)`);
    const exists = await this.get(actor.tenant, name);
    // Taking off a tag the node does not carry records nothing.
    if (!on && (!exists || !(await this.tagsOf(actor.tenant, [id]))[0].some((t) => t.name === name))) return node;
    if (!exists && (await this.count(actor.tenant)) >= MAX_TAGS) throw badInput('tag', `a tenant has at most ${MAX_TAGS} tags`);
    const at = new Date().toISOString();
    // Put back on after it was taken off, the edge keeps the time it was off as a gap (the store does, rows.ts reopenedGaps).
    await this.graph.write(actor.tenant, {
      nodes: [...(exists ? [] : [tagNode(name, at)]), ...(on ? await this.markers(actor.tenant, node) : [])],
      edges: [taggedEdge(id, name, at, { source: 'USER', actor: actor.name, role: actor.role }, on)],
    });
    return node;
  }

  /**
   * TAGGED_PROP on the dataset a tag concerns (the node itself, or a field's dataset), at the dataset's own
   * newest time: a marker must not move its updatedAt (which would bring back a soft-deleted dataset).
   */
  private async markers(tenant: string, node: GraphNode): Promise<NodeInput[]> {
    const datasetId = node.kind === 'Field' && typeof node.props.dataset === 'string' ? node.props.dataset : node.id;
    const [dataset] = datasetId === node.id ? [node] : await this.graph.getNodes(tenant, [datasetId]);
    if (!dataset || dataset.props[TAGGED_PROP] === true || (dataset.kind !== 'Dataset' && dataset.kind !== 'Model' && dataset.kind !== 'FeatureGroup')) return [];
    return [{ id: dataset.id, kind: dataset.kind, namespace: dataset.namespace, name: dataset.name, props: { [TAGGED_PROP]: true }, at: dataset.updatedAt, kindIsDefault: true }];
  }

  private async all(tenant: string): Promise<GraphNode[]> {
    const found = await this.graph.search(tenant, { text: '', kinds: ['Tag'], limit: MAX_TAGS });
    return found.filter((n) => n.kind === 'Tag').sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }

  private async count(tenant: string): Promise<number> {
    return (await this.all(tenant)).length;
  }
}
