import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import { openEngine } from './engine.js';
import { packRows, rowsStatement, runRows } from './packed.js';
import { KuzuGraphStore } from './KuzuGraphStore.js';

const dir = mkdtempSync(path.join(tmpdir(), 'loom-packed-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** Deterministic odd strings: empty, the mark, NUL, quotes, newlines, non-BMP characters, long text; `separators` adds RS/US. */
function oddString(seed: number, separators: boolean): string {
  const parts = ['', '~', '~~', '\u0000', "'", '"', '\\', '\n', ',', 'é', '🚀', 'x'.repeat(3000), 'plain', ' ', '\u0001', '\u007f'];
  if (separators) parts.push('\u001e', '\u001f');
  let s = '';
  for (let n = seed % 4, x = seed; n > 0; n--, x = (x * 1103515245 + 12345) >>> 0) s += parts[x % parts.length];
  return s;
}

describe('packed rows', () => {
  it('hands every row and field to the statement as given: empty fields, the mark, NUL, unicode; rows with a separator go as a list', async () => {
    const engine = openEngine(path.join(dir, 'rows.kuzu'), 64 * 1024 * 1024);
    try {
      const conn = engine.connect();
      const columns = ['a', 'b', 'c', 'd'];
      const stmt = rowsStatement(columns, 'RETURN a, b, c, d');
      for (const separators of [false, true]) {
        const rows = Array.from({ length: 300 }, (_, i) => columns.map((_, j) => oddString(i * 7 + j * 131, separators)));
        // One row of empty fields only, and one with a field that is only the mark.
        rows.push(['', '', '', ''], ['~', '', '~', '']);
        expect(packRows(rows) === null).toBe(separators && rows.some((r) => r.some((v) => /[\u001e\u001f]/.test(v))));
        const back = (await runRows(conn, stmt, rows)).map((r) => columns.map((c) => r[c]));
        const sort = (xs: unknown[][]) => xs.map((x) => JSON.stringify(x)).sort();
        expect(sort(back)).toEqual(sort(rows));
      }
    } finally {
      await engine.close();
    }
  });

  it('writes and rewrites nodes and edges with odd strings through every bulk form of the store', async () => {
    // nodesPerBulkUpdateRow 1: every write of more than 64 stored nodes (edges) updates them in one statement.
    const store = await KuzuGraphStore.open({ path: path.join(dir, 'store.kuzu'), bufferPoolBytes: 128 * 1024 * 1024, nodesPerBulkUpdateRow: 1 });
    try {
      await store.init();
      for (const separators of [false, true]) {
        const tenant = separators ? 'with-separators' : 'packable';
        const ids = Array.from({ length: 80 }, (_, i) => `dataset:${oddString(i, separators)}:${i}`);
        const node = (id: string, i: number, round: number) => ({
          id, kind: 'Dataset' as const, namespace: oddString(i + 1, separators), name: oddString(i + 2, separators),
          props: { note: oddString(i + round, separators), round }, at: `2026-01-0${round}T00:00:00.000Z`,
        });
        const edge = (i: number, round: number) => ({
          kind: 'INPUT_TO' as const, from: ids[i], to: ids[(i + 1) % ids.length], props: { how: oddString(i * 3 + round, separators) },
          validFrom: '2026-01-01T00:00:00.000Z', validTo: round === 2 && i % 2 ? '2026-01-02T00:00:00.000Z' : null,
        });
        // Round 1 creates (CREATE_NODES, CREATE_EDGES); round 2 rewrites props and ends half the edges (bulk updates).
        for (const round of [1, 2]) {
          await store.write(tenant, { nodes: ids.map((id, i) => node(id, i, round)), edges: ids.map((_, i) => edge(i, round)) });
          const nodes = await store.getNodes(tenant, ids);
          expect(nodes.map((n) => n && { id: n.id, namespace: n.namespace, name: n.name, props: n.props, updatedAt: n.updatedAt }))
            .toEqual(ids.map((id, i) => { const n = node(id, i, round); return { id, namespace: n.namespace, name: n.name, props: n.props, updatedAt: n.at }; }));
          for (const i of [0, 1, 41, 79]) {
            const page = await store.neighbours(tenant, ids[i], { direction: 'BOTH', limit: 10, offset: 0, includeEnded: true });
            const e = edge(i, round);
            expect(page.items.filter((x) => x.edge.from === ids[i]).map((x) => ({ to: x.edge.to, props: x.edge.props, validTo: x.edge.validTo })))
              .toEqual([{ to: e.to, props: e.props, validTo: e.validTo }]);
          }
        }
      }
    } finally {
      await store.close();
    }
  });
});
