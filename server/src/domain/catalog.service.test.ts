import { describe, expect, it } from 'vitest';
import { CatalogService } from './catalog.service.js';
import type { GraphStore, NeighbourQuery } from './ports/GraphStore.js';
import type { GraphNode, NodeKind } from './model.js';

/** Neighbours of one namespace and one job, in the port's order (edge kind, then node id), counting calls. */
function fakeStore(contained: GraphNode[], runs: GraphNode[]) {
  const calls: NeighbourQuery[] = [];
  const store = {
    async neighbours(_tenant: string, id: string, q: NeighbourQuery) {
      calls.push(q);
      const nodes = (id.startsWith('namespace:') ? contained : runs).slice().sort((a, b) => (a.id < b.id ? -1 : 1));
      const kind = q.edgeKinds![0];
      const items = nodes.slice(q.offset, q.offset + q.limit).map((node) => ({ node, edge: { kind, from: id, to: node.id, props: {}, validFrom: '', validTo: null } }));
      return { items, total: nodes.length };
    },
  } as unknown as GraphStore;
  return { catalog: new CatalogService(store), calls };
}

const node = (kind: NodeKind, id: string, createdAt = '2026-01-01T00:00:00.000Z'): GraphNode =>
  ({ id, kind, namespace: 'ns', name: id, props: {}, createdAt, updatedAt: createdAt, validTo: null });
const many = (n: number, make: (i: number) => GraphNode) => Array.from({ length: n }, (_, i) => make(i));
const pad = (i: number) => String(i).padStart(4, '0');

describe('catalog reads', () => {
  const contained = [
    ...many(300, (i) => node('Dataset', `dataset:ns:d${pad(i)}`)),
    ...many(150, (i) => node('Experiment', `experiment:ns:e${pad(i)}`)),
    ...many(250, (i) => node('Job', `job:ns:j${pad(i)}`)),
  ];

  it('pages one kind of a big namespace exactly, by binary search over the id order, with few reads', async () => {
    const { catalog, calls } = fakeStore(contained, []);
    const jobs = await catalog.contained('t', 'ns', 'job:', 10, 245);
    expect(jobs.total).toBe(250);
    expect(jobs.items.map((n) => n.id)).toEqual(['job:ns:j0245', 'job:ns:j0246', 'job:ns:j0247', 'job:ns:j0248', 'job:ns:j0249']);
    expect(calls.length).toBeLessThan(25);
    const datasets = await catalog.contained('t', 'ns', 'dataset:', 2, 0);
    expect(datasets.total).toBe(300);
    expect(datasets.items.map((n) => n.id)).toEqual(['dataset:ns:d0000', 'dataset:ns:d0001']);
    expect((await catalog.contained('t', 'ns', 'job:', 10, 400)).items).toEqual([]);
  });

  it('pages a small namespace from one read, without what was dropped', async () => {
    const small = contained.filter((_, i) => i % 10 === 0).map((n, i) => (i === 0 ? { ...n, validTo: '2026-02-01T00:00:00.000Z' } : n));
    const { catalog, calls } = fakeStore(small, []);
    const jobs = await catalog.contained('t', 'ns', 'job:', 100, 0);
    expect([jobs.total, calls.length]).toEqual([25, 1]);
    const datasets = await catalog.contained('t', 'ns', 'dataset:', 100, 0);
    expect([datasets.total, datasets.items[0].id]).toEqual([29, 'dataset:ns:d0010']);
  });
});
