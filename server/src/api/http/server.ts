import Fastify, { LogController, type FastifyInstance, type FastifyError, type FastifyBaseLogger } from 'fastify';
import fastifyStatic from '@fastify/static';
import { ApolloServer } from '@apollo/server';
import fastifyApollo, { fastifyApolloDrainPlugin } from '@as-integrations/fastify';
import { existsSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import type { Config } from '../../config/config.js';
import type { Services } from '../../app/services.js';
import { loomSchema } from '../graphql/schema.js';
import { createContext, type Context } from '../graphql/context.js';
import { formatGraphQLError, httpError, logServerError, overloadStatusPlugin } from '../errors.js';
import { bearerAuth } from './auth.js';
import { createMetrics } from './metrics.js';
import { registerRequestDecompression } from './gzip.js';
import { depthLimit } from '../graphql/depth-limit.js';
import { costLimitPlugin } from '../graphql/cost-limit.js';
import { graphiqlPage } from '../graphql/ide.js';
import { registerLineageRoutes } from '../../../../ingest/openlineage/lineage.route.js';
import { registerOtlpRoutes } from '../../../../ingest/otlp/otlp.routes.js';
import { registerMarquezRoutes } from '../marquez/marquez.routes.js';
import { registerFeastRoutes } from '../feast/feast.routes.js';
import { LoomError, badInput } from '../../domain/errors.js';
import { fieldPath, tooDeep } from '../../domain/json-depth.js';
import { readers } from '../../domain/openlineage/visible-graph.js';
import { readiness } from './readiness.js';

/** Longest path parameter (a Marquez job or dataset name, URL-encoded) before 414. */
const MAX_PARAM_LENGTH = 4096;

const WEB_DIST = fileURLToPath(new URL('../../../../web/dist/', import.meta.url));

export interface HttpServer { app: FastifyInstance; apollo: ApolloServer<Context> }

/**
 * The deepest JSON body any route takes: the one depth check, for every JSON API. OpenLineage events
 * nest 16 levels in the corpus (one nested 20,000 deep once passed validation and broke the ingest log's
 * serialisation: a 500); an OTLP/JSON attribute nested in key/value lists takes 4 levels a step (its
 * values are cut at 32 steps, attributes.ts); GraphQL variables nest as their inputs do.
 */
const MAX_BODY_DEPTH = 128;

/** `diskFree`: bytes free on the data directory's disk, for /metrics. */
export async function createHttpServer(cfg: Config, services: Services, logger: FastifyBaseLogger, opts: { diskFree?: () => number; stopping?: () => boolean } = {}): Promise<HttpServer> {
  const app: FastifyInstance = Fastify({
    loggerInstance: logger, bodyLimit: cfg.http.bodyLimitBytes, logController: new LogController({ disableRequestLogging: true }),
    // A request that has not all arrived in time (headers and body) is answered 408 and its connection
    // closed: a stalled client holds no OTLP slot (nor memory) for longer. Node checks every 5 s (30 s by
    // default), and its headers' own limit (60 s by default) would otherwise come first.
    requestTimeout: cfg.http.requestTimeoutMs,
    http: { connectionsCheckingInterval: Math.min(5_000, cfg.http.requestTimeoutMs), headersTimeout: Math.min(60_000, cfg.http.requestTimeoutMs) },
    // Fastify's default (100) answers 414 to real names: Spark jobs in the corpus are 100-300 characters.
    routerOptions: { maxParamLength: MAX_PARAM_LENGTH },
  });
  const metrics = createMetrics(
    () => services.traceIngest.summaryStats(), () => services.lineageLog?.stats() ?? { waiting: 0, lagMs: 0, dropped: 0 },
    opts.diskFree && { free: opts.diskFree, min: cfg.minFreeDiskBytes },
  );
  registerRequestDecompression(app);
  app.setErrorHandler((err: FastifyError, req, reply) => {
    const { status, body, retryAfter } = httpError(err); // Fastify's own 4xx too (invalid JSON, body too large...)
    logServerError(req.log, err, status, 'request failed');
    if (retryAfter) reply.header('retry-after', String(retryAfter)); // a quota's 429, a saturated store's 503 (Marquez's write API)
    return reply.code(err instanceof LoomError ? status : err.statusCode ?? status).send(body);
  });
  // Each request its own reader context: the API key's reads then wait only for the lineage events it sent (visibleGraph).
  app.addHook('onRequest', (_req, _reply, done) => readers.run({}, done));
  // Every JSON body, before any route reads it: nested deeper than MAX_BODY_DEPTH, a 400 naming where (json-depth.ts).
  app.addHook('preValidation', async (req) => {
    const body = req.body;
    if (typeof body !== 'object' || body === null || (!Array.isArray(body) && Object.getPrototypeOf(body) !== Object.prototype)) return; // protobuf and text bodies
    const deep = tooDeep(body, MAX_BODY_DEPTH);
    if (deep) throw badInput(fieldPath(deep), `nested deeper than ${MAX_BODY_DEPTH} levels`);
  });
  app.addHook('onResponse', async (req, reply) => {
    metrics.httpDuration.observe({ method: req.method, route: req.routeOptions.url ?? 'unmatched', status: String(reply.statusCode) }, reply.elapsedTime / 1000);
  });

  app.get('/healthz', async () => ({ status: 'ok' }));
  app.get('/readyz', async (_req, reply) => {
    // Stopping: out of the load balancer's endpoints at once, however long the stop takes.
    if (opts.stopping?.()) return reply.code(503).send({ status: 'stopping' });
    const { ready, body } = await readiness({ graph: () => services.graph.ping(), analytics: () => services.analytics.ping() });
    return reply.code(ready ? 200 : 503).send(body);
  });
  app.get('/metrics', async (_req, reply) => reply.type(metrics.registry.contentType).send(await metrics.registry.metrics()));

  registerLineageRoutes(app, services, metrics);
  registerOtlpRoutes(app, services, { maxConcurrent: cfg.telemetry.otlpMaxConcurrent });
  registerMarquezRoutes(app, services);
  registerFeastRoutes(app, services);

  const schema = await loomSchema();
  const apollo = new ApolloServer<Context>({
    schema,
    validationRules: [depthLimit(12)],
    introspection: true,
    includeStacktraceInErrorResponses: false,
    formatError: (formatted, error) => formatGraphQLError(formatted, error, (err) => app.log.error({ err }, 'graphql resolver failed')),
    plugins: [fastifyApolloDrainPlugin(app), overloadStatusPlugin, costLimitPlugin(schema)],
    // Loom's own shutdown (cli.ts → close()) stops Apollo through Fastify's drain, in order with the
    // stores; Apollo's signal handlers would stop it on their own and re-raise the signal (and add two
    // process listeners per server).
    stopOnTerminationSignals: false,
  });
  await apollo.start();
  if (cfg.http.graphqlIde) app.get('/graphql', async (_req, reply) => reply.type('text/html').send(graphiqlPage()));
  await app.register(async (scope) => {
    scope.addHook('preHandler', bearerAuth(services, { write: false }));
    await scope.register(fastifyApollo(apollo), {
      method: ['POST'],
      context: async (req) => createContext(req.principal!, services),
    });
  });

  if (existsSync(WEB_DIST)) {
    await app.register(fastifyStatic, { root: WEB_DIST, prefix: '/', wildcard: false });
    app.setNotFoundHandler((req, reply) =>
      req.method === 'GET' && !req.url.startsWith('/api') ? reply.sendFile('index.html') : reply.code(404).send({ code: 'NOT_FOUND', message: `${req.method} ${req.url} not found` }));
  } else {
    app.get('/', async (_req, reply) => reply.type('text/plain').send('The web app is not built: run `npm run build:web`. GraphQL is at /graphql.'));
  }
  return { app, apollo };
}
