/**
 * The runs listing's filter and order, pure: status (derived from the run's event times), free text
 * (run id, run name, node name, experiment; case-insensitive), newest start first.
 */
import type { GraphNode } from '../model.js';
import { runState, type RunStateName } from '../openlineage/run-state.js';

export interface RunFilter { experiment?: string | null; statuses?: readonly RunStateName[] | null; text?: string | null }

const str = (v: unknown) => (typeof v === 'string' ? v : '');

function haystack(n: GraphNode): string {
  const p = n.props;
  return [str(p.runId), str(p.runName), n.name, n.id, str(p.experiment)].join('\u0000').toLowerCase();
}

/** Runs matching every given criterion, newest start first (never started last), then by id. */
export function filterRuns(nodes: readonly GraphNode[], filter: RunFilter): GraphNode[] {
  const text = filter.text?.trim().toLowerCase() ?? '';
  const statuses = filter.statuses?.length ? new Set(filter.statuses) : null;
  const rows = nodes
    .filter((n) => n.kind === 'Run')
    .filter((n) => !filter.experiment || n.props.experiment === filter.experiment)
    .map((n) => ({ n, s: runState(n.props) }))
    .filter(({ s }) => !statuses || statuses.has(s.state))
    .filter(({ n }) => !text || haystack(n).includes(text));
  rows.sort((a, b) => {
    const x = a.s.startedAt ?? '';
    const y = b.s.startedAt ?? '';
    if (x !== y) return x < y ? 1 : -1;
    return a.n.id < b.n.id ? -1 : a.n.id > b.n.id ? 1 : 0;
  });
  return rows.map((r) => r.n);
}
