import type { FastifyInstance } from 'fastify';
import type { Services } from '../../app/services.js';
import { CatalogService } from '../../domain/catalog.service.js';
import type { GraphNode, NodeKind } from '../../domain/model.js';
import { badInput, notFound } from '../../domain/errors.js';
import type { LineageEventArchive } from '../../domain/openlineage/event-archive.js';
import { parseEventTime } from '../../domain/openlineage/event.schema.js';
import { bearerAuth } from '../http/auth.js';
import type { Namespace, SearchResult } from './marquez.types.js';
import { MarquezViews } from './marquez.views.js';
import { marquezActor, namespaceOr404, params, query, tenantOf, type MarquezContext } from './marquez.context.js';
import { MAX_PAGE, enumParam, intParam, namePattern, page, stringParam } from './params.js';
import { tableNodeType } from './graph.mapper.js';
import { registerDatasetRoutes } from './datasets.routes.js';
import { registerJobRoutes } from './jobs.routes.js';
import { registerGraphRoutes } from './lineage.routes.js';
import { registerTagRoutes } from './tags.routes.js';
import { registerWriteRoutes } from './writes.routes.js';
import { descriptionOf, ownersOf } from '../../domain/curation/curation.js';

/**
 * Marquez's read API under /api/v1, so that Marquez clients and UIs work against Loom unchanged.
 * Reads take any valid key, tag writes an editor's or admin's; scoped to the key's tenant; errors are
 * `{code, message}` with Marquez's statuses.
 */
export function registerMarquezRoutes(app: FastifyInstance, services: Services): void {
  const catalog = new CatalogService(services.graph);
  const ctx: MarquezContext = { catalog, lineage: services.lineage, views: (tenant) => new MarquezViews(catalog, tenant, services.tags), tags: services.tags, curation: services.curation };
  void app.register(async (scope) => {
    scope.addHook('preHandler', bearerAuth(services, { write: false }));
    registerNamespaceRoutes(scope, ctx);
    registerDatasetRoutes(scope, ctx);
    registerJobRoutes(scope, ctx);
    registerGraphRoutes(scope, ctx);
    registerSearchRoute(scope, ctx);
    registerTagRoutes(scope, ctx);
    registerWriteRoutes(scope, ctx, services);
    registerSourceRoutes(scope, services);
    registerEventRoutes(scope, services.lineageEvents);
  }, { prefix: '/api/v1' });
}

/** Its owner and description as a person set them (PUT, or GraphQL setOwners / describeNode), else Marquez's defaults. */
const toNamespace = (n: GraphNode): Namespace => ({
  name: n.name, createdAt: n.createdAt, updatedAt: n.updatedAt, ownerName: ownersOf(n.props).value[0]?.name ?? 'anonymous',
  // Marquez hides a deleted namespace (isHidden), as Loom softly deletes one.
  description: descriptionOf(n.props)?.value ?? null, isHidden: n.validTo !== null,
});

function registerNamespaceRoutes(app: FastifyInstance, ctx: MarquezContext): void {
  app.get('/namespaces', async (req) => {
    const { limit, offset } = page(query(req));
    return { namespaces: (await ctx.catalog.namespaces(tenantOf(req), limit, offset)).map(toNamespace) };
  });
  app.get('/namespaces/:namespace', async (req) => toNamespace(await namespaceOr404(ctx, tenantOf(req), params(req).namespace)));
  app.delete('/namespaces/:namespace', async (req) => {
    const ns = await namespaceOr404(ctx, tenantOf(req), params(req).namespace);
    return toNamespace(await ctx.curation.softDelete(marquezActor(req), ns.id));
  });
  app.put('/namespaces/:namespace', async (req) => {
    const body = (req.body ?? null) as { ownerName?: unknown; description?: unknown } | null;
    if (!body || typeof body !== 'object' || Array.isArray(body)) throw badInput('body', 'must be a JSON object, e.g. {"ownerName": "me", "description": "..."}');
    if (typeof body.ownerName !== 'string') throw badInput('ownerName', 'is required: a string');
    if (body.description !== undefined && body.description !== null && typeof body.description !== 'string') throw badInput('description', 'must be a string');
    return toNamespace(await ctx.curation.putNamespace(marquezActor(req), params(req).namespace, body.ownerName, body.description as string | null | undefined));
  });
}

