/** Kuzu dialect: pure query text builders. Shared Cypher subset plus Kuzu's `* SHORTEST` recursive joins. */
import { COLUMN_LINEAGE_EDGE_KINDS, EDGE_KINDS, LINEAGE_EDGE_KINDS, MAX_LINEAGE_DEPTH, TEXT_SEARCH_KINDS, type Direction, type EdgeKind } from '../../domain/model.js';
import type { EdgeScope, NeighbourOrder } from '../../domain/ports/GraphStore.js';
import { rowsStatement } from './packed.js';

const NODE_FIELDS = 'n.id AS id, n.kind AS kind, n.namespace AS namespace, n.name AS name, n.props AS props, n.createdAt AS createdAt, n.updatedAt AS updatedAt, n.validTo AS validTo, n.gaps AS gaps';
/** A NodeHead's columns. */
const HEAD_FIELDS = 'n.id AS id, n.kind AS kind, n.namespace AS namespace, n.name AS name, n.validTo AS validTo';
const EDGE_FIELDS = 'r.kind AS kind, r.props AS props, r.validFrom AS validFrom, r.validTo AS validTo, r.gaps AS gaps';
/** An EdgeHead's column (its ends come as offsets): props and validity cost as much to read as the kind and the hop together. */
const EDGE_HEAD_FIELDS = 'r.kind AS kind';

/**
 * Look up to `size` keys by primary key: one UNION ALL branch per key, each a primary-key index
 * lookup. Kuzu 0.11 plans `UNWIND $keys ... MATCH/MERGE (n {key: k})` as a hash join over a scan
 * of the whole Node table (its props included when returned): a cost that grows with the graph on
 * every write. Missing keys return no row. Callers pad to a few sizes so prepared plans are reused.
 */
export function lookupKeys(size: number): string {
  return Array.from({ length: size }, (_, i) =>
    `MATCH (n:Node {key: $k${i}}) RETURN n.key AS key, n.kind AS kind, n.props AS props, n.createdAt AS createdAt, n.updatedAt AS updatedAt, n.validTo AS validTo, n.gaps AS gaps`,
  ).join(' UNION ALL ');
}
/** Every node key into a CSV file (to fill the key filter when the store opens). The path must hold no quote. */
export function copyKeysTo(file: string): string {
  return `COPY (MATCH (n:Node) RETURN n.key) TO '${file}' (HEADER=false)`;
}

/** Every searchable node's tenant, id, name, namespace, kind and end of validity, for the search index (SearchIndex.load). */
export function copySearchTo(file: string): string {
  return `COPY (MATCH (n:Node) WHERE n.kind IN [${TEXT_SEARCH_KINDS.map((k) => `'${k}'`).join(', ')}] RETURN n.tenant, n.id, n.name, n.namespace, n.kind, n.validTo) TO '${file}' (HEADER=false)`;
}

/**
 * Whole nodes by key, all at once: Kuzu 0.11 plans this as a join against a scan of the whole Node
 * table, which beats one lookup per key once the keys are many for the store's size (see KuzuGraphStore.search).
 */
export const NODES_BY_KEYS = `UNWIND $keys AS k MATCH (n:Node {key: k}) RETURN ${NODE_FIELDS}, n.key AS key`;

/** Whole nodes by key, like `lookupKeys` (one primary-key lookup per branch). */
export function lookupNodes(size: number): string {
  return Array.from({ length: size }, (_, i) => `MATCH (n:Node {key: $k${i}}) RETURN ${NODE_FIELDS}, n.key AS key`).join(' UNION ALL ');
}

/** How many nodes and edges the store holds (all tenants): the key filters' sizes. */
export const COUNT_ALL_NODES = 'MATCH (n:Node) RETURN count(n) AS n';
export const COUNT_ALL_EDGES = 'MATCH ()-[e:Edge]->() RETURN count(e) AS n';

/** One node by key (the benchmarks' raw-engine baseline for a point read). */
export const GET_NODE = `MATCH (n:Node {key: $key}) RETURN ${NODE_FIELDS}`;

