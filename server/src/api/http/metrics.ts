import { Counter, Histogram, Registry, collectDefaultMetrics } from 'prom-client';

/** Prometheus metrics for one server instance (own registry: tests start several servers per process). */
export function createMetrics() {
  const registry = new Registry();
  collectDefaultMetrics({ register: registry, prefix: 'loom_' });
  return {
    registry,
    httpDuration: new Histogram({
      name: 'loom_http_request_duration_seconds', help: 'HTTP request duration', labelNames: ['method', 'route', 'status'],
      buckets: [0.001, 0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 10], registers: [registry],
    }),
    ingestedEvents: new Counter({
      name: 'loom_openlineage_events_total', help: 'OpenLineage events by outcome', labelNames: ['kind', 'outcome'], registers: [registry],
    }),
  };
}
export type Metrics = ReturnType<typeof createMetrics>;
