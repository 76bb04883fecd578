import { describe, expect, it } from 'vitest';
import { AccessPaths } from './access-paths.js';

describe('the embedded store access paths', () => {
  const paths = new AccessPaths({});

  it('reads search winners by key lookups from ~500 stored nodes a winner, and never by a join above 250k nodes', () => {
    expect(paths.searchByJoin(5, 2_000)).toBe(true); // 5 winners of a small store: one cheap scan
    expect(paths.searchByJoin(5, 12_070)).toBe(false); // the map's search box on a 12k-node store: 3-4 ms by lookups, 10-12 by the join
    expect(paths.searchByJoin(300, 71_437)).toBe(true); // 300 winners of a 71k-node store: 51-53 ms by the join, 110 by lookups
    expect(paths.searchByJoin(5_000, 300_000)).toBe(false); // the join's scan would run the buffer pool out
  });

  it('keeps the write rules: new edges by key from 3,000 stored nodes an edge, bulk updates past 1,500 a row', () => {
    expect([paths.newEdgesByKey(45, 100_000), paths.newEdgesByKey(45, 200_000)]).toEqual([false, true]);
    expect([paths.bulkUpdate(256, 100_000), paths.bulkUpdate(256, 1_000_000)]).toEqual([true, false]);
  });

  it('takes the lookups always when a rule is 0', () => {
    const lookups = new AccessPaths({ joinNodesPerEdge: 0, joinNodesPerRead: 0, nodesPerBulkUpdateRow: 0 });
    expect([lookups.searchByJoin(1_000, 10), lookups.newEdgesByKey(1_000, 10), lookups.bulkUpdate(1_000, 10)]).toEqual([false, true, false]);
  });
});