/**
 * The schema files (schema/graph/kuzu/NNN_*.cypher) that ran to the end on this store. Every
 * statement in them is also safe to run again: a file that stopped halfway runs again whole.
 */
export const CREATE_MIGRATIONS = 'CREATE NODE TABLE IF NOT EXISTS SchemaMigration(name STRING, appliedAt TIMESTAMP, PRIMARY KEY(name))';
export const APPLIED_MIGRATIONS = 'MATCH (m:SchemaMigration) RETURN m.name AS name';
export const RECORD_MIGRATION = 'MERGE (m:SchemaMigration {name: $name}) ON CREATE SET m.appliedAt = current_timestamp()';

export const LOOKUP_SIZES = [1, 2, 4, 8, 16, 32] as const;

/**
 * New nodes (the lookup found none): CREATE needs no join, unlike MERGE. One row of strings per node,
 * in NODE_COLUMNS order, packed (packed.ts).
 */
export const NODE_COLUMNS = ['key', 'tenant', 'id', 'kind', 'namespace', 'name', 'props', 'createdAt', 'updatedAt', 'validTo'] as const;
export const CREATE_NODES = rowsStatement(NODE_COLUMNS, `CREATE (n:Node {${NODE_COLUMNS.map((c) => `${c}: ${c}`).join(', ')}})`);

/**
 * Every write below reaches stored nodes by primary-key lookups only. Kuzu 0.11 plans
 * `UNWIND $rows ... MERGE (n:Node {key: r.key})` (and MATCH) as a hash join over a scan of the
 * whole Node table, and an edge MERGE also scans the Edge table: 10-20 ms a statement at 30k
 * nodes, growing with the graph. So the store decides in JS what exists (lookups, its committed
 * state, key filters) and then creates (CREATE) or updates (MATCH on key parameters).
 */

/**
 * Stored nodes changed by a write: `full` rows (props changed too) then `scalars` rows (kind and
 * times), one primary-key MATCH per node (a cross product of single rows), then SET. Props are
 * rewritten only when they changed: Kuzu never reclaims the space of a replaced string. Namespace
 * and name are set when the node is created, never after: they come from its id. Each column SET
 * costs: 16 nodes' five columns took 4.3-5.4 ms a transaction, their updatedAt alone 2.8-3.1 ms.
 */
export function updateNodes(full: number, scalars: number): string {
  const i = Array.from({ length: full + scalars }, (_, j) => j);
  const set = (j: number) => [
    `n${j}.kind = $kind${j}`, `n${j}.createdAt = $c${j}`, `n${j}.updatedAt = $u${j}`,
    ...(j < full ? [`n${j}.props = $p${j}`, `n${j}.validTo = $vt${j}`] : []),
  ];
  return `MATCH ${i.map((j) => `(n${j}:Node {key: $k${j}})`).join(', ')} SET ${i.flatMap(set).join(', ')}`;
}
export const UPDATE_NODES_MAX = 16;

/**
 * Beyond this many changed nodes (edges) in one write, one UNWIND statement each for all of them:
 * its join scans the Node table once, which costs less than many key-lookup statements (5,000
 * updated nodes at 50k stored: ~0.2 s against ~1 s; 5,000 edges: ~0.3 s against ~3 s).
 */
export const BULK_UPDATE_ROWS = 64;
/** Stored nodes' fields, in bulk (see BULK_UPDATE_ROWS): `scalars`, or props and validTo too (`full`). */
const bulkNodeUpdate = <C extends string>(columns: readonly ('key' | C)[]) =>
  rowsStatement(columns, `MERGE (n:Node {key: key}) SET ${columns.filter((c) => c !== 'key').map((c) => `n.${c} = ${c}`).join(', ')}`);
export const UPDATE_NODES_BULK = {
  scalars: bulkNodeUpdate(['key', 'kind', 'createdAt', 'updatedAt'] as const),
  full: bulkNodeUpdate(['key', 'kind', 'createdAt', 'updatedAt', 'props', 'validTo'] as const),
};

