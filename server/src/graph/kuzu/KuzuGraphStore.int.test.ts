import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { defineGraphStoreContract } from '../graphstore.contract.js';
import { KuzuGraphStore } from './KuzuGraphStore.js';

const dir = mkdtempSync(path.join(tmpdir(), 'loom-kuzu-'));
defineGraphStoreContract('embedded (Kuzu)', () => KuzuGraphStore.open({ path: path.join(dir, 'graph.kuzu'), bufferPoolBytes: 256 * 1024 * 1024 }), async () => {
  rmSync(dir, { recursive: true, force: true });
});
