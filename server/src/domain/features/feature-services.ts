/**
 * Feature services, as Feast names them: a named set of features from one or more groups, what one
 * model reads (`feast.FeatureService`), so a model service asks for `feature_service: "churn_v2"`
 * instead of listing each feature, and the set can change without redeploying it. A FeatureService
 * node of the tenant; each group it reads FEEDS it (a lineage edge: the impact of a change to a table
 * reaches the services and models reading its features), ended when the service stops reading it.
 * Dropping a service ends it (its history stays).
 */
import type { EdgeInput, GraphNode } from '../model.js';
import { REGISTRY_NAMESPACE, nodeId } from '../ids.js';
import { LoomError, badInput, notFound } from '../errors.js';
import { KeyedLock } from '../keyed-lock.js';
import { actorProps, requireWrite, type Actor } from '../registry/actor.js';
import { checkText } from '../registry/validate.js';
import type { GraphStore } from '../ports/GraphStore.js';
import { featureByRef } from './feast.js';
import type { FeatureStore } from './features.service.js';
import { featureGroupId } from './groups.js';

export interface FeatureServiceInput { name: string; description?: string | null; features: readonly string[] }
export interface ServedFeature { namespace: string; group: string; feature: string }
export interface FeatureService {
  id: string;
  name: string;
  description: string | null;
  /** In the order given. */
  features: ServedFeature[];
  /** The entity key of its features (one per service, as a Feast request has one). */
  entity: string;
  definedAt: string;
  definedBy: string | null;
}

const NAME = /^[A-Za-z0-9][A-Za-z0-9_.-]{0,199}$/;
const MAX_SERVICES = 500;
const MAX_FEATURES = 1000;

const featureServiceId = (name: string) => nodeId('FeatureService', REGISTRY_NAMESPACE, name);

export class FeatureServices {
  private readonly lock = new KeyedLock();

  constructor(private readonly graph: GraphStore, private readonly store: FeatureStore, private readonly now: () => number = Date.now) {}

  /**
   * Create a service or replace its features (editor, admin). `features`: Feast's references
   * `view:feature`, a view being a group's name or `<namespace>/<name>`; each must be a feature of a
   * group defined now, all about one entity key, none twice.
   */
  async define(actor: Actor, input: FeatureServiceInput): Promise<FeatureService> {
    requireWrite(actor, 'define feature services');
    if (typeof input.name !== 'string' || !NAME.test(input.name)) throw badInput('input.name', 'must be 1-200 letters, digits, "_", "-" or ".", starting with a letter or a digit');
    const description = checkText('input.description', input.description, 2000) ?? null;
    if (!Array.isArray(input.features) || input.features.length === 0) throw badInput('input.features', 'give at least one feature, view:feature');
    if (input.features.length > MAX_FEATURES) throw badInput('input.features', `at most ${MAX_FEATURES} features`);
    const groups = await this.store.groupsForViews(actor.tenant, input.features);
    const features: ServedFeature[] = [];
    const seen = new Set<string>();
    const entities = new Set<string>();
    input.features.forEach((ref, i) => {
      const field = `input.features[${i}]`;
      const { group, feature } = featureByRef(groups, ref, field);
      const key = `${group.namespace}/${group.name}:${feature}`;
      if (seen.has(key)) throw badInput(field, `${key} is named twice`);
      seen.add(key);
      entities.add(group.entity);
      features.push({ namespace: group.namespace, group: group.name, feature });
    });
    if (entities.size > 1) throw badInput('input.features', `the features are about different entities (${[...entities].join(', ')}): a service serves one entity key`);
    const id = featureServiceId(input.name);
    return this.lock.run(`${actor.tenant}/${id}`, async () => {
      const [stored] = await this.graph.getNodes(actor.tenant, [id]);
      if (!stored && (await this.list(actor.tenant)).length >= MAX_SERVICES) throw badInput('input.name', `a tenant has at most ${MAX_SERVICES} feature services`);
      const at = new Date(this.now()).toISOString();
      const reads = new Set(features.map((f) => featureGroupId(f.namespace, f.group)));
      const before = stored && !stored.validTo ? fedBy(stored) : new Set<string>();
      const edges: EdgeInput[] = [
        ...[...reads].map((g) => ({ kind: 'FEEDS' as const, from: g, to: id, validFrom: at, validTo: null })),
        ...[...before].filter((g) => !reads.has(g)).map((g) => ({ kind: 'FEEDS' as const, from: g, to: id, validFrom: at, validTo: at })),
      ];
      await this.graph.write(actor.tenant, {
        nodes: [{ id, kind: 'FeatureService', namespace: REGISTRY_NAMESPACE, name: input.name, at, props: {
          description, features, entity: [...entities][0], definedAt: at, definedBy: actorProps(actor), restoredAt: at,
        } }],
        edges,
      });
      return this.get(actor.tenant, input.name);
    });
  }