/**
 * New edges: one endpoint was created in this transaction, or the edge is known absent. CREATE, not
 * MERGE: no search of the Edge table. The endpoints' MERGE still joins against a scan of the Node
 * table, so large graphs create edges by key lookups instead (batched.ts, createEdges).
 * `COPY Edge FROM (UNWIND ...)` was slower at 300k nodes (54 ms for 55 edges against 37), and held
 * ~1 MB of buffer pool per statement until the next checkpoint.
 */
export const CREATE_EDGES = rowsStatement(['from', 'to', 'kind', 'props', 'validFrom', 'recordedAt', 'endsAt', 'validTo'] as const,
  // validTo is SET after, from the created edge's own NULL: Kuzu binds no CASE whose branches are a NULL literal and a string here.
  'MERGE (a:Node {key: from}) MERGE (b:Node {key: to}) CREATE (a)-[e:Edge {kind: kind, props: props, validFrom: validFrom, recordedAt: recordedAt, endsAt: endsAt}]->(b) ' +
  "SET e.validTo = CASE WHEN validTo = '' THEN e.validTo ELSE validTo END");

/** Stored edges by (from, kind, to), `size` at a time: one UNION ALL branch each, walking from a key lookup. Absent edges have no row. */
export function lookupEdges(size: number): string {
  return Array.from({ length: size }, (_, i) =>
    `MATCH (a:Node {key: $f${i}})-[e:Edge]->(b:Node) WHERE b.key = $t${i} AND e.kind = $kind${i} ` +
    'RETURN a.key AS fromKey, b.key AS toKey, e.kind AS kind, e.props AS props, e.validFrom AS validFrom, e.validTo AS validTo, e.endsAt AS endsAt, e.gaps AS gaps',
  ).join(' UNION ALL ');
}

/** Stored edges' new values (computed by the store from what is stored and the write), `size` at a time: one key walk each. */
export function updateEdges(size: number): string {
  const i = Array.from({ length: size }, (_, j) => j);
  // `current` and `until` are separate parameters: Kuzu gives a parameter one type, and NULL/STRING in one CASE over it fails to bind.
  return `MATCH ${i.map((j) => `(a${j}:Node {key: $f${j}})-[e${j}:Edge]->(b${j}:Node)`).join(', ')} ` +
    `WHERE ${i.map((j) => `b${j}.key = $t${j} AND e${j}.kind = $kind${j}`).join(' AND ')} ` +
    `SET ${i.map((j) => `e${j}.props = $p${j}, e${j}.validFrom = $vf${j}, e${j}.validTo = CASE WHEN $cur${j} THEN NULL ELSE $vt${j} END, e${j}.endsAt = $ea${j}`).join(', ')}`;
}
export const UPDATE_EDGES_MAX = 8;

/** One stored edge's gaps (rare: only edges whose history has a gap set them, so one statement each). */
export const SET_EDGE_GAPS = 'MATCH (a:Node {key: $f})-[e:Edge]->(b:Node) WHERE b.key = $t AND e.kind = $kind SET e.gaps = $g';
/** A new edge's endpoints' gaps (see endsGaps; rare: only nodes dropped and created again have gaps). */
export const SET_EDGE_ENDS_GAPS = 'MATCH (a:Node {key: $f})-[e:Edge]->(b:Node) WHERE b.key = $t AND e.kind = $kind SET e.endsGaps = $g';
/** One node's gaps (rare, like SET_EDGE_GAPS: created with DEFAULT '', set only when it has some). */
export const SET_NODE_GAPS = 'MATCH (n:Node {key: $key}) SET n.gaps = $g';

/**
 * `size` new edges, each endpoint a primary-key lookup (`ended`: they carry a validTo too). The text
 * depends on the size alone, so each is prepared once. Kuzu's planning grows faster than the lookups
 * in a statement: 55 edges at 300k nodes took 17 ms in statements of 8, 21 ms in statements of 16.
 */
