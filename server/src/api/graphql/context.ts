import DataLoader from 'dataloader';
import type { Principal } from '../../domain/tenancy/tenancy.service.js';
import type { GraphNode } from '../../domain/model.js';
import type { Services } from '../../app/services.js';

export interface Context {
  principal: Principal;
  services: Services;
  loaders: { node: DataLoader<string, GraphNode | null> };
}

/** A fresh context (and fresh DataLoaders) for every request: no cache is shared between requests or tenants. */
export function createContext(principal: Principal, services: Services): Context {
  return {
    principal,
    services,
    loaders: {
      node: new DataLoader((ids) => services.lineage.getNodes(principal.tenant, ids), { maxBatchSize: 100 }),
    },
  };
}
