/**
 * Data quality upstream of a training run: the dataset versions the run read (READ_BY), and, up to
 * `depth` hops back, the versions read by the runs that wrote those (WROTE). A result fails when a
 * `dataQualityAssertions` facet on the version (or on an unversioned dataset) has an assertion
 * with `success: false`; the newest facet per dataset version counts (props merge by event time).
 */
import type { GraphStore } from '../ports/GraphStore.js';
import type { GraphNode } from '../model.js';

const MAX_VISITED = 1000;
const FAN_OUT = 500;

interface Assertion { assertion?: unknown; success?: unknown; column?: unknown }

/** Failing assertions of one dataset (version) node, as readable strings. */
export function failingAssertions(node: GraphNode): string[] {
  const out: string[] = [];
  for (const key of ['quality.dataQualityAssertions', 'facets.dataQualityAssertions']) {
    const assertions = (node.props[key] as { assertions?: unknown } | undefined)?.assertions;
    if (!Array.isArray(assertions)) continue;
    for (const a of assertions as Assertion[]) {
      if (a?.success !== false) continue;
      const col = typeof a.column === 'string' && a.column ? ` on column ${a.column}` : '';
      out.push(`${node.id}: assertion ${String(a.assertion ?? '(unnamed)')}${col} failed`);
    }
  }
  return [...new Set(out)];
}

export async function upstreamQuality(graph: GraphStore, tenant: string, runNodeId: string, depth: number): Promise<{ checked: number; failures: string[] }> {
  const seenRuns = new Set([runNodeId]);
  const seenData = new Set<string>();
  const failures: string[] = [];
  let frontier = [runNodeId];
  for (let d = 0; d < depth && frontier.length && seenData.size < MAX_VISITED; d++) {
    const next: string[] = [];
    for (const run of frontier) {
      const inputs = await graph.neighbours(tenant, run, { direction: 'UPSTREAM', edgeKinds: ['READ_BY'], limit: FAN_OUT, offset: 0 });
      for (const { node } of inputs.items) {
        if (seenData.has(node.id)) continue;
        seenData.add(node.id);
        failures.push(...failingAssertions(node));
        if (d + 1 >= depth) continue;
        const writers = await graph.neighbours(tenant, node.id, { direction: 'UPSTREAM', edgeKinds: ['WROTE'], limit: FAN_OUT, offset: 0 });
        for (const w of writers.items) if (!seenRuns.has(w.node.id)) { seenRuns.add(w.node.id); next.push(w.node.id); }
      }
    }
    frontier = next;
  }
  return { checked: seenData.size, failures };
}
