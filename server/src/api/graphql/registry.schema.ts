/** The resolvers of experiment tracking, the model registry and the prompt registry (registered in schema.ts). */
import { ExperimentResolver, TrackingResolver } from './tracking.resolver.js';
import { ModelVersionResolver, RegistryResolver } from './registry.resolver.js';
import { WebhookResolver } from './registry.webhooks.js';
import { PromptResolver, PromptVersionResolver } from './prompts.resolver.js';
import { EvaluationsResolver } from './evaluations.resolver.js';

export const REGISTRY_RESOLVERS = [
  TrackingResolver, ExperimentResolver, RegistryResolver, ModelVersionResolver, WebhookResolver, PromptResolver, PromptVersionResolver, EvaluationsResolver,
] as const;
