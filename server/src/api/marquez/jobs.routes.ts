import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { GraphNode } from '../../domain/model.js';
import { nodeId } from '../../domain/ids.js';
import { notFound } from '../../domain/errors.js';
import { marquezActor, namespaceOr404, params, query, tenantOf, type MarquezContext } from './marquez.context.js';
import { enumParam, page, stringParam } from './params.js';
import { facetsOf, str } from './values.js';
import { runIdOf } from './job.mapper.js';

/** Runs shown with a job: Marquez's latestRuns (the job list shows the latest only, to keep it cheap). */
const LATEST_RUNS = 10;

/** Jobs of a namespace, one job, its versions and runs (newest first), and runs by id. */
export function registerJobRoutes(app: FastifyInstance, ctx: MarquezContext): void {
  const job = async (req: FastifyRequest): Promise<GraphNode> => {
    const { namespace, job: name } = params(req);
    const node = await ctx.catalog.node(tenantOf(req), nodeId('Job', namespace, name));
    if (!node) throw notFound(`job ${name} in namespace ${namespace}`);
    return node;
  };
  const run = async (req: FastifyRequest): Promise<GraphNode> => {
    const { id } = params(req);
    const node = await ctx.catalog.runById(tenantOf(req), id);
    if (!node) throw notFound(`run ${id}`);
    return node;
  };

  app.get('/namespaces/:namespace/jobs', async (req) => {
    const tenant = tenantOf(req);
    const { namespace } = params(req);
    const { limit, offset } = page(query(req));
    await namespaceOr404(ctx, tenant, namespace);
    const found = await ctx.catalog.contained(tenant, namespace, 'job:', limit, offset);
    return { jobs: await ctx.views(tenant).jobs(found.items, 1), totalCount: found.total };
  });

  app.get('/namespaces/:namespace/jobs/:job', async (req) => ctx.views(tenantOf(req)).job(await job(req), LATEST_RUNS));
  app.delete('/namespaces/:namespace/jobs/:job', async (req) => ctx.views(tenantOf(req)).job(await ctx.curation.softDelete(marquezActor(req), (await job(req)).id), LATEST_RUNS));

  app.get('/namespaces/:namespace/jobs/:job/versions', async (req) => {
    const { limit, offset } = page(query(req));
    const found = await ctx.views(tenantOf(req)).jobVersions(await job(req), limit, offset);
    return { versions: found.items, totalCount: found.total };
  });

  app.get('/namespaces/:namespace/jobs/:job/versions/:version', async (req) => {
    const views = ctx.views(tenantOf(req));
    const node = await job(req);
    const { version } = params(req);
    const found = await views.findJobVersion(node, version);
    if (!found) throw notFound(`version ${version} of job ${node.name}`);
    return views.jobVersion(found);
  });

  app.get('/namespaces/:namespace/jobs/:job/runs', async (req) => {
    const { limit, offset } = page(query(req));
    const found = await ctx.views(tenantOf(req)).runs((await job(req)).id, 'RUN_OF', limit, offset);
    return { runs: found.items, totalCount: found.total };
  });

  app.get('/jobs/runs/:id', async (req) => ctx.views(tenantOf(req)).run(await run(req)));

  /** The run's facets, or its job's (the job as it is now: Loom keeps job facets per job and per job version, not per run). */
  app.get('/jobs/runs/:id/facets', async (req) => {
    stringParam(query(req), 'type', { required: true });
    const type = enumParam(query(req), 'type', ['RUN', 'JOB'] as const, null);
    const node = await run(req);
    const jobId = str(node.props.jobId);
    const owner = type === 'RUN' ? node : jobId ? await ctx.catalog.node(tenantOf(req), jobId) : null;
    return { runId: runIdOf(node), facets: owner ? facetsOf(owner.props) : {} };
  });
}
