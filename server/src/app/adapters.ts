import type { Config } from '../config/config.js';
import type { GraphStore } from '../domain/ports/GraphStore.js';
import type { Analytics } from '../domain/ports/Analytics.js';
import { KuzuGraphStore } from '../graph/kuzu/KuzuGraphStore.js';
import { Neo4jGraphStore } from '../graph/neo4j/Neo4jGraphStore.js';
import { openAnalytics } from '../analytics/ClickHouseAnalytics.js';

/** The only place that chooses adapters. */
export async function openGraph(cfg: Config['graph']): Promise<GraphStore> {
  const store = cfg.engine === 'neo4j'
    ? new Neo4jGraphStore({ url: cfg.url, user: cfg.user, password: cfg.password, database: cfg.database })
    : await KuzuGraphStore.open({ path: cfg.path, bufferPoolBytes: cfg.bufferPoolBytes });
  await store.init();
  return store;
}

export async function openAnalyticsStore(cfg: Config['analytics']): Promise<Analytics> {
  const analytics = await openAnalytics(cfg);
  await analytics.migrate();
  return analytics;
}