export function createEdgesByKey(size: number, ended: boolean): string {
  const i = Array.from({ length: size }, (_, j) => j);
  return `MATCH ${i.map((j) => `(a${j}:Node {key: $a${j}}), (b${j}:Node {key: $b${j}})`).join(', ')} ` +
    `CREATE ${i.map((j) => `(a${j})-[:Edge {kind: $k${j}, props: $p${j}, validFrom: $f${j}, recordedAt: $r${j}, endsAt: $s${j}${ended ? `, validTo: $v${j}` : ''}}]->(b${j})`).join(', ')} ` +
    'RETURN count(*) AS n';
}
export const CREATE_BY_KEY_MAX = 8;
/** Stored edges' new values, in bulk (see BULK_UPDATE_ROWS): every row names an edge that exists, so the MERGE finds it. */
export const UPDATE_EDGES_BULK = rowsStatement(['from', 'to', 'kind', 'props', 'validFrom', 'validTo', 'endsAt'] as const,
  'MERGE (a:Node {key: from}) MERGE (b:Node {key: to}) MERGE (a)-[e:Edge {kind: kind}]->(b) ' +
  "SET e.props = props, e.validFrom = validFrom, e.validTo = CASE WHEN validTo = '' THEN CAST(NULL AS STRING) ELSE validTo END, e.endsAt = endsAt");

/** Every edge's key (from, kind, to) into a CSV file, one column (to fill the edge filter when the store opens). */
export function copyEdgeKeysTo(file: string): string {
  return `COPY (MATCH (a:Node)-[e:Edge]->(b:Node) RETURN concat(e.kind, '|', a.key, '|', b.key)) TO '${file}' (HEADER=false)`;
}
/** The key `copyEdgeKeysTo` exports for an edge. */
export const edgeFilterKey = (kind: string, from: string, to: string) => `${kind}|${from}|${to}`;

/** The earlier end of validity of two nodes ('' when both are current). */
function endsAt(a: string, b: string): string {
  return `CASE WHEN ${a}.validTo = '' THEN ${b}.validTo WHEN ${b}.validTo = '' THEN ${a}.validTo WHEN ${a}.validTo < ${b}.validTo THEN ${a}.validTo ELSE ${b}.validTo END`;
}

/**
 * The edges time-travelling walks follow (lineage, column lineage): only these carry their endpoints'
 * gaps (`endsGaps`), so a dataset's versions, fields and tags cost nothing when it is dropped and created again.
 */
export const WALKED_KINDS: readonly EdgeKind[] = [...LINEAGE_EDGE_KINDS, ...COLUMN_LINEAGE_EDGE_KINDS];

/**
 * Two nodes' gaps as an edge between them keeps them (rows.ts, joinEndsGaps), when one has none: their
 * union otherwise, which the store writes after (ENDS_GAPS_BOTH_*: Cypher cannot merge the lists).
 */
function endsGaps(a: string, b: string): string {
  return `CASE WHEN ${a}.gaps = '' THEN ${b}.gaps WHEN ${b}.gaps = '' THEN ${a}.gaps ELSE '' END`;
}

/**
 * After a node's end of validity changed: its edges' `endsAt`; after its gaps did, their `endsGaps`
 * (apart: a drop changes the end alone, and Kuzu never reclaims a replaced string, so the longer gaps
 * are rewritten only when they change). One direction per statement (an undirected SET crashes Kuzu 0.11).
 */
