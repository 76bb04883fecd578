/** Webhook and email deliveries (`webhooks.deliver`): one job per delivery, run again (the same delivery) when its worker stopped. */
import type { WebhookService } from '../domain/registry/webhooks.service.js';
import type { WorkerManager } from './worker-manager.js';

export function registerWebhookWorkers(manager: WorkerManager, webhooks: WebhookService): void {
  manager.register('webhooks.deliver', async (data, job) => { await webhooks.deliverJob(data, job.signal); });
}