  /** End a service (editor, admin): no longer listed nor served; its node and history stay. */
  async drop(actor: Actor, name: string): Promise<FeatureService> {
    requireWrite(actor, 'drop feature services');
    const service = await this.get(actor.tenant, name);
    return this.lock.run(`${actor.tenant}/${service.id}`, async () => {
      const at = new Date(Math.max(this.now(), Date.parse(service.definedAt) + 1)).toISOString();
      const groups = new Set(service.features.map((f) => featureGroupId(f.namespace, f.group)));
      await this.graph.write(actor.tenant, {
        nodes: [{ id: service.id, kind: 'FeatureService', namespace: REGISTRY_NAMESPACE, name, at, props: { deletedAt: at, deletedBy: actorProps(actor) } }],
        edges: [...groups].map((g) => ({ kind: 'FEEDS' as const, from: g, to: service.id, validFrom: service.definedAt, validTo: at })),
      });
      return service;
    });
  }

  async list(tenant: string): Promise<FeatureService[]> {
    const nodes = await this.graph.search(tenant, { text: '', kinds: ['FeatureService'], limit: MAX_SERVICES + 1 });
    return nodes.filter((n) => !n.validTo).map(toService).sort((a, b) => a.name.localeCompare(b.name));
  }

  async get(tenant: string, name: string): Promise<FeatureService> {
    if (typeof name !== 'string' || !name || name.includes('\u0000')) throw badInput('name', 'required');
    let id: string;
    try { id = featureServiceId(name); } catch { throw notFound(`feature service ${name}`); }
    const [node] = await this.graph.getNodes(tenant, [id]);
    if (!node || node.kind !== 'FeatureService' || node.validTo) throw notFound(`feature service ${name}`);
    return toService(node);
  }

  /**
   * The `view:feature` references a Feast request naming the service reads (views as `<namespace>/<name>`).
   * Unknown service: BAD_USER_INPUT on `field` (a request's argument, not a missing resource).
   */
  async references(tenant: string, name: unknown, field: string): Promise<string[]> {
    if (typeof name !== 'string' || !name) throw badInput(field, 'must be the name of a feature service');
    try {
      return (await this.get(tenant, name)).features.map((f) => `${f.namespace}/${f.group}:${f.feature}`);
    } catch (err) {
      if (err instanceof LoomError && err.code === 'NOT_FOUND') throw badInput(field, `no feature service ${name} (define one with defineFeatureService)`);
      throw err;
    }
  }
}

/** The features a FeatureService node serves. */
const featuresOf = (n: GraphNode): ServedFeature[] => (Array.isArray(n.props.features) ? (n.props.features as ServedFeature[]) : []);

function fedBy(n: GraphNode): Set<string> {
  return new Set(featuresOf(n).map((f) => featureGroupId(f.namespace, f.group)));
}

function toService(n: GraphNode): FeatureService {
  const p = n.props;
  const by = p.definedBy as { name?: string | null; role?: string } | undefined;
  return {
    id: n.id, name: n.name, description: typeof p.description === 'string' ? p.description : null,
    features: featuresOf(n), entity: String(p.entity ?? ''),
    definedAt: String(p.definedAt ?? n.createdAt), definedBy: by ? (by.name ?? by.role ?? null) : null,
  };
}

/**
 * As `feast apply` refuses to remove what a feature service reads: a service reading one of `features`
 * of the group (its FEEDS edges) would answer every request with an error naming a field its client
 * never sent. CONFLICT naming the services (`what` they read); change them first (defineFeatureService).
 */
export async function refuseIfServed(graph: GraphStore, tenant: string, groupId: string, features: readonly string[], field: string, what: string): Promise<void> {
  if (!features.length) return;
  const [page, [group]] = await Promise.all([
    graph.neighbours(tenant, groupId, { direction: 'DOWNSTREAM', edgeKinds: ['FEEDS'], limit: MAX_SERVICES, offset: 0 }),
    graph.getNodes(tenant, [groupId]),
  ]);
  const gone = new Set(features);
  const served = page.items.filter((i) => i.node.kind === 'FeatureService' && !i.node.validTo).flatMap((i) => {
    const read = featuresOf(i.node).filter((f) => f.namespace === group?.namespace && f.group === group?.name && gone.has(f.feature));
    return read.length ? [`${i.node.name} (${read.map((f) => f.feature).join(', ')})`] : [];
  });
  if (served.length) throw new LoomError('CONFLICT', `${field}: feature service ${served.join(', ')} reads ${what}: change the service first (defineFeatureService)`, field);
}
