import type { Table } from './queries.js';

/** Where a node's row is: its table and its internal offset in it (Kuzu's `offset(id(n))`). */
export interface NodeRef { table: Table; offset: number }

/**
 * Internal offsets of nodes this process has read, by key, so later reads of their edges can find
 * them by id instead of by key (see Q.edgesOfRefs). Learnt from lineage walks and neighbour reads.
 * An offset stays with its node: Loom never deletes a node (an ended one keeps its row; only schema
 * migrations move rows, before any read), and the one writer is this process. Reads by offset also
 * return the node's key, and a mismatch drops the entry. Bounded: cleared when full.
 */
export class NodeRefs {
  private refs = new Map<string, NodeRef>();

  constructor(private readonly max = 500_000) {}

  get(key: string): NodeRef | undefined {
    return this.refs.get(key);
  }

  learn(key: string, table: unknown, offset: unknown): void {
    if (typeof offset !== 'number' && typeof offset !== 'bigint') return;
    if (table !== 'Node' && table !== 'Detail') return;
    if (this.refs.size >= this.max && !this.refs.has(key)) this.refs = new Map();
    this.refs.set(key, { table, offset: Number(offset) });
  }

  forget(key: string): void {
    this.refs.delete(key);
  }
}
