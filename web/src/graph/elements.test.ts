import { describe, expect, it } from 'vitest';
import { BULK_CLASS, BULK_EDGES_ABOVE, LABEL_MAX_CHARS, edgeId, fieldLabel, shortLabel, toElements, type LineageData } from './elements.js';

const raw = { id: 'dataset:pg:raw.customers', kind: 'Dataset', namespace: 'pg', name: 'raw.customers' };
const clean = { id: 'job:etl:clean_customers', kind: 'Job', namespace: 'etl', name: 'clean_customers' };
const table = { id: 'dataset:pg:analytics.customers_clean', kind: 'Dataset', namespace: 'pg', name: 'analytics.customers_clean' };

const lineage: LineageData = {
  root: table,
  nodes: [
    { node: clean, distance: 1 },
    { node: raw, distance: 2 },
  ],
  edges: [
    { kind: 'INPUT_TO', from: raw.id, to: clean.id },
    { kind: 'OUTPUT', from: clean.id, to: table.id },
  ],
};

describe('toElements', () => {
  it('uses node ids as element ids and `${kind}:${from}->${to}` as edge ids', () => {
    const { nodes, edges } = toElements(lineage);
    expect(nodes.map((n) => n.data.id)).toEqual([table.id, clean.id, raw.id]);
    expect(edges.map((e) => e.data.id)).toEqual([
      'INPUT_TO:dataset:pg:raw.customers->job:etl:clean_customers',
      'OUTPUT:job:etl:clean_customers->dataset:pg:analytics.customers_clean',
    ]);
    expect(edgeId({ kind: 'OUTPUT', from: 'a', to: 'b' })).toBe('OUTPUT:a->b');
  });

  it('gives the same elements in the same order whatever order the server used', () => {
    const shuffled = { ...lineage, nodes: [...lineage.nodes].reverse(), edges: [...lineage.edges].reverse() };
    expect(toElements(shuffled)).toEqual(toElements(lineage));
  });

  it('labels nodes with their name and sets classes per kind, root marked', () => {
    const { nodes, edges } = toElements(lineage);
    expect(nodes[0]).toEqual({
      group: 'nodes',
      data: { id: table.id, label: 'analytics.customers_clean', name: 'analytics.customers_clean', kind: 'Dataset', namespace: 'pg', distance: 0, color: '#2563eb', shape: 'barrel' },
      classes: 'kind-Dataset root',
    });
    expect(nodes[1].classes).toBe('kind-Job');
    expect(edges[0]).toMatchObject({ data: { source: raw.id, target: clean.id, kind: 'INPUT_TO' }, classes: 'edge-INPUT_TO' });
  });

  it('dedupes nodes (keeping the shortest distance) and edges, and skips the root if listed again', () => {
    const { nodes, edges } = toElements({
      ...lineage,
      nodes: [{ node: table, distance: 0 }, { node: raw, distance: 3 }, ...lineage.nodes],
      edges: [...lineage.edges, ...lineage.edges],
    });
    expect(nodes.map((n) => [n.data.id, n.data.distance])).toEqual([[table.id, 0], [clean.id, 1], [raw.id, 2]]);
    expect(edges).toHaveLength(2);
  });

  it('drops edges whose ends are not in the result (Cytoscape would throw)', () => {
    const { edges } = toElements({ ...lineage, edges: [...lineage.edges, { kind: 'OUTPUT', from: clean.id, to: 'dataset:pg:gone' }] });
    expect(edges.map((e) => e.data.target)).not.toContain('dataset:pg:gone');
  });

  it('handles a lone root', () => {
    expect(toElements({ root: raw, nodes: [], edges: [] })).toEqual({
      nodes: [expect.objectContaining({ data: expect.objectContaining({ id: raw.id }) })],
      edges: [],
    });
  });
});

describe('shortLabel', () => {
  it('keeps short names and cuts long ones with an ellipsis, the full name staying in data.name', () => {
    expect(shortLabel('orders')).toBe('orders');
    const long = 'warehouse.analytics.customer_lifetime_value_daily';
    expect(shortLabel(long)).toHaveLength(LABEL_MAX_CHARS);
    expect(shortLabel(long).endsWith('…')).toBe(true);
    const { nodes } = toElements({ root: { id: 'd', kind: 'Dataset', namespace: 'ns', name: long }, nodes: [], edges: [] });
    expect(nodes[0].data).toMatchObject({ label: shortLabel(long), name: long });
  });
});

describe('fieldLabel', () => {
  it('puts the column first and names its table', () => {
    expect(fieldLabel('analytics.customers_clean#email_hash')).toBe('email_hash · customers_clean');
    expect(fieldLabel('s3://lake/raw/events#ts')).toBe('ts · events');
    expect(fieldLabel('no_hash')).toBe('no_hash');
    expect(shortLabel('analytics.customers#email', 'Field')).toBe('email · customers');
  });
});

describe('bulk edges', () => {
  it('marks edges of big graphs as bulk (plain lines), not those of small ones', () => {
    const many = Array.from({ length: BULK_EDGES_ABOVE + 1 }, (_, i) => ({ node: { id: `d${i}`, kind: 'Dataset', namespace: 'ns', name: `d${i}` }, distance: 1 }));
    const big = toElements({ root: { id: 'r', kind: 'Job', namespace: 'ns', name: 'r' }, nodes: many, edges: [{ kind: 'OUTPUT', from: 'r', to: 'd0' }] });
    expect(big.edges[0].classes).toBe(`edge-OUTPUT ${BULK_CLASS}`);
    expect(toElements(lineage).edges[0].classes).toBe('edge-INPUT_TO');
  });
});
