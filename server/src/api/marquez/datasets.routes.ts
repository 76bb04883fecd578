import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GraphNode } from '../../domain/model.js';
import { nodeId } from '../../domain/ids.js';
import { notFound } from '../../domain/errors.js';
import { marquezActor, namespaceOr404, params, query, tenantOf, type MarquezContext } from './marquez.context.js';
import { page } from './params.js';

/** Datasets of a namespace, one dataset, its versions (newest first) and one version. */
export function registerDatasetRoutes(app: FastifyInstance, ctx: MarquezContext): void {
  const dataset = async (req: FastifyRequest): Promise<GraphNode> => {
    const { namespace, dataset: name } = params(req);
    const node = await ctx.catalog.node(tenantOf(req), nodeId('Dataset', namespace, name));
    if (!node) throw notFound(`dataset ${name} in namespace ${namespace}`);
    return node;
  };

  app.get('/namespaces/:namespace/datasets', async (req) => {
    const tenant = tenantOf(req);
    const { namespace } = params(req);
    const { limit, offset } = page(query(req));
    await namespaceOr404(ctx, tenant, namespace);
    const found = await ctx.catalog.contained(tenant, namespace, 'dataset:', limit, offset);
    return { datasets: await ctx.views(tenant).datasets(found.items), totalCount: found.total };
  });

  app.get('/namespaces/:namespace/datasets/:dataset', async (req) => ctx.views(tenantOf(req)).dataset(await dataset(req)));
  app.delete('/namespaces/:namespace/datasets/:dataset', async (req) => ctx.views(tenantOf(req)).dataset(await ctx.curation.softDelete(marquezActor(req), (await dataset(req)).id)));

  app.get('/namespaces/:namespace/datasets/:dataset/versions', async (req) => {
    const { limit, offset } = page(query(req));
    const found = await ctx.views(tenantOf(req)).datasetVersions(await dataset(req), limit, offset);
    return { versions: found.items, totalCount: found.total };
  });

  app.get('/namespaces/:namespace/datasets/:dataset/versions/:version', async (req) => {
    const views = ctx.views(tenantOf(req));
    const node = await dataset(req);
    const { version } = params(req);
    const found = await views.findDatasetVersion(node, version);
    if (!found) throw notFound(`version ${version} of dataset ${node.name}`);
    return views.datasetVersion(found, node);
  });
}