/** Marquez's sources (deprecated there, still what marquez-python's create_source writes). */
function registerSourceRoutes(app: FastifyInstance, services: Services): void {
  app.get('/sources', async (req) => {
    const { limit, offset } = page(query(req));
    return { sources: (await services.sources.list(tenantOf(req))).slice(offset, offset + limit) };
  });
  app.get('/sources/:source', async (req) => {
    const found = await services.sources.get(tenantOf(req), params(req).source);
    if (!found) throw notFound(`source ${params(req).source}`);
    return found;
  });
  app.put('/sources/:source', async (req) => services.sources.put(marquezActor(req), params(req).source, req.body));
}

const DATASET_KINDS: readonly NodeKind[] = ['Dataset', 'Model', 'FeatureGroup'];
const DAY = /^\d{4}-\d{2}-\d{2}$/;

/** Marquez's search over dataset and job names (see namePattern), by namespace and update day. */
function registerSearchRoute(app: FastifyInstance, ctx: MarquezContext): void {
  app.get('/search', async (req) => {
    const q = query(req);
    const text = stringParam(q, 'q', { required: true })!;
    const filter = enumParam(q, 'filter', ['DATASET', 'JOB'] as const, null);
    const sort = enumParam(q, 'sort', ['NAME', 'UPDATE_AT'] as const, 'NAME');
    const limit = intParam(q, 'limit', 10, 1, MAX_PAGE);
    const namespace = stringParam(q, 'namespace');
    const [before, after] = (['before', 'after'] as const).map((name) => {
      const day = stringParam(q, name);
      if (day !== null && !DAY.test(day)) throw badInput(name, 'must be a day, YYYY-MM-DD');
      return day;
    });
    const kinds = filter === 'JOB' ? ['Job' as const] : filter === 'DATASET' ? DATASET_KINDS : [...DATASET_KINDS, 'Job' as const];
    const { piece, pattern } = namePattern(text);
    const found = await ctx.catalog.search(tenantOf(req), piece, kinds, MAX_PAGE);
    const results = found
      .filter((n) => tableNodeType(n) && pattern.test(n.name) && (!namespace || n.namespace === namespace))
      .filter((n) => (!before || n.updatedAt.slice(0, 10) < before) && (!after || n.updatedAt.slice(0, 10) > after))
      .sort(sort === 'UPDATE_AT' ? (a, b) => cmp(b.updatedAt, a.updatedAt) : (a, b) => cmp(a.name, b.name))
      .map(toSearchResult);
    return { totalCount: results.length, results: results.slice(0, limit) };
  });
}

const cmp = (a: string, b: string) => (a < b ? -1 : a > b ? 1 : 0);
const toSearchResult = (n: GraphNode): SearchResult => ({ type: tableNodeType(n)!, name: n.name, updatedAt: n.updatedAt, namespace: n.namespace, nodeId: n.id });

/** Marquez's list of the OpenLineage events received, newest first by default; `before` excludes, `after` includes. */
function registerEventRoutes(app: FastifyInstance, archive: LineageEventArchive): void {
  app.get('/events/lineage', async (req) => {
    const q = query(req);
    const direction = enumParam(q, 'sortDirection', ['ASC', 'DESC'] as const, 'DESC')!;
    const [before, after] = (['before', 'after'] as const).map((name) => {
      const text = stringParam(q, name, { max: 64 });
      if (text === null) return null;
      const ms = parseEventTime(text);
      if (!/^\d{4}-\d{2}-\d{2}/.test(text) || Number.isNaN(ms)) throw badInput(name, 'must be an ISO-8601 date-time, e.g. 2022-09-15T07:47:19Z');
      return ms;
    });
    return archive.list(tenantOf(req), { before, after, direction: direction === 'ASC' ? 'asc' : 'desc', ...page(q) });
  });
}
