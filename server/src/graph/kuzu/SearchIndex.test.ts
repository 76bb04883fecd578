import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { describe, expect, it } from 'vitest';
import { SearchIndex } from './SearchIndex.js';

/** The ids the index answers, best first. */
const ids = (index: SearchIndex, tenant: string, text: string, kinds: string[] | null, limit: number) => index.heads(tenant, text, kinds, limit).map((h) => h.id);

interface Node { id: string; name: string; kind: string; alive: boolean; namespace?: string }

const SECONDARY = ['Field', 'DatasetVersion', 'JobVersion', 'Namespace', 'Run'];

/** The graph search's definition (the Kuzu and Neo4j queries): lower(name) or lower(id) contains lower(text), then its ORDER BY. */
function reference(nodes: Iterable<Node>, text: string, kinds: string[] | null, limit: number): string[] {
  const q = text.toLowerCase();
  const rank = (n: Node) => [n.name.toLowerCase() === q ? 0 : 1, SECONDARY.includes(n.kind) ? 1 : 0, n.name.length] as const;
  return [...nodes]
    .filter((n) => n.alive && (!kinds || kinds.includes(n.kind)) && (n.name.toLowerCase().includes(q) || n.id.toLowerCase().includes(q)))
    .sort((a, b) => {
      const [x, y] = [rank(a), rank(b)];
      for (let i = 0; i < 3; i++) if (x[i] !== y[i]) return x[i] - y[i];
      return a.id < b.id ? -1 : a.id > b.id ? 1 : 0;
    })
    .slice(0, limit)
    .map((n) => n.id);
}

/** A small deterministic generator (the same nodes every run). */
function random(seed: number) {
  let s = seed >>> 0;
  return (n: number) => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return s % n;
  };
}

