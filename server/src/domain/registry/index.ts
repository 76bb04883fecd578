/** The registry services (experiment tracking, models, prompts, evaluations, webhooks), built once over the ports. */
import type { Extensions } from '../ports/Extensions.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { Analytics } from '../ports/Analytics.js';
import { TrackingService } from './tracking.service.js';
import { ModelRegistry } from './models.service.js';
import { PromptRegistry } from './prompts.service.js';
import { EvaluationService } from './evaluations.service.js';
import { WebhookService } from './webhooks.service.js';
import { RunMetrics } from './run-metrics.js';
import type { RetryPolicy } from './webhook-delivery.js';
import type { Mailer } from '../ports/Mailer.js';
import type { JobQueue } from '../ports/JobQueue.js';

export interface Registry {
  tracking: TrackingService;
  models: ModelRegistry;
  prompts: PromptRegistry;
  evaluations: EvaluationService;
  webhooks: WebhookService;
}

/**
 * `opts.webhookGraph`: where webhooks are kept and read (default `graph`). Their nodes never come from
 * lineage events, so they need not wait for the ingest's backlog: the graph writer itself asks
 * whether a tenant takes schema changes (openlineage/schema-changes.ts), and must not wait for itself.
 * `opts.mailer`: sends the email destinations' messages (null: none can be added). `opts.queue`: where
 * deliveries wait for a worker (null: delivered in the background of this process).
 */
export function createRegistry(
  graph: GraphStore, analytics: Analytics,
  opts: { webhookRetry?: RetryPolicy; webhookGraph?: GraphStore; extensions?: Extensions; mailer?: Mailer | null; queue?: JobQueue | null } = {},
): Registry {
  const metrics = new RunMetrics(analytics);
  const webhooks = new WebhookService(opts.webhookGraph ?? graph, analytics, opts.webhookRetry, opts.extensions, opts.mailer ?? null, opts.queue ?? null);
  return {
    tracking: new TrackingService(graph, metrics),
    models: new ModelRegistry(graph, metrics, webhooks.notify, opts.extensions),
    prompts: new PromptRegistry(graph, webhooks.notify),
    evaluations: new EvaluationService(graph, analytics),
    webhooks,
  };
}
