import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GraphNode } from '../../domain/model.js';
import { nodeId } from '../../domain/ids.js';
import { badInput, notFound } from '../../domain/errors.js';
import { checkTagName } from '../../domain/tags/tags.js';
import { MAX_TAGS } from '../../domain/tags/tags.service.js';
import { marquezActor, params, query, tenantOf, type MarquezContext } from './marquez.context.js';
import { fieldNames } from './dataset.mapper.js';
import { facetsOf } from './values.js';
import { intParam } from './params.js';


/**
 * Marquez's tags: list and create them, tag a dataset or one of its fields (and take the tag off again, as
 * later Marquez versions do with DELETE). Tags are the graph's (domain/tags): what GraphQL and the web app
 * show. Writes need an editor or admin key.
 */
export function registerTagRoutes(app: FastifyInstance, ctx: MarquezContext): void {
  const tagList = async (tenant: string, limit = MAX_TAGS, offset = 0) =>
    ({ tags: (await ctx.tags.list(tenant, limit, offset)).items.map((t) => (t.description === null ? { name: t.name } : { name: t.name, description: t.description })) });

  app.get('/tags', async (req) => {
    const q = query(req);
    return tagList(tenantOf(req), intParam(q, 'limit', 100, 1, MAX_TAGS), intParam(q, 'offset', 0, 0, Number.MAX_SAFE_INTEGER));
  });

  app.put('/tags/:tag', async (req) => {
    const body = req.body ?? {};
    if (typeof body !== 'object' || Array.isArray(body)) throw badInput('body', 'must be a JSON object, e.g. {"description": "..."}');
    const description = (body as { description?: unknown }).description;
    if (description !== undefined && description !== null && typeof description !== 'string') throw badInput('description', 'must be a string');
    await ctx.tags.define(marquezActor(req), checkTagName('tag', params(req).tag), description ?? undefined);
    return tagList(tenantOf(req));
  });

  const dataset = async (req: FastifyRequest): Promise<GraphNode> => {
    const { namespace, dataset: name } = params(req);
    const node = await ctx.catalog.node(tenantOf(req), nodeId('Dataset', namespace, name));
    if (!node) throw notFound(`dataset ${name} in namespace ${namespace}`);
    return node;
  };
  const field = async (req: FastifyRequest): Promise<{ dataset: GraphNode; id: string }> => {
    const node = await dataset(req);
    const { field: name } = params(req);
    if (!fieldNames(facetsOf(node.props)).includes(name)) throw notFound(`field ${name} of dataset ${node.name}`);
    return { dataset: node, id: nodeId('Field', node.namespace, `${node.name}#${name}`) };
  };
  const after = async (req: FastifyRequest, node: GraphNode) => ctx.views(tenantOf(req)).dataset((await ctx.catalog.node(tenantOf(req), node.id)) ?? node);

  for (const [method, on] of [['post', true], ['delete', false]] as const) {
    const change = (req: FastifyRequest, id: string) => (on ? ctx.tags.tag : ctx.tags.untag).call(ctx.tags, marquezActor(req), id, params(req).tag);
    app[method]('/namespaces/:namespace/datasets/:dataset/tags/:tag', async (req) => {
      const node = await dataset(req);
      await change(req, node.id);
      return after(req, node);
    });
    app[method]('/namespaces/:namespace/datasets/:dataset/fields/:field/tags/:tag', async (req) => {
      const { dataset: node, id } = await field(req);
      await change(req, id);
      return after(req, node);
    });
  }
}
