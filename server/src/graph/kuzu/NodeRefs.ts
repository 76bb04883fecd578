/**
 * Internal offsets of nodes this process has read (Kuzu's `offset(id(n))` in the one Node table), by
 * key, so later reads of their edges can find them by id instead of by key (see Q.edgesOfRefs).
 * Learnt from lineage walks and neighbour reads. An offset stays with its node: Loom never deletes a
 * node (an ended one keeps its row), and the one writer is this process. Reads by offset also return
 * the node's key, and a mismatch drops the entry. Bounded: cleared when full.
 */
export class NodeRefs {
  private refs = new Map<string, number>();

  constructor(private readonly max = 500_000) {}

  get(key: string): number | undefined {
    return this.refs.get(key);
  }

  learn(key: string, ref: unknown): void {
    if (typeof ref !== 'number' && typeof ref !== 'bigint') return;
    if (this.refs.size >= this.max && !this.refs.has(key)) this.refs = new Map();
    this.refs.set(key, Number(ref));
  }

  forget(key: string): void {
    this.refs.delete(key);
  }
}
