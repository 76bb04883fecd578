/**
 * Which runs ran in which pods (schema/clickhouse/012_run_pods.sql): a run's placement read backwards,
 * so a GPU's series, labelled with the namespace and pod that used it, lead to the runs. A run's own
 * placement stays on its node (gpu-placement.ts); this is its index by pod.
 */
import type { Analytics } from '../ports/Analytics.js';
import { facetPlacement } from './gpu-placement.js';

export interface RunPodsOf { runId: string; namespace: string; pods: string[] }
export interface RunPod { runId: string; namespace: string; pod: string }

/** How many `run in pod` rows a process remembers writing (an event of the same run again adds none). */
const REMEMBERED = 50_000;

/** Where an OpenLineage event says its run ran: its `k8s` or `kubernetes` run facet; null when it does not. */
export function eventRunPods(body: unknown): Omit<RunPodsOf, 'runId'> | null {
  const facets = (body as { run?: { facets?: Record<string, unknown> | null } | null } | null)?.run?.facets;
  if (!facets || typeof facets !== 'object') return null;
  return facetPlacement(facets.k8s) ?? facetPlacement(facets.kubernetes);
}

export class RunPods {
  readonly #written = new Set<string>();

  /** `archived`: resolves once the OpenLineage events answered for the tenant are archived (their pods with them); reads wait for it. */
  constructor(private readonly analytics: Analytics, private readonly archived: (tenant: string) => Promise<void> = () => Promise.resolve()) {}

  /** Stores where these runs ran (what this process stored already is skipped); resolves once stored. */
  async record(tenant: string, runs: readonly RunPodsOf[], at = new Date().toISOString()): Promise<void> {
    const rows = new Map<string, { tenant_id: string; namespace: string; pod: string; run_id: string; seen_at: string }>();
    for (const r of runs) {
      for (const pod of r.pods) {
        const key = `${tenant}\u0000${r.namespace}\u0000${pod}\u0000${r.runId}`;
        if (r.runId && !this.#written.has(key)) rows.set(key, { tenant_id: tenant, namespace: r.namespace, pod, run_id: r.runId, seen_at: at });
      }
    }
    if (!rows.size) return;
    await this.analytics.insert('run_pods', [...rows.values()]);
    for (const key of rows.keys()) {
      this.#written.add(key);
      if (this.#written.size > REMEMBERED) this.#written.delete(this.#written.values().next().value!);
    }
  }

  /** The runs that ran in any of `pods` (`namespace/pod`), each pod's in run id order. */
  async runsIn(tenant: string, pods: readonly string[]): Promise<RunPod[]> {
    const pairs = pods.map((p) => ({ namespace: p.slice(0, p.indexOf('/')), pod: p.slice(p.indexOf('/') + 1) })).filter((p) => p.namespace && p.pod);
    if (!pairs.length) return [];
    await this.archived(tenant);
    const rows = await this.analytics.query<{ namespace: string; pod: string; run_id: string }>(tenant, `SELECT DISTINCT namespace, pod, run_id FROM run_pods
WHERE tenant_id = {tenant:String} AND namespace IN {namespaces:Array(String)} AND pod IN {pods:Array(String)}
ORDER BY namespace, pod, run_id`, { namespaces: [...new Set(pairs.map((p) => p.namespace))], pods: [...new Set(pairs.map((p) => p.pod))] });
    const wanted = new Set(pods);
    return rows.filter((r) => wanted.has(`${r.namespace}/${r.pod}`)).map((r) => ({ runId: r.run_id, namespace: r.namespace, pod: r.pod }));
  }
}
