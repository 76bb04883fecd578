import { describe, expect, it } from 'vitest';
import { loadConfig } from '../../config/config.js';
import { defineGraphStoreContract } from '../graphstore.contract.js';
import { Neo4jGraphStore } from './Neo4jGraphStore.js';

// The contract runs against a real Neo4j 5 (>= 5.21) only when one is configured, e.g.
// LOOM_NEO4J_URL=neo4j://localhost:7687 LOOM_NEO4J_PASSWORD=... npx vitest run server/src/graph/neo4j
describe.runIf(!!process.env.LOOM_NEO4J_URL)('Neo4jGraphStore against LOOM_NEO4J_URL', () => {
  defineGraphStoreContract('Neo4j', async () => {
    const graph = loadConfig({ ...process.env, LOOM_GRAPH: 'neo4j' }).graph;
    if (graph.engine !== 'neo4j') throw new Error('unreachable: LOOM_GRAPH=neo4j');
    return new Neo4jGraphStore(graph);
  });
});

describe('Neo4jGraphStore without a reachable server', () => {
  // Nothing listens on port 1: the driver fails with ServiceUnavailable, which must surface as UNAVAILABLE.
  const open = () => new Neo4jGraphStore({ url: 'bolt://127.0.0.1:1', user: 'neo4j', password: 'x', database: 'neo4j', maxRetryMs: 0 });

  it('reports UNAVAILABLE from ping, reads and writes', async () => {
    const store = open();
    try {
      await expect(store.ping()).rejects.toMatchObject({ name: 'LoomError', code: 'UNAVAILABLE' });
      await expect(store.getNodes('t', ['dataset:ns:x'])).rejects.toMatchObject({ code: 'UNAVAILABLE' });
      await expect(store.write('t', { nodes: [{ id: 'job:ns:j', kind: 'Job', namespace: 'ns', name: 'j' }], edges: [] }))
        .rejects.toMatchObject({ code: 'UNAVAILABLE' });
    } finally {
      await store.close();
    }
  });
});
