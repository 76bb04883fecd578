import type { GraphStore } from '../domain/ports/GraphStore.js';
import type { Analytics } from '../domain/ports/Analytics.js';
import { TenancyService } from '../domain/tenancy/tenancy.service.js';
import { LineageService } from '../domain/lineage.service.js';
import { LineageIngestService } from '../domain/openlineage/lineage-ingest.service.js';

/** The domain services, built once by the composition root over the chosen adapters. */
export interface Services {
  graph: GraphStore;
  analytics: Analytics;
  tenancy: TenancyService;
  lineage: LineageService;
  lineageIngest: LineageIngestService;
}

export function createServices(graph: GraphStore, analytics: Analytics): Services {
  return {
    graph,
    analytics,
    tenancy: new TenancyService(graph),
    lineage: new LineageService(graph),
    lineageIngest: new LineageIngestService(graph),
  };
}
