import { describe, expect, it } from 'vitest';
import type { GraphNode, NodeKind } from '../model.js';
import { filterRuns } from './run-filter.js';

const run = (runId: string, props: Record<string, unknown>, kind: NodeKind = 'Run'): GraphNode => ({
  id: `run:${runId}`, kind, namespace: 'registry', name: runId, props: { runId, ...props }, createdAt: '2026-01-01T00:00:00Z', updatedAt: '2026-01-01T00:00:00Z', validTo: null,
});

const A = run('a', { experiment: 'churn', runName: 'baseline', 'at.START': '2026-03-01T00:00:00Z', 'at.COMPLETE': '2026-03-01T01:00:00Z' });
const B = run('b', { experiment: 'churn', runName: 'Deeper Trees', 'at.START': '2026-03-02T00:00:00Z' });
const C = run('c', { experiment: 'fraud', 'at.START': '2026-03-03T00:00:00Z', 'at.FAIL': '2026-03-03T00:10:00Z' });
const D = run('d', {});
const ALL = [D, A, C, B, run('x', {}, 'Job')];
const ids = (ns: GraphNode[]) => ns.map((n) => n.props.runId);

describe('filterRuns', () => {
  it('keeps runs only, newest start first, never-started last', () => {
    expect(ids(filterRuns(ALL, {}))).toEqual(['c', 'b', 'a', 'd']);
  });
  it('filters by experiment, status and text together', () => {
    expect(ids(filterRuns(ALL, { experiment: 'churn' }))).toEqual(['b', 'a']);
    expect(ids(filterRuns(ALL, { statuses: ['COMPLETED', 'FAILED'] }))).toEqual(['c', 'a']);
    expect(ids(filterRuns(ALL, { statuses: ['NEW'] }))).toEqual(['d']);
    expect(ids(filterRuns(ALL, { text: '  deeper ' }))).toEqual(['b']);
    expect(ids(filterRuns(ALL, { text: 'FRAUD' }))).toEqual(['c']);
    expect(ids(filterRuns(ALL, { experiment: 'churn', statuses: ['RUNNING'], text: 'tree' }))).toEqual(['b']);
    expect(ids(filterRuns(ALL, { experiment: 'churn', statuses: ['FAILED'] }))).toEqual([]);
  });
});