export const REFRESH_ENDS_OUT = `MATCH (x:Node {key: $key})-[r:Edge]->(y:Node) SET r.endsAt = ${endsAt('x', 'y')} RETURN count(r) AS n`;
export const REFRESH_ENDS_IN = `MATCH (x:Node {key: $key})<-[r:Edge]-(y:Node) SET r.endsAt = ${endsAt('x', 'y')} RETURN count(r) AS n`;
export const REFRESH_GAPS_OUT = `MATCH (x:Node {key: $key})-[r:Edge]->(y:Node) WHERE r.kind IN ${kindList(WALKED_KINDS)} SET r.endsGaps = ${endsGaps('x', 'y')} RETURN count(r) AS n`;
export const REFRESH_GAPS_IN = `MATCH (x:Node {key: $key})<-[r:Edge]-(y:Node) WHERE r.kind IN ${kindList(WALKED_KINDS)} SET r.endsGaps = ${endsGaps('x', 'y')} RETURN count(r) AS n`;
/** A node with gaps: its walked edges to nodes with gaps too (rare), whose `endsGaps` the store merges (SET_EDGE_ENDS_GAPS). */
export const ENDS_GAPS_BOTH_OUT = `MATCH (x:Node {key: $key})-[r:Edge]->(y:Node) WHERE y.gaps <> '' AND r.kind IN ${kindList(WALKED_KINDS)} RETURN x.key AS f, y.key AS t, r.kind AS kind, x.gaps AS fg, y.gaps AS tg`;
export const ENDS_GAPS_BOTH_IN = `MATCH (x:Node {key: $key})<-[r:Edge]-(y:Node) WHERE y.gaps <> '' AND r.kind IN ${kindList(WALKED_KINDS)} RETURN y.key AS f, x.key AS t, r.kind AS kind, y.gaps AS fg, x.gaps AS tg`;

export const COUNT_NODES = 'MATCH (n:Node) WHERE n.tenant = $tenant RETURN count(n) AS count';

export type Way = Exclude<Direction, 'BOTH'>;

/** A traversal: every part is inlined into the query text (Kuzu binds no parameters inside recursive-join filters), so each is validated here. */
export interface Walk { direction: Way; depth: number; kinds: readonly EdgeKind[]; asOf?: string }

const ISO = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

function hops(depth: number, min = 1): number {
  if (!Number.isInteger(depth) || depth < min || depth > MAX_LINEAGE_DEPTH) throw new Error(`depth must be an integer ${min}..${MAX_LINEAGE_DEPTH}`);
  return depth;
}

/**
 * Nodes without an end of validity (the current view), or still valid at `asOf`. Every stored node
 * has `validTo` '' when current (never NULL: schema 003 fills old rows): inside a recursive join,
 * `IS NULL OR = ''` on the node made a depth-5 walk at 1M nodes ~20 ms slower than `= ''` alone.
 */
export function alive(n: string, asOf?: string): string {
  return asOf === undefined ? `${n}.validTo = ''` : `(${n}.validTo = '' OR ${n}.validTo > '${asOf}')`;
}

/**
 * Edges whose endpoints are both current (or were at `asOf`, outside either one's gaps): see schemas
 * 004 and 006. So a walk reaches no node inside its gaps, and the node it found is not tested again
 * (at 100k nodes, depth 5: ~0.3-0.45 ms of a ~7-9 ms walk; bench/RESULTS.md, session 34).
 */
function endpointsAlive(r: string, asOf?: string): string {
  return asOf === undefined ? `${r}.endsAt = ''` : `(${r}.endsAt = '' OR ${r}.endsAt > '${asOf}') AND ${outsideGaps(`${r}.endsGaps`, asOf, 'ends_t')}`;
}

/** T in none of these gaps (encodeGaps: an odd number of their bounds <= T inside one). `asOf` is validated by the caller. */
function outsideGaps(gaps: string, asOf: string, v = 'gap_t'): string {
  return `(${gaps} = '' OR size(list_filter(string_split(${gaps}, ','), ${v} -> ${v} <= '${asOf}')) % 2 = 0)`;
}

/**
 * Current edges, or edges valid at `asOf`: validFrom <= T < validTo, and T in none of its gaps (an
 * odd number of the gaps' bounds at or before T: see encodeGaps). The gaps are split only for the
 * few edges that have any.
 */
export function validAt(r: string, asOf?: string): string {
  if (asOf === undefined) return `${r}.validTo IS NULL`;
  if (!ISO.test(asOf)) throw new Error('asOf must be an ISO-8601 UTC time such as 2026-03-01T00:00:00.000Z');
  return `${r}.validFrom <= '${asOf}' AND (${r}.validTo IS NULL OR ${r}.validTo > '${asOf}') AND ${outsideGaps(`${r}.gaps`, asOf)}`;
}

