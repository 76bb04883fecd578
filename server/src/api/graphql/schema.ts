import 'reflect-metadata';
import { buildSchema } from 'type-graphql';
import type { GraphQLSchema } from 'graphql';
import { EdgeResolver, NodeResolver } from './node.resolver.js';
import { LineageCutResolver, LineageResolver } from './lineage.resolver.js';
import { GraphNode } from './types.js';
import { REGISTRY_RESOLVERS } from './registry.schema.js';
import { TracesResolver } from './traces.resolver.js';
import { EventsResolver } from './events.resolver.js';
import { MetricsResolver } from './metrics.resolver.js';
import { GpuResolver } from './gpu.resolver.js';
import { TrainingResolver } from './training.resolver.js';
import { KeysResolver } from './keys.resolver.js';
import { AlertsResolver } from './alerts.resolver.js';
import { FeaturesResolver } from './features.resolver.js';
import { ImpactResolver } from './impact.resolver.js';
import { NodeTagsResolver, TagsResolver } from './tags.resolver.js';
import { ReportsResolver } from './reports.resolver.js';
import { FeatureServicesResolver } from './feature-services.resolver.js';
import { CurationResolver, NodeCurationResolver } from './curation.resolver.js';
import { PluginsResolver } from './plugins.resolver.js';

let schema: Promise<GraphQLSchema> | undefined;

/** The executable schema (built once per process; type-graphql metadata is global). */
export function loomSchema(): Promise<GraphQLSchema> {
  schema ??= buildSchema({ resolvers: [NodeResolver, EdgeResolver, LineageResolver, LineageCutResolver, EventsResolver, ...REGISTRY_RESOLVERS, TracesResolver, MetricsResolver, GpuResolver, TrainingResolver, KeysResolver, AlertsResolver, FeaturesResolver, ImpactResolver, TagsResolver, NodeTagsResolver, CurationResolver, NodeCurationResolver, ReportsResolver, FeatureServicesResolver, PluginsResolver], orphanedTypes: [GraphNode], validate: false });
  return schema;
}
