import type { FastifyInstance } from 'fastify';
import { MAX_LINEAGE_NODES } from '../../domain/model.js';
import { notFound } from '../../domain/errors.js';
import { query, tenantOf, type MarquezContext } from './marquez.context.js';
import { boolParam, columnDepth, columnNodeIds, intParam, stringParam, tableDepth, tableNodeId } from './params.js';
import { tableNodeType, toColumnGraph, toGraph } from './graph.mapper.js';

/** Loom answers lineage within a node cap; `limit` (a Loom extension) moves it. */
const DEFAULT_NODES = 1000;
/** Set when the node cap or the deadline cut the answer (Marquez has no way to say so in the body). */
const PARTIAL_HEADER = 'x-loom-lineage-partial';
/** Marquez's default lineage depth; the upstream run walk goes up to MAX_RUN_DEPTH runs away when asked. */
const RUN_DEPTH = 20;
const MAX_RUN_DEPTH = 100;

/**
 * Marquez's lineage graphs. Table level: datasets and jobs upstream and downstream of the node (Marquez
 * also walks to siblings: consumers of an input); column level: fields upstream, and downstream on request,
 * from a field, a dataset's fields or a job's output datasets' fields; run level: the runs upstream of a
 * run, through the dataset versions each read.
 */
export function registerGraphRoutes(app: FastifyInstance, ctx: MarquezContext): void {
  app.get('/lineage', async (req, reply) => {
    const q = query(req);
    const tenant = tenantOf(req);
    const id = tableNodeId(q);
    // The walk's nodes only: the edges come from the jobs' io and the aliases (MarquezViews.graphData).
    const res = await ctx.lineage.lineage(tenant, id, 'BOTH', tableDepth(q), intParam(q, 'limit', DEFAULT_NODES, 1, MAX_LINEAGE_NODES), { edges: false });
    if (!res) throw notFound(`node ${id}`);
    if (res.truncated) reply.header(PARTIAL_HEADER, res.cut?.reason ?? 'true');
    const all = [res.root, ...res.nodes.map((n) => n.node)];
    const nodes = all.filter((n) => tableNodeType(n) !== null);
    const views = ctx.views(tenant);
    views.know(all);
    const { data, edges } = await views.graphData(nodes.filter((n) => tableNodeType(n) === 'JOB'), nodes.filter((n) => tableNodeType(n) === 'DATASET'));
    const placed = nodes.map((n) => ({ id: n.id, type: tableNodeType(n)!, data: data.get(n.id) }));
    return { graph: toGraph(placed, edges) };
  });

  app.get('/column-lineage', async (req, reply) => {
    const q = query(req);
    const tenant = tenantOf(req);
    const ids = columnNodeIds(q);
    const [depth, downstream] = [columnDepth(q), boolParam(q, 'withDownstream', false)];
    const limit = intParam(q, 'limit', DEFAULT_NODES, 1, MAX_LINEAGE_NODES);
    const root = (await ctx.catalog.getNodes(tenant, ids)).find((n) => n !== null && (n.kind === 'Field' || /^(dataset|job):/.test(n.id)));
    if (!root) throw notFound(`node ${String(q.nodeId)}`);
    const res = await ctx.lineage.columnLineage(tenant, root.id, downstream ? 'BOTH' : 'UPSTREAM', depth, limit);
    if (!res) throw notFound(`node ${String(q.nodeId)}`);
    if (res.truncated) reply.header(PARTIAL_HEADER, res.cut?.reason ?? 'true');
    return { graph: toColumnGraph(res) };
  });

  app.get('/runlineage/upstream', async (req, reply) => {
    const q = query(req);
    const tenant = tenantOf(req);
    const id = stringParam(q, 'runId', { required: true, max: 256 })!;
    const depth = intParam(q, 'depth', RUN_DEPTH, 0, MAX_RUN_DEPTH);
    const limit = intParam(q, 'limit', DEFAULT_NODES, 1, MAX_LINEAGE_NODES);
    const run = await ctx.catalog.runById(tenant, id);
    if (!run) throw notFound(`run ${id}`);
    const { runs, truncated } = await ctx.views(tenant).upstreamRuns(run, depth, limit);
    if (truncated) reply.header(PARTIAL_HEADER, 'NODE_LIMIT');
    return { runs };
  });
}
