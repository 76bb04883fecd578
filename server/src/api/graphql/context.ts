import DataLoader from 'dataloader';
import type { Principal } from '../../domain/tenancy/tenancy.service.js';
import { readableBy, type EdgeHead, type GraphEdge, type GraphNode } from '../../domain/model.js';
import type { Services } from '../../app/services.js';

export interface Context {
  principal: Principal;
  services: Services;
  loaders: { node: DataLoader<string, GraphNode | null>; edge: DataLoader<EdgeHead, GraphEdge | null, string> };
}

/** A fresh context (and fresh DataLoaders) for every request: no cache is shared between requests or tenants. */
export function createContext(principal: Principal, services: Services): Context {
  return {
    principal,
    services,
    loaders: {
      node: new DataLoader(async (ids) => (await services.lineage.getNodes(principal.tenant, ids)).map((n) => (n && readableBy(principal.role, n.kind) ? n : null)), { maxBatchSize: 100 }),
      edge: new DataLoader((heads) => Promise.all(heads.map((h) => services.lineage.edge(principal.tenant, h))), { cacheKeyFn: (h) => `${h.kind}|${h.from}|${h.to}` }),
    },
  };
}