function kindList(kinds: readonly EdgeKind[]): string {
  for (const k of kinds) if (!EDGE_KINDS.includes(k)) throw new Error(`unknown edge kind ${k}`);
  return `[${kinds.map((k) => `'${k}'`).join(', ')}]`;
}

function recursive(w: Walk, depth: number): string {
  const filter = `(r, _n | WHERE r.kind IN ${kindList(w.kinds)} AND ${validAt('r', w.asOf)} AND ${endpointsAlive('r', w.asOf)})`;
  const rel = `e:Edge* SHORTEST 1..${hops(depth)} ${filter}`;
  return w.direction === 'DOWNSTREAM' ? `-[${rel}]->` : `<-[${rel}]-`;
}

/**
 * Nodes within `depth` hops, each with its shortest distance (and at `asOf`, only nodes that existed
 * then), with its internal offset and the root's (the edge queries name nodes by offset).
 * Every column returned costs: Kuzu reads it for each 2,048-row vector holding a found node (at 1M
 * nodes, 83 nodes touched 86k rows). So `heads` returns only what draws a node (see NodeHead),
 * and no key (the tenant and the id make it).
 */
export function lineageNodes(w: Walk, heads = false): string {
  const existed = `WHERE ${alive('n', w.asOf)} ${w.asOf === undefined ? '' : `AND n.createdAt <= '${w.asOf}'`} `;
  return `MATCH p = (a:Node {key: $key})${recursive(w, w.depth)}(n:Node) ${existed}RETURN ${heads ? HEAD_FIELDS : NODE_FIELDS}, ` +
    'offset(id(n)) AS ref, offset(id(a)) AS rootRef, length(p) AS distance ' +
    // No path columns (nodes(e), rels(e)): they made this walk 2-3x slower (bench/RESULTS.md).
    'ORDER BY distance, n.id LIMIT $limit';
}

/**
 * How many nodes a walk reaches, by kind and distance; bounded by $cap. `perNode`: each node's
 * internal offset, kind and distance instead (a BOTH count merges the two walks).
 */
export function lineageCount(w: Walk, perNode = false): string {
  const existed = `WHERE ${alive('n', w.asOf)} ${w.asOf === undefined ? '' : `AND n.createdAt <= '${w.asOf}'`} `;
  return `MATCH p = (a:Node {key: $key})${recursive(w, w.depth)}(n:Node) ${existed}WITH ${perNode ? 'offset(id(n)) AS ref, ' : ''}n.kind AS kind, length(p) AS distance LIMIT $cap ` +
    (perNode ? 'RETURN ref, kind, distance' : 'RETURN kind, distance, count(*) AS count');
}

/**
 * Edges leaving (in the walk's direction) nodes closer than `depth`: the root's own, then the rest.
 * Their ends are internal offsets, which the caller names from the node walk's answer (it keeps only
 * edges between found nodes): returning keys read the key column around every end (1-3 ms a walk).
 * With `heads`, only the kind: at 1M nodes the walk to depth 4 and its hop took 7.2 ms instead of
 * 8.0 upstream, 4.5 instead of 5.6 downstream (p50, second visit; bench/RESULTS.md, session 14).
 */
export function lineageEdges(w: Walk, fromRoot: boolean, heads = false): string {
  const step = w.direction === 'DOWNSTREAM' ? '-[r:Edge]->' : '<-[r:Edge]-';
  const walk = fromRoot ? '(x:Node {key: $key})' : `(a:Node {key: $key})${recursive(w, w.depth - 1)}(x:Node)`;
  const [src, dst] = w.direction === 'DOWNSTREAM' ? ['x', 'y'] : ['y', 'x'];
  // y is not filtered here (the caller keeps edges between the walk's nodes): a predicate on this hop made the plan scan the Edge table.
  // No DISTINCT: a shortest walk reaches each x once, and (kind, from, to) names one edge (5% of this query at 1M nodes).
  // The hint keeps the walk on the hash join's build side, where it masks the scan of x: from
  // depth 10 on a 100k-node graph the planner put the hop there instead, scanning every node's
  // edges (50 ms whatever the walk found, against 15; bench/RESULTS.md, session 14).
  const hint = fromRoot ? '' : 'HINT ((x JOIN r) JOIN y) JOIN (a JOIN e) ';
  return `MATCH ${walk}${step}(y:Node) WHERE r.kind IN ${kindList(w.kinds)} AND ${validAt('r', w.asOf)} ${hint}` +
    `RETURN offset(id(${src})) AS fromRef, offset(id(${dst})) AS toRef, ${heads ? EDGE_HEAD_FIELDS : EDGE_FIELDS} LIMIT $limit`;
}

