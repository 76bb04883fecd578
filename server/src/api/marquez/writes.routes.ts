import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { Services } from '../../app/services.js';
import { nodeId } from '../../domain/ids.js';
import { badInput, notFound } from '../../domain/errors.js';
import { requireWriterRole } from '../../domain/registry/actor.js';
import {
  createdRunEventOf, datasetEventOf, datasetRunIdOf, jobEventOf, RUN_TRANSITIONS, transitionEventOf, type JobIo,
} from '../../domain/openlineage/marquez-writes.js';
import type { GraphNode } from '../../domain/model.js';
import { marquezActor, params, query, tenantOf, type MarquezContext } from './marquez.context.js';
import { stringParam } from './params.js';
import { str } from './values.js';

/** Runs shown with a job written through this API (as its GET shows them). */
const LATEST_RUNS = 10;

/**
 * Marquez's older write API (deprecated in Marquez, still what marquez-python's create_* and mark_job_run_as_*
 * call): each request becomes the OpenLineage event it amounts to (domain/openlineage/marquez-writes.ts),
 * taken in as `POST /api/v1/lineage` takes one (the tenant's quota, the event archive, read-your-writes),
 * and answered with Marquez's view of what it wrote. Editors and admins only.
 */
export function registerWriteRoutes(app: FastifyInstance, ctx: MarquezContext, services: Services): void {
  const receiver = services.lineageLog ?? services.lineageIngest;
  const take = async (req: FastifyRequest, event: Record<string, unknown>) => {
    requireWriterRole(marquezActor(req), 'write through the Marquez API'); // and only in its namespaces: the events are checked as any emitter's
    const tenant = tenantOf(req);
    await services.ingestLimits.within(tenant, 'lineageEvents', () => receiver.ingest(tenant, event, req.client, req.principal!.namespaces), () => 1);
  };
  const now = () => new Date().toISOString();
  const ioOf = async (req: FastifyRequest, job: GraphNode): Promise<JobIo> => {
    const view = await ctx.views(tenantOf(req)).job(job, 0);
    return { inputs: view.inputs.map(({ namespace, name }) => ({ namespace, name })), outputs: view.outputs.map(({ namespace, name }) => ({ namespace, name })) };
  };
  const nodeOr404 = async (req: FastifyRequest, id: string, what: string) => {
    const node = await ctx.catalog.node(tenantOf(req), id);
    if (!node) throw notFound(what);
    return node;
  };

  app.put('/namespaces/:namespace/datasets/:dataset', async (req) => {
    const { namespace, dataset } = params(req);
    // The registered source it names, if any, gives the dataSource facet its URL.
    const named = (req.body as { sourceName?: unknown } | null)?.sourceName;
    const source = typeof named === 'string' && named ? await services.sources.get(tenantOf(req), named) : null;
    // The run it names wrote this version (Marquez: 404 for a run it does not know).
    const runId = datasetRunIdOf(req.body);
    const run = runId ? await ctx.catalog.runById(tenantOf(req), runId) : null;
    if (runId && !run) throw notFound(`run ${runId}`);
    const job = run ? await nodeOr404(req, str(run.props.jobId) ?? '', `the job of run ${runId}`) : null;
    const writer = runId && job ? { runId, job: { namespace: job.namespace, name: job.name } } : null;
    await take(req, datasetEventOf(namespace, dataset, req.body, now(), (name) => (source?.name === name ? source.connectionUrl : null), writer));
    return ctx.views(tenantOf(req)).dataset(await nodeOr404(req, nodeId('Dataset', namespace, dataset), `dataset ${dataset} in namespace ${namespace}`));
  });

  app.put('/namespaces/:namespace/jobs/:job', async (req) => {
    const { namespace, job } = params(req);
    await take(req, jobEventOf(namespace, job, req.body, now()));
    return ctx.views(tenantOf(req)).job(await nodeOr404(req, nodeId('Job', namespace, job), `job ${job} in namespace ${namespace}`), LATEST_RUNS);
  });

  app.post('/namespaces/:namespace/jobs/:job/runs', async (req, reply) => {
    const { namespace, job } = params(req);
    const io = await ioOf(req, await nodeOr404(req, nodeId('Job', namespace, job), `job ${job} in namespace ${namespace}`));
    const { runId, event } = createdRunEventOf(namespace, job, io, req.body, now());
    // As Marquez (RunAlreadyExistsException): a run is created once, with its job; another job may not take it over.
    if (await ctx.catalog.runById(tenantOf(req), runId)) throw badInput('id', `run '${runId}' already exists`);
    await take(req, event);
    const run = await ctx.catalog.runById(tenantOf(req), runId);
    return reply.code(201).send(await ctx.views(tenantOf(req)).run(run!));
  });

  for (const transition of Object.keys(RUN_TRANSITIONS) as (keyof typeof RUN_TRANSITIONS)[]) {
    app.post(`/jobs/runs/:id/${transition}`, async (req) => {
      const { id } = params(req);
      const run = await ctx.catalog.runById(tenantOf(req), id);
      if (!run) throw notFound(`run ${id}`);
      const job = await nodeOr404(req, str(run.props.jobId) ?? '', `the job of run ${id}`);
      await take(req, transitionEventOf({ namespace: job.namespace, name: job.name }, await ioOf(req, job), id, transition, stringParam(query(req), 'at', { max: 64 }), now()));
      return ctx.views(tenantOf(req)).run((await ctx.catalog.runById(tenantOf(req), id))!);
    });
  }
}