describe('SearchIndex', () => {
  it('matches the graph search on thousands of nodes across chunks: substring of name or id in any case, rank, kinds, liveness', () => {
    const r = random(7);
    const words = ['orders', 'Orders', 'CLICKS', 'users', 'ord', 'x', 'raw_Events', 'dim', 'ü', 'ÜBER', 'a.b'];
    const kinds = ['Dataset', 'Job', 'Run', 'Field', 'Model'];
    const nodes = new Map<string, Node>();
    const index = new SearchIndex();
    for (let i = 0; i < 10_000; i++) {
      const name = `${words[r(words.length)]}${r(3) ? '_' + words[r(words.length)] : ''}${r(50)}`;
      // Most ids hold the name (dataset:ns:name); some do not (runs by uuid-like ids); some differ only in case.
      const shape = r(4);
      const id = shape === 0 ? `run:${i.toString(36)}-${r(1000)}` : shape === 1 ? `dataset:NS:${name.toUpperCase()}:${i}` : `dataset:ns${r(5)}:${name}:${i}`;
      const n: Node = { id, name, kind: kinds[r(kinds.length)], alive: r(10) > 0, namespace: `ns${r(5)}` };
      nodes.set(id, n);
      index.put('t', n.id, n.name, n.namespace!, n.kind, n.alive);
    }
    // Kind changes and drops after creation, as later writes make them; one node comes back.
    const stored = [...nodes.keys()];
    for (let i = 0; i < 500; i++) {
      const n = nodes.get(stored[r(stored.length)])!;
      n.kind = kinds[r(kinds.length)];
      n.alive = r(2) === 0;
      index.put('t', n.id, 'ignored: names never change', 'ignored too', n.kind, n.alive);
    }
    for (const text of ['orders', 'ORD', 'clicks_users', 'ü', 'über', 'x1', 'a.b', '.', 'ns:', 'zzz', '', 'run:', 'dataset:ns:users']) {
      for (const k of [null, ['Dataset'], ['Run', 'Field']]) {
        for (const limit of [1, 7, 200]) {
          const want = reference(nodes.values(), text, k, limit);
          // The heads answered: each node's kind as last written, name and namespace as first written.
          expect(index.heads('t', text, k, limit), `${JSON.stringify(text)} ${k} ${limit}`).toEqual(want.map((id) => {
            const n = nodes.get(id)!;
            return { id, kind: n.kind, namespace: n.namespace, name: n.name, validTo: null };
          }));
        }
      }
    }
  });

  it('keeps no Trace nodes, and hides a node whose kind became Trace', () => {
    const index = new SearchIndex();
    index.put('t', 'trace:ab', 'GET /orders', 'svc', 'Trace', true, true);
    index.put('t', 'dataset:ns:orders', 'orders', 'ns', 'Dataset', true, true);
    expect([index.size, ids(index, 't', 'orders', null, 10)]).toEqual([1, ['dataset:ns:orders']]);
    index.put('t', 'dataset:ns:orders', 'orders', 'ns', 'Trace', true);
    expect(ids(index, 't', 'orders', null, 10)).toEqual([]);
  });

  it('keeps tenants apart', () => {
    const index = new SearchIndex();
    index.put('a', 'dataset:ns:orders', 'orders', 'ns', 'Dataset', true);
    index.put('b', 'dataset:ns:orders_b', 'orders_b', 'ns', 'Dataset', true);
    expect(ids(index, 'a', 'orders', null, 10)).toEqual(['dataset:ns:orders']);
    expect(ids(index, 'b', 'orders', null, 10)).toEqual(['dataset:ns:orders_b']);
    expect(ids(index, 'c', '', null, 10)).toEqual([]);
  });

  it('finds ids and names holding line breaks or its separator, and no match spans two entries or an id and its name', () => {
    const index = new SearchIndex();
    const odd: Node[] = [
      { id: 'dataset:ns:two\nlines', name: 'two\nlines', kind: 'Dataset', alive: true },
      { id: 'job:ns:sep\u0001x', name: 'sep\u0001x', kind: 'Job', alive: true },
    ];
    const plain: Node[] = [
      { id: 'run:abc', name: 'endsWithA', kind: 'Run', alive: true },
      { id: 'run:def', name: 'Bstarts', kind: 'Run', alive: true },
    ];
    for (const n of [...plain, ...odd]) index.put('t', n.id, n.name, 'ns', n.kind, n.alive);
    const all = [...plain, ...odd];
    for (const text of ['two\nlines', 'LINES', 'sep\u0001', 'x', 'abc\nrun', 'abc\u0001endswith', 'a\nb', 'endswitha', '']) {
      expect(ids(index, 't', text, null, 10), JSON.stringify(text)).toEqual(reference(all, text, null, 10));
    }
  });

  it('loads a CSV file as the engine exports it, and applies the puts made meanwhile after it', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'loom-search-'));
    try {
      const file = path.join(d, 'nodes.csv');
      const q = (s: string) => (/[",\n\r]/.test(s) ? `"${s.replaceAll('"', '""')}"` : s);
      const rows: [string, string, string, string, string, string][] = [
        ['t', 'dataset:ns:plain', 'plain', 'ns', 'Dataset', ''],
        ['t', 'dataset:ns:with,comma', 'with,comma', 'ns', 'Dataset', ''],
        ['t', 'dataset:ns:with "quotes"', 'with "quotes"', 'ns', 'Dataset', ''],
        ['t', 'dataset:ns:two\nlines', 'two\nlines', 'ns', 'Dataset', ''],
        ['t', 'dataset:ns:rocket 🚀', 'rocket 🚀', 'postgres://db:5432, "main"', 'Dataset', ''],
        ['t', 'dataset:ns:gone', 'gone', 'ns', 'Dataset', '2026-01-01T00:00:00.000Z'],
        ['u', 'dataset:ns:plain', 'plain', 'other', 'Job', ''],
      ];
      // Long enough to cross the reader's 1 MB chunks.
      for (let i = 0; i < 30_000; i++) rows.push(['t', `field:ns:table_${i}.col,"${i}"`, `col,"${i}"`, `ns${i % 7}`, 'Field', '']);
      writeFileSync(file, rows.map((r) => r.map(q).join(',')).join('\n') + '\n');
      const index = new SearchIndex();
      const loading = index.load(file);
      index.put('t', 'dataset:ns:gone', 'gone', 'ns', 'Dataset', true); // came back, committed while the file was read
      index.put('t', 'dataset:ns:new', 'new', 'ns', 'Dataset', true);
      expect(await loading).toBe(rows.length);
      expect(index.size).toBe(rows.length + 1);
      expect(ids(index, 't', 'with', null, 10)).toEqual(['dataset:ns:with,comma', 'dataset:ns:with "quotes"']);
      expect(ids(index, 't', 'LINES', null, 10)).toEqual(['dataset:ns:two\nlines']);
      expect(ids(index, 't', '🚀', null, 10)).toEqual(['dataset:ns:rocket 🚀']);
      expect(ids(index, 't', 'gone', null, 10)).toEqual(['dataset:ns:gone']);
      expect(ids(index, 't', 'new', null, 10)).toEqual(['dataset:ns:new']);
      expect(ids(index, 't', 'col,"29999"', null, 10)).toEqual(['field:ns:table_29999.col,"29999"']);
      expect(ids(index, 'u', 'plain', ['Job'], 10)).toEqual(['dataset:ns:plain']);
      expect(ids(index, 't', 'plain', ['Job'], 10)).toEqual([]);
      // Heads: what the graph's search answers, from the file and from the puts alike.
      expect(index.heads('t', '🚀', null, 10)).toEqual([{ id: 'dataset:ns:rocket 🚀', kind: 'Dataset', namespace: 'postgres://db:5432, "main"', name: 'rocket 🚀', validTo: null }]);
      expect(index.heads('t', 'col,"29999"', null, 10)).toEqual([{ id: 'field:ns:table_29999.col,"29999"', kind: 'Field', namespace: 'ns4', name: 'col,"29999"', validTo: null }]);
      expect(index.heads('u', 'plain', null, 10)).toEqual([{ id: 'dataset:ns:plain', kind: 'Job', namespace: 'other', name: 'plain', validTo: null }]);
      expect(index.heads('t', 'new', null, 10)).toEqual([{ id: 'dataset:ns:new', kind: 'Dataset', namespace: 'ns', name: 'new', validTo: null }]);
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });
});