/**
 * Edges between the nodes at these internal offsets (`$refs`): a hub's, once the node walk has
 * chosen its nodes. It filters the Node table's internal ids (36-120 ms at 1M nodes for 84-223
 * nodes), so only hub walks, whose own edge queries ran past their cap, pay for it.
 */
export function edgesAmong(w: Walk, heads = false): string {
  return `MATCH (x:Node)-[r:Edge]->(y:Node) WHERE offset(id(x)) IN $refs AND offset(id(y)) IN $refs AND r.kind IN ${kindList(w.kinds)} AND ${validAt('r', w.asOf)} ` +
    `RETURN offset(id(x)) AS fromRef, offset(id(y)) AS toRef, ${heads ? EDGE_HEAD_FIELDS : EDGE_FIELDS} LIMIT $limit`;
}

/** `true`/'all': every edge; 'live': current edges between current nodes (their `endsAt`, as walks read it). */
const current = (scope: boolean | EdgeScope) => (scope === true || scope === 'all' ? '' : scope === 'live' ? "r.validTo IS NULL AND r.endsAt = '' AND " : 'r.validTo IS NULL AND ');

// Never bind an empty list in Kuzu 0.11 (it crashes the process): callers pass every kind instead of none.
export function neighbourCount(direction: Direction, scope: EdgeScope = 'current'): string {
  return `MATCH (a:Node {key: $key})${neighbourPattern(direction)}(n:Node) WHERE ${current(scope)}list_contains($kinds, r.kind) RETURN count(*) AS count`;
}

/** `rel` is the whole relationship: its `_dst` internal id tells the edge's direction when walking both ways. */
const ORDER: Record<NeighbourOrder, string> = { kind: 'rel.kind, n.id', createdAt: 'n.createdAt DESC, n.id DESC', updatedAt: 'n.updatedAt DESC, n.id DESC' };

/**
 * One page of neighbours: keys and edges only. The nodes are then read by key (`lookupNodes`):
 * returning their props here made Kuzu read the props column chunks around every neighbour
 * (6 ms a page at 1M nodes, against 1 ms for keys plus 0.4 ms of key lookups).
 */
export function neighbourPage(direction: Direction, scope: EdgeScope = 'current', order: NeighbourOrder = 'kind'): string {
  return `MATCH (a:Node {key: $key})${neighbourPattern(direction)}(n:Node) WHERE ${current(scope)}list_contains($kinds, r.kind) ` +
    `RETURN n.key AS otherKey, id(n) AS otherId, r AS rel ` +
    `ORDER BY ${ORDER[order]} SKIP $offset LIMIT $limit`;
}

/**
 * `neighbourPage` with the neighbours' fields (NODE_FIELDS), for a node whose neighbours all fit in
 * the page: reading their props here costs less than a key lookup each once they are more than a few
 * (108 neighbours: 4.5 ms against 31 ms for keys and lookups, session 24). A hub's page stays
 * `neighbourPage`: its props would be read around every neighbour, not just the page's.
 */
export function neighbourPageWithNodes(direction: Direction, scope: EdgeScope = 'current', order: NeighbourOrder = 'kind'): string {
  return `MATCH (a:Node {key: $key})${neighbourPattern(direction)}(n:Node) WHERE ${current(scope)}list_contains($kinds, r.kind) ` +
    `RETURN ${NODE_FIELDS}, n.key AS otherKey, id(n) AS otherId, r AS rel ` +
    `ORDER BY ${ORDER[order]} SKIP $offset LIMIT $limit`;
}

