import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { ok } from './registry.testkit.js';

const NEIGHBOURS = `query ($id: ID!, $first: Int!, $offset: Int!, $lineageOnly: Boolean!) {
  node(id: $id) { ... on GraphNode { neighbours(direction: DOWNSTREAM, first: $first, offset: $offset, lineageOnly: $lineageOnly) { total items { node { id } edge { kind from to } } } } }
}`;

describe('GraphNode.neighbours', () => {
  let loom: TestLoom;
  const ds = 'dataset:e2e:hub';
  beforeAll(async () => {
    loom = await startTestLoom();
    const at = '2026-03-01T00:00:00.000Z';
    await loom.services.graph.write('demo', {
      nodes: [
        { id: ds, kind: 'Dataset', namespace: 'e2e', name: 'hub', at },
        { id: `field:e2e:hub#id`, kind: 'Field', namespace: 'e2e', name: 'hub#id', at },
        ...[1, 2, 3].map((i) => ({ id: `job:e2e:j${i}`, kind: 'Job' as const, namespace: 'e2e', name: `j${i}`, at })),
      ],
      edges: [
        { kind: 'HAS_FIELD', from: ds, to: 'field:e2e:hub#id', validFrom: at },
        ...[1, 2, 3].map((i) => ({ kind: 'INPUT_TO' as const, from: ds, to: `job:e2e:j${i}`, validFrom: at })),
      ],
    });
  });
  afterAll(() => loom?.close());

  it('pages data-flow neighbours only when asked (one-hop expansion), with the total across pages', async () => {
    const all = await ok(loom, NEIGHBOURS, { id: ds, first: 10, offset: 0, lineageOnly: false });
    expect(all.node.neighbours.total).toBe(4);
    expect(all.node.neighbours.items.map((i: { edge: { kind: string } }) => i.edge.kind)).toContain('HAS_FIELD');

    const page1 = await ok(loom, NEIGHBOURS, { id: ds, first: 2, offset: 0, lineageOnly: true });
    const page2 = await ok(loom, NEIGHBOURS, { id: ds, first: 2, offset: 2, lineageOnly: true });
    expect(page1.node.neighbours.total).toBe(3);
    const ids = [...page1.node.neighbours.items, ...page2.node.neighbours.items].map((i: { node: { id: string } }) => i.node.id);
    expect(ids.sort()).toEqual(['job:e2e:j1', 'job:e2e:j2', 'job:e2e:j3']);
  });
});
