import { describe, expect, it } from 'vitest';
import type { EdgeInput } from '../model.js';
import { JobHistory, type JobEdgeKind } from './job-edges.js';

const T = (h: number) => `2026-03-01T${String(h).padStart(2, '0')}:00:00.000Z`;
interface V { id: string; first: number; last: number; inputs: string[]; outputs: string[] }
const v = (id: string, first: number, last: number, inputs: string[], outputs: string[] = ['out']): V => ({ id, first, last, inputs, outputs });
function jobEdges(jobId: string, versions: V[], seen: { kind: JobEdgeKind; dataset: string; validFrom: string }[]): EdgeInput[] {
  const h = new JobHistory(jobId);
  for (const x of versions) h.addVersion(x.id, T(x.first), T(x.last), x.inputs, x.outputs);
  for (const e of seen) h.addEdge(e.kind, e.dataset, e.validFrom);
  return h.edges();
}
const byDataset = (edges: EdgeInput[]) =>
  Object.fromEntries(edges.map((e) => [`${e.kind} ${e.kind === 'INPUT_TO' ? e.from : e.to}`, [e.validFrom, e.validTo]]));

describe('job-level edge validity from the job history', () => {
  it('ends an input at the first version seen after its last use', () => {
    const edges = byDataset(jobEdges('job', [v('v1', 1, 3, ['a', 'b']), v('v2', 5, 9, ['a'])], []));
    expect(edges).toEqual({
      'INPUT_TO a': [T(1), null],
      'INPUT_TO b': [T(1), T(5)],
      'OUTPUT out': [T(1), null],
    });
  });

  it('keeps a dataset read, dropped and read again current (from its first use)', () => {
    // v1 (a, b) at 1, v2 (a) at 2, v1 again at 3: the version node keeps first 1, last 3.
    const edges = byDataset(jobEdges('job', [v('v1', 1, 3, ['a', 'b']), v('v2', 2, 2, ['a'])], []));
    expect(edges['INPUT_TO b']).toEqual([T(1), null]);
  });

  it('is a function of the history, not of the order it is given in', () => {
    const history = [v('v1', 1, 4, ['a', 'b']), v('v2', 2, 6, ['b', 'c'], ['out', 'side']), v('v3', 7, 8, ['c'])];
    const seen = [{ kind: 'INPUT_TO' as const, dataset: 'z', validFrom: T(0) }];
    const expected = jobEdges('job', history, seen);
    expect(jobEdges('job', [...history].reverse(), seen)).toEqual(expected);
    expect(jobEdges('job', [history[1], history[2], history[0]], seen)).toEqual(expected);
    expect(byDataset(expected)).toEqual({
      'INPUT_TO a': [T(1), T(6)],
      'INPUT_TO b': [T(1), T(7)],
      'INPUT_TO c': [T(2), null],
      'INPUT_TO z': [T(0), T(1)],
      'OUTPUT out': [T(1), null],
      'OUTPUT side': [T(2), T(7)],
    });
  });

  it('keeps edges that only non-terminal events named current until a version is seen after them', () => {
    expect(byDataset(jobEdges('job', [], [{ kind: 'INPUT_TO', dataset: 'a', validFrom: T(3) }]))).toEqual({ 'INPUT_TO a': [T(3), null] });
    expect(byDataset(jobEdges('job', [v('v1', 1, 2, ['b'])], [{ kind: 'INPUT_TO', dataset: 'a', validFrom: T(3) }]))['INPUT_TO a']).toEqual([T(3), null]);
  });

  it('writes inputs as dataset -> job and outputs as job -> dataset', () => {
    const edges = jobEdges('job:ns:j', [v('v1', 1, 1, ['dataset:ns:in'], ['dataset:ns:out'])], []);
    expect(edges.map(({ kind, from, to }) => ({ kind, from, to }))).toEqual([
      { kind: 'INPUT_TO', from: 'dataset:ns:in', to: 'job:ns:j' },
      { kind: 'OUTPUT', from: 'job:ns:j', to: 'dataset:ns:out' },
    ]);
  });
});

describe('JobHistory bookkeeping', () => {
  it('folds the same observation split over versions seen one event at a time', () => {
    const whole = new JobHistory('job');
    whole.addVersion('v1', T(1), T(5), ['a'], ['out']);
    const split = new JobHistory('job');
    for (const t of [5, 1, 3]) split.addVersion('v1', T(t), T(t), ['a'], ['out']);
    expect(split.edges()).toEqual(whole.edges());
  });

  it('reports only the edges whose validity differs from what is stored', () => {
    const h = new JobHistory('job');
    h.addVersion('v1', T(1), T(1), ['a', 'b'], ['out']);
    const first = h.changedEdges();
    expect(first).toHaveLength(3);
    h.markStored(first);
    expect(h.changedEdges()).toEqual([]);
    h.addVersion('v2', T(2), T(2), ['a'], ['out']);
    expect(h.changedEdges()).toEqual([{ kind: 'INPUT_TO', from: 'b', to: 'job', validFrom: T(1), validTo: T(2) }]);
  });
});