const neighbourPattern = (d: Direction) => (d === 'DOWNSTREAM' ? '-[r:Edge]->' : d === 'UPSTREAM' ? '<-[r:Edge]-' : '-[r:Edge]-');

/** `neighbourPage`'s orders on the pattern's variables, and the key each returns to order by again (see edgesOfMany). */
const MANY_ORDER: Record<NeighbourOrder, { by: string; key: string }> = {
  kind: { by: 'r.kind, n.id', key: 'r.kind' },
  createdAt: { by: 'n.createdAt DESC, n.id DESC', key: 'n.createdAt' },
  updatedAt: { by: 'n.updatedAt DESC, n.id DESC', key: 'n.updatedAt' },
};

/**
 * The first `$limit` edges of each of `size` nodes (`$k0`, `$k1`, ...): one UNION ALL branch per
 * node, each a primary-key lookup with its own ORDER BY/LIMIT (Kuzu 0.11 keeps both to the branch).
 * A branch orders and cuts before it projects: for a job with 100k runs it sorts 100k (n, r) pairs,
 * not 100k projected rows (118 ms against 176 ms at 1M nodes). But the projection after the cut
 * reads the nodes again through a hash join, which loses the order: rows return their `sortKey`
 * (then `otherId`) for the caller to order each branch again. Also returned: the branch, the other
 * end's id and internal id, the whole edge (its `_dst` tells the direction), and unordered, the
 * node's own offset (NodeRefs: its edges are then read by id, edgesOfRefs). Kinds are inlined:
 * a list parameter referenced from several branches crashes Kuzu 0.11.3.
 * Not `ordered`: any `$limit` edges of each node, without the sort and the second read of the nodes
 * (one neighbour read at 100k nodes: 0.82 ms against 1.12 ms). Asked for one more than it needs, a
 * caller knows which nodes returned all their edges, orders those itself and reads only the others ordered.
 */
export function edgesOfMany(size: number, direction: Direction, kinds: readonly EdgeKind[], includeEnded: boolean, order: NeighbourOrder, ordered: boolean): string {
  const where = `WHERE ${current(includeEnded)}r.kind IN ${kindList(kinds)}`;
  const cut = ordered ? `WITH n, r ORDER BY ${MANY_ORDER[order].by} LIMIT $limit ` : '';
  return Array.from({ length: size }, (_, i) =>
    `MATCH (a:Node {key: $k${i}})${neighbourPattern(direction)}(n:Node) ${where} ${cut}` +
    `RETURN ${i} AS branch, ${ordered ? '' : 'offset(id(a)) AS selfRef, '}n.id AS otherId, id(n) AS otherRef, r AS rel, ${MANY_ORDER[order].key} AS sortKey${ordered ? '' : ' LIMIT $limit'}`,
  ).join(' UNION ALL ');
}

/**
 * The edges of the nodes at these internal offsets (`$refs`, read before: see NodeRefs), at most
 * `$budget` rows in all, in one statement: Kuzu plans `WHERE offset(id(a)) IN $refs` as a filter on
 * the Node table's implicit ids, where keys would be a join over its key column. 130 datasets'
 * producers at 100k nodes: 5-6 ms, against ~100 ms as one key lookup each (a UNION ALL branch costs
 * about as much). No order and no cut per node: the caller gives a budget of one edge more than its
 * limit per node, and reads the nodes by key instead when the budget ran out (a hub took it).
 */
export function edgesOfRefs(direction: Direction, kinds: readonly EdgeKind[], includeEnded: boolean, order: NeighbourOrder): string {
  return `MATCH (a:Node)${neighbourPattern(direction)}(n:Node) WHERE offset(id(a)) IN $refs AND ${current(includeEnded)}r.kind IN ${kindList(kinds)} ` +
    `RETURN a.key AS selfKey, offset(id(a)) AS selfRef, n.id AS otherId, id(n) AS otherRef, r AS rel, ${MANY_ORDER[order].key} AS sortKey LIMIT $budget`;
}
