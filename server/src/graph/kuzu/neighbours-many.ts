import { EDGE_KINDS, type EdgeKind, type GraphEdge } from '../../domain/model.js';
import type { ManyNeighbourQuery, NeighbourOrder } from '../../domain/ports/GraphStore.js';
import { storeKey, toEdge } from '../rows.js';
import type { UseReader } from './lineage.js';
import * as Q from './queries.js';
import { leaves, lookupChunks } from './batched.js';
import type { NodeRefs } from './NodeRefs.js';

/** Branches past the ids look this up: no key is empty (keys are `tenant/id`), so they end at a missed index probe. */
const NO_KEY = '';

/**
 * A read by offsets scans the ids of the whole Node table (~0.1 µs a node: ~5 ms at 100k nodes, ~100 ms
 * at 1M), a read by key costs ~1.5 ms a node, spread over the pooled readers: by offsets only from this
 * many stored nodes per node read down. Marquez `/lineage` at 100k nodes took half the time; at 1M the
 * two ways cost the same (bench/RESULTS.md, session 8).
 */
const STORED_NODES_PER_REF_READ = 7_500;

/**
 * GraphStore.edgesOfMany on Kuzu. Nodes whose internal offset is known (NodeRefs), when the set is
 * large for the store, in one statement (readByRefs). The others by key: one statement per chunk of
 * up to 32 nodes (a UNION ALL branch per node, since Kuzu plans `UNWIND $keys ... MATCH` as a scan of
 * the whole Node table), the chunks on pooled readers side by side. First unordered (up to one edge
 * more than the limit, ordered here); the nodes that had more than the limit are read again ordered
 * and cut by the engine. Statements come in the sizes of `Q.LOOKUP_SIZES` so their text is reused;
 * unused branches look up no key. Measured at 1M nodes: a branch costs about what the same read costs
 * as a statement of its own (0.6-2 ms): Kuzu 0.11 binds and plans a prepared statement again on every
 * execute, and runs each branch's pipelines apart.
 */

export async function edgesOfMany(use: UseReader, tenant: string, ids: readonly string[], q: ManyNeighbourQuery, refs: NodeRefs, storedNodes: number): Promise<GraphEdge[][]> {
  const found = new Map<string, GraphEdge[]>();
  const kinds = q.edgeKinds?.length ? q.edgeKinds : EDGE_KINDS;
  const unique = q.limit > 0 ? [...new Set(ids)] : [];
  const order = q.order ?? 'kind';
  const learn = (rows: Record<string, unknown>[]) => {
    for (const r of rows) refs.learn(storeKey(tenant, String(r.otherId)), (r.otherRef as { offset?: unknown } | null)?.offset);
  };
  const read = async (these: readonly string[], ordered: boolean, limit: number, take: (id: string, rows: Record<string, unknown>[]) => void) =>
    Promise.all(lookupChunks(these).map(async ({ chunk, size }) => {
      const keys = Array.from({ length: size }, (_, j) => [`k${j}`, j < chunk.length ? storeKey(tenant, chunk[j]) : NO_KEY]);
      const rows = await use((conn) => conn.run(Q.edgesOfMany(size, q.direction, kinds, q.includeEnded ?? false, order, ordered), { ...Object.fromEntries(keys), limit }));
      learn(rows);
      for (const [branch, mine] of byBranch(rows)) {
        refs.learn(storeKey(tenant, chunk[branch]), mine[0].selfRef); // (unordered reads return it)
        take(chunk[branch], mine);
      }
    }));
  const keep = (id: string, rows: Record<string, unknown>[]) => found.set(id, inOrder(rows, order).map((r) => edgeOf(r, tenant, id)));
  // First unordered, one edge more than the limit: the nodes that had more (hubs) are read again, ordered by the engine.
  const hubs: string[] = [];
  const firstPass = (id: string, rows: Record<string, unknown>[]) => (rows.length > q.limit ? hubs.push(id) : keep(id, rows));
  const byKey = unique.length * STORED_NODES_PER_REF_READ >= storedNodes
    ? await readByRefs(use, tenant, unique, q, kinds, order, refs, learn, firstPass)
    : unique;
  await read(byKey, false, q.limit + 1, firstPass);
  await read(hubs, true, q.limit, keep);
  return ids.map((id) => [...(found.get(id) ?? [])]);
}

