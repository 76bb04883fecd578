import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineGraphStoreContract } from '../graphstore.contract.js';
import { describe, expect, it } from 'vitest';
import { KuzuGraphStore, parseCsvColumn } from './KuzuGraphStore.js';

const dir = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-'));
defineGraphStoreContract('embedded (Kuzu)', () => KuzuGraphStore.open({ path: path.join(dir, 'graph.kuzu'), bufferPoolBytes: 256 * 1024 * 1024 }), async () => {
  rmSync(dir, { recursive: true, force: true });
});

describe('KuzuGraphStore key filter across restarts', () => {
  it('knows every stored key after reopening, whatever characters the keys hold', async () => {
    const d = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-keys-'));
    const open = () => KuzuGraphStore.open({ path: path.join(d, 'graph.kuzu'), bufferPoolBytes: 128 * 1024 * 1024 });
    const names = ['plain', 'with,comma', 'with "quotes"', 'two\nlines', "it's", 'ünï cødé', ' spaced '];
    const nodes = names.map((name) => ({ id: `dataset:ns:${name}`, kind: 'Dataset' as const, namespace: 'ns', name, props: { v: 1 } }));
    try {
      const first = await open();
      await first.init();
      await first.write('t', { nodes, edges: [] });
      await first.close();
      const again = await open();
      await again.init();
      // Each key is known: the write updates the stored nodes (a key thought absent would be CREATEd twice and fail).
      await again.write('t', { nodes: nodes.map((n) => ({ ...n, props: { v: 2 } })), edges: [] });
      const read = await again.getNodes('t', nodes.map((n) => n.id));
      expect(read.map((n) => n?.props.v)).toEqual(names.map(() => 2));
      await again.close();
    } finally {
      rmSync(d, { recursive: true, force: true });
    }
  });

  it('parses the key export: quoted fields, doubled quotes, line breaks', () => {
    expect(parseCsvColumn('a\n"b,c"\n"say ""hi"""\n"x\ny"\nlast')).toEqual(['a', 'b,c', 'say "hi"', 'x\ny', 'last']);
    expect(parseCsvColumn('')).toEqual([]);
  });
});
