import { BULK_UPDATE_ROWS } from './queries.js';

/**
 * How the embedded store reaches stored nodes, by the store's size: key lookups (a primary-key lookup
 * each, cost by the rows touched) or one UNWIND statement whose join scans the whole Node table (cost
 * by the nodes stored; Kuzu 0.11 plans `UNWIND $keys ... MATCH` that way). Each rule is a measured
 * break-even; 0 always takes the lookups (the tests use that to cover both paths).
 */
export interface AccessPathOptions {
  /**
   * New edges reach their endpoints by key lookups instead of a join over the whole Node table
   * (batched.ts, createEdges) when the store holds at least this many nodes per new edge. The join
   * costs ~0.11 µs a stored node (55 edges: 5 ms at 30k nodes, 37 ms at 300k, 113 ms at 1M), the
   * lookups ~0.35 ms an edge: default 3,000 (an 8-event group's ~45 edges take the lookups from
   * ~135k nodes on; a 100-event batch's ~500 edges the join up to 1.5M). 0: always the lookups.
   */
  joinNodesPerEdge?: number;
  /**
   * Search reads its winners by key lookups while the store holds at least this many nodes per
   * winner, else in one join against the Node table. That join reads the returned columns of every
   * stored node, so it costs far more per stored node than the edge writes' (~0.65 µs: 10-12 ms at
   * 12k nodes, 46-65 ms at 71k), and the lookups ~0.4 ms a winner (20 winners 10 ms, 300 winners
   * 110 ms): they break even at ~20-30 winners in a 12k-node store and ~115-150 in a 71k-node one
   * (bench/RESULTS.md, session 17). Default 500. 0: always the lookups.
   */
  joinNodesPerRead?: number;
  /**
   * Stored nodes and edges are updated by key lookups instead of one UNWIND statement (whose join
   * scans the Node table) until a write updates more than BULK_UPDATE_ROWS of them and at least one
   * per this many stored nodes. Measured at 1M stored nodes, 256 nodes updated: 182-218 ms in one
   * statement (~0.18 µs a stored node), 40-84 ms by key (~0.25 ms a node): default 1,500. 0: always the lookups.
   */
  nodesPerBulkUpdateRow?: number;
}

/**
 * The largest store whose nodes search reads by a join. The join materialises its scan of the Node
 * table: at 1.61M nodes, 1,000 keys ran the default 1 GB buffer pool out.
 */
const JOIN_READ_MAX_NODES = 250_000;

/** The rules of AccessPathOptions, for a store of `storedNodes` nodes. */
export class AccessPaths {
  private readonly joinNodesPerEdge: number;
  private readonly joinNodesPerRead: number;
  private readonly nodesPerBulkUpdateRow: number;

  constructor(opts: AccessPathOptions) {
    this.joinNodesPerEdge = opts.joinNodesPerEdge ?? 3_000;
    this.joinNodesPerRead = opts.joinNodesPerRead ?? 500;
    this.nodesPerBulkUpdateRow = opts.nodesPerBulkUpdateRow ?? 1_500;
  }

  /** Whether `edges` new edges reach their endpoints by key lookups rather than one join. */
  newEdgesByKey(edges: number, storedNodes: number): boolean {
    return edges * this.joinNodesPerEdge <= storedNodes;
  }

  /** Whether `rows` stored nodes (or edges) are updated in one UNWIND statement rather than by key lookups. */
  bulkUpdate(rows: number, storedNodes: number): boolean {
    return rows > BULK_UPDATE_ROWS && rows * this.nodesPerBulkUpdateRow >= storedNodes && this.nodesPerBulkUpdateRow > 0;
  }

  /** Whether search reads its `winners` in one join rather than by key lookups. */
  searchByJoin(winners: number, storedNodes: number): boolean {
    return winners * this.joinNodesPerRead > storedNodes && storedNodes <= JOIN_READ_MAX_NODES;
  }
}