/**
 * The first pass of edgesOfMany for the nodes with a known offset, in one statement of at most one
 * edge more than the limit per node in all (Q.edgesOfRefs). Returns the nodes left to read by key:
 * those without a known offset, one whose offset named another node, or all when the budget ran out.
 */
async function readByRefs(
  use: UseReader, tenant: string, ids: readonly string[], q: ManyNeighbourQuery, kinds: readonly EdgeKind[], order: NeighbourOrder,
  refs: NodeRefs, learn: (rows: Record<string, unknown>[]) => void, take: (id: string, rows: Record<string, unknown>[]) => void,
): Promise<string[]> {
  const byRef = new Map<number, string>();
  const rest: string[] = [];
  for (const id of ids) {
    const ref = refs.get(storeKey(tenant, id));
    if (ref === undefined || byRef.has(ref)) rest.push(id);
    else byRef.set(ref, id);
  }
  if (byRef.size === 0) return rest;
  const budget = (q.limit + 1) * byRef.size;
  const rows = await use((conn) => conn.run(Q.edgesOfRefs(q.direction, kinds, q.includeEnded ?? false, order), { refs: [...byRef.keys()], budget: budget + 1 }));
  if (rows.length > budget) return [...rest, ...byRef.values()];
  learn(rows);
  const mine = new Map<string, Record<string, unknown>[]>([...byRef.values()].map((id) => [id, []]));
  for (const r of rows) mine.get(byRef.get(Number(r.selfRef))!)?.push(r);
  for (const id of byRef.values()) {
    const got = mine.get(id)!;
    if (got.length && got[0].selfKey !== storeKey(tenant, id)) {
      refs.forget(storeKey(tenant, id));
      rest.push(id);
    } else take(id, got);
  }
  return rest;
}

/** A statement's rows by the branch (the node) they answer. */
function byBranch(rows: Record<string, unknown>[]): Map<number, Record<string, unknown>[]> {
  const out = new Map<number, Record<string, unknown>[]>();
  for (const r of rows) {
    const mine = out.get(Number(r.branch));
    if (mine) mine.push(r);
    else out.set(Number(r.branch), [r]);
  }
  return out;
}

/**
 * A branch's rows in the statement's order again (its projection loses it): by `sortKey` then the
 * other end's id, both ascending for `kind`, both descending otherwise. Kuzu compares strings by
 * their UTF-8 bytes, that is by code point (JS's `<` compares UTF-16 units). Stable: ties keep
 * the engine's order, as in `neighbours`.
 */
function inOrder(rows: Record<string, unknown>[], order: NeighbourOrder): Record<string, unknown>[] {
  const sign = order === 'kind' ? 1 : -1;
  return rows.sort((a, b) => sign * (byCodePoint(String(a.sortKey), String(b.sortKey)) || byCodePoint(String(a.otherId), String(b.otherId))));
}

function byCodePoint(a: string, b: string): number {
  for (let i = 0; i < a.length && i < b.length; i++) {
    const [x, y] = [a.codePointAt(i)!, b.codePointAt(i)!];
    if (x !== y) return x - y;
    if (x > 0xffff) i++;
  }
  return a.length - b.length;
}

/** The edge of one row, oriented by its `_dst` (walking both ways, the other end may be either). */
function edgeOf(r: Record<string, unknown>, tenant: string, id: string): GraphEdge {
  const [from, to] = leaves(r.rel, r.otherRef) ? [id, String(r.otherId)] : [String(r.otherId), id];
  return toEdge({ ...(r.rel as Record<string, unknown>), fromKey: storeKey(tenant, from), toKey: storeKey(tenant, to) }, tenant);
}
