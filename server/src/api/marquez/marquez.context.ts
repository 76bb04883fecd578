import type { FastifyRequest } from 'fastify';
import type { CatalogService } from '../../domain/catalog.service.js';
import type { LineageService } from '../../domain/lineage.service.js';
import type { GraphNode } from '../../domain/model.js';
import { nodeId } from '../../domain/ids.js';
import { notFound } from '../../domain/errors.js';
import { actorFrom, type Actor } from '../../domain/registry/actor.js';
import type { MarquezViews } from './marquez.views.js';
import type { TagService } from '../../domain/tags/tags.service.js';
import type { CurationService } from '../../domain/curation/curation.js';
import type { Query } from './params.js';

/** What the Marquez route handlers share. */
export interface MarquezContext {
  catalog: CatalogService;
  lineage: LineageService;
  tags: TagService;
  curation: CurationService;
  /** Views for one request of one tenant. */
  views(tenant: string): MarquezViews;
}

export const tenantOf = (req: FastifyRequest) => req.principal!.tenant;
/** The key's tenant and role acting through Marquez's API (which names no one). */
export const marquezActor = (req: FastifyRequest): Actor => actorFrom(req.principal!);
export const query = (req: FastifyRequest) => (req.query ?? {}) as Query;
export const params = (req: FastifyRequest) => req.params as Record<string, string>;

/** The namespace node, or 404. */
export async function namespaceOr404(ctx: MarquezContext, tenant: string, name: string): Promise<GraphNode> {
  const ns = await ctx.catalog.node(tenant, nodeId('Namespace', name, name));
  if (!ns) throw notFound(`namespace ${name}`);
  return ns;
}
