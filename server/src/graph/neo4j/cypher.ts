/**
 * Neo4j dialect: pure builders for every statement Neo4jGraphStore sends (no driver here).
 * Builders take store keys (`storeKey(tenant, id)`), so a statement can only reach one tenant's nodes.
 * Relationship types and depths cannot be parameters: they are inlined from validated values only.
 * Everything else is a parameter, `asOf` included (Neo4j takes parameters inside path predicates).
 */
import { EDGE_KINDS, MAX_LINEAGE_DEPTH, TEXT_SEARCH_KINDS, type Direction, type EdgeKind, type NodeKind } from '../../domain/model.js';
import { badInput, UnreachableCaseError } from '../../domain/errors.js';
import type { EdgeRow, NodeRow } from '../rows.js';
import type { EdgeScope, NeighbourOrder } from '../../domain/ports/GraphStore.js';

export interface Statement { text: string; params: Record<string, unknown> }
export type Way = Exclude<Direction, 'BOTH'>;

const lines = (...l: string[]) => l.join('\n');
const NODE = (n: string) => `${n} {.id, .kind, .namespace, .name, .props, .createdAt, .updatedAt, .validTo, .gaps}`;
const EDGE = (e: string, a: string, b: string) => `${e} {kind: type(${e}), fromKey: ${a}.key, toKey: ${b}.key, .props, .validFrom, .validTo, .gaps}`;

export const PING = 'RETURN 1 AS ok';

/** Split a DDL file into statements on `;` at line ends, dropping comment-only chunks. */
export function splitStatements(ddl: string): string[] {
  return ddl.split(/;\s*$/m)
    .map((s) => s.split('\n').filter((l) => !/^\s*(\/\/.*)?$/.test(l)).join('\n').trim())
    .filter(Boolean);
}

/** The closed EdgeKind set only, as a relationship type expression `A|B`. */
export function relTypes(kinds: readonly EdgeKind[]): string {
  if (kinds.length === 0) throw badInput('edgeKinds', 'must name at least one edge kind');
  for (const k of kinds) if (!EDGE_KINDS.includes(k)) throw badInput('edgeKinds', `unknown edge kind ${JSON.stringify(k)}`);
  return [...new Set(kinds)].join('|');
}

export function hops(depth: number): number {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_LINEAGE_DEPTH) throw badInput('depth', `must be an integer 1..${MAX_LINEAGE_DEPTH}`);
  return depth;
}

function count(field: string, n: number): number {
  if (!Number.isSafeInteger(n) || n < 0) throw badInput(field, 'must be a non-negative integer');
  return n;
}

/** Upsert identity and scalar fields; returns the props stored before this write ('{}' when created). */
export function upsertNodes(rows: readonly NodeRow[]): Statement {
  return {
    text: lines(
      'UNWIND $rows AS r',
      'MERGE (n:Node {key: r.key})',
      // Namespace and name come from the id: set once, as the embedded store does.
      "ON CREATE SET n.tenant = r.tenant, n.id = r.id, n.namespace = r.namespace, n.name = r.name, n.createdAt = r.firstAt, n.props = '{}'",
      'SET n.createdAt = CASE WHEN n.createdAt < r.firstAt THEN n.createdAt ELSE r.firstAt END,',
      '  n.kind = CASE WHEN r.kindIsDefault AND n.kind IS NOT NULL THEN n.kind ELSE r.kind END,',
      '  n.updatedAt = CASE WHEN n.updatedAt IS NULL OR n.updatedAt < r.at THEN r.at ELSE n.updatedAt END',
      'RETURN n.key AS key, n.props AS props, n.updatedAt AS updatedAt',
    ),
    params: { rows: rows.map((r) => ({ key: r.key, tenant: r.tenant, id: r.id, kind: r.kind, kindIsDefault: r.kindIsDefault, namespace: r.namespace, name: r.name, at: r.at, firstAt: r.firstAt })) },
  };
}

/** Write props already merged in JS (Cypher cannot merge JSON strings), with the validity they give. */
export function setNodeProps(rows: readonly { key: string; props: string; validTo: string; gaps: string }[]): Statement {
  return { text: "UNWIND $rows AS r\nMATCH (n:Node {key: r.key})\nSET n.props = r.props, n.validTo = r.validTo, n.gaps = CASE WHEN r.gaps = '' THEN null ELSE r.gaps END", params: { rows } };
}

/** One relationship type per statement; rows whose endpoints are missing are dropped, so `merged` < rows means a missing endpoint. */
export function mergeEdges(kind: EdgeKind, rows: readonly EdgeRow[]): Statement {
  return {
    text: lines(
      'UNWIND $rows AS r',
      'MATCH (a:Node {key: r.from})',
      'MATCH (b:Node {key: r.to})',
      `MERGE (a)-[e:${relTypes([kind])}]->(b)`,
      'ON CREATE SET e.validFrom = r.validFrom, e.recordedAt = r.recordedAt',
      // Gaps before validTo (SET applies in order): an ended edge made current again from a later time keeps the time between (rows.ts, reopenedGaps).
      'SET e.gaps = CASE WHEN r.gaps IS NOT NULL THEN (CASE WHEN r.gaps = \'\' THEN null ELSE r.gaps END)',
      '    WHEN r.setValidTo AND r.validTo = \'\' AND e.validTo IS NOT NULL AND r.validFrom > e.validTo',
      '      THEN (CASE WHEN e.gaps IS NULL THEN \'\' ELSE e.gaps + \',\' END) + e.validTo + \',\' + r.validFrom ELSE e.gaps END,',
      '  e.props = r.props, e.validTo = CASE WHEN NOT r.setValidTo THEN e.validTo WHEN r.validTo = \'\' THEN null ELSE r.validTo END,',
      '  e.validFrom = CASE WHEN e.validFrom < r.validFrom THEN e.validFrom ELSE r.validFrom END',
      'RETURN count(DISTINCT r) AS merged',
    ),
    params: {
      rows: rows.map((r) => ({
        from: r.from, to: r.to, props: r.props, validFrom: r.validFrom, recordedAt: r.recordedAt, setValidTo: r.setValidTo, validTo: r.validTo, gaps: r.gaps ?? null,
      })),
    },
  };
}

export function nodesByKey(keys: readonly string[]): Statement {
  return { text: `UNWIND $keys AS k\nMATCH (n:Node {key: k})\nRETURN n.key AS key, ${NODE('n')} AS node`, params: { keys } };
}

export function countNodes(tenant: string): Statement {
  return { text: 'MATCH (n:Node {tenant: $tenant})\nRETURN count(n) AS count', params: { tenant } };
}

/** Case-insensitive substring on name or id, over TEXT_SEARCH_KINDS; exact names first, then shorter names, then id. */
export function search(tenant: string, text: string, kinds: readonly NodeKind[] | undefined, limit: number): Statement {
  return {
    text: lines(
      'MATCH (n:Node {tenant: $tenant})',
      `WHERE n.kind IN $kinds AND (toLower(n.name) CONTAINS $text OR toLower(n.id) CONTAINS $text) AND ${alive('n', undefined)}`,
      `RETURN ${NODE('n')} AS node`,
      "ORDER BY CASE WHEN toLower(n.name) = $text THEN 0 ELSE 1 END, CASE WHEN n.kind IN ['Field', 'DatasetVersion', 'JobVersion', 'Namespace', 'Run'] THEN 1 ELSE 0 END, size(n.name), n.id",
      'LIMIT $limit',
    ),
    params: { tenant, text: text.toLowerCase(), kinds: (kinds?.length ? kinds : TEXT_SEARCH_KINDS).filter((k) => TEXT_SEARCH_KINDS.includes(k)), limit: count('limit', limit) },
  };
}

/** `(a)`'s edges `e` to neighbours `n` of the given kinds (every kind when none). */
function neighbourPattern(direction: Direction, kinds: readonly EdgeKind[] | undefined, a: string): string {
  const t = relTypes(kinds?.length ? kinds : EDGE_KINDS);
  switch (direction) {
    case 'DOWNSTREAM': return `${a}-[e:${t}]->(n:Node)`;
    case 'UPSTREAM': return `${a}<-[e:${t}]-(n:Node)`;
    case 'BOTH': return `${a}-[e:${t}]-(n:Node)`;
    default: throw new UnreachableCaseError(direction);
  }
}

const neighbourMatch = (direction: Direction, kinds: readonly EdgeKind[] | undefined) => `MATCH ${neighbourPattern(direction, kinds, '(a:Node {key: $key})')}`;

/** The WHERE of a neighbour read in this scope (none for every edge); 'live': both ends current too, as walks take them. */
const scoped = (scope: EdgeScope, indent = '') => (scope === 'all' ? [] : [`${indent}WHERE e.validTo IS NULL${scope === 'live' ? ` AND ${alive('a', undefined)} AND ${alive('n', undefined)}` : ''}`]);

export function neighbourCount(key: string, direction: Direction, kinds?: readonly EdgeKind[], scope: EdgeScope = 'current'): Statement {
  return { text: lines(neighbourMatch(direction, kinds), ...scoped(scope), 'RETURN count(e) AS count'), params: { key } };
}

const ORDER: Record<NeighbourOrder, string> = {
  kind: 'type(e), n.id, startNode(e).id',
  createdAt: 'n.createdAt DESC, n.id DESC, startNode(e).id',
  updatedAt: 'n.updatedAt DESC, n.id DESC, startNode(e).id',
};

export function neighbourPage(key: string, direction: Direction, kinds: readonly EdgeKind[] | undefined, limit: number, offset: number, scope: EdgeScope = 'current', order: NeighbourOrder = 'kind'): Statement {
  return {
    text: lines(
      neighbourMatch(direction, kinds),
      ...scoped(scope),
      `RETURN ${EDGE('e', 'startNode(e)', 'endNode(e)')} AS edge, ${NODE('n')} AS node`,
      `ORDER BY ${ORDER[order]}`,
      'SKIP $offset LIMIT $limit',
    ),
    params: { key, limit: count('limit', limit), offset: count('offset', offset) },
  };
}

/**
 * The first `limit` edges of each node of `keys`, in `neighbourPage`'s order: one row per node
 * found, its edges collected by a subquery that orders and cuts per node (a node with 100k edges
 * yields `limit`). The nodes at the other ends are not read: callers hold most of them.
 */
export function edgesOfMany(keys: readonly string[], direction: Direction, kinds: readonly EdgeKind[] | undefined, limit: number, includeEnded = false, order: NeighbourOrder = 'kind'): Statement {
  return {
    text: lines(
      'UNWIND $keys AS key',
      'MATCH (a:Node {key: key})',
      'RETURN key, COLLECT {',
      `  MATCH ${neighbourPattern(direction, kinds, '(a)')}`,
      ...scoped(includeEnded ? 'all' : 'current', '  '),
      '  WITH e, n',
      `  ORDER BY ${ORDER[order]}`,
      '  LIMIT $limit',
      `  RETURN ${EDGE('e', 'startNode(e)', 'endNode(e)')}`,
      '} AS edges',
    ),
    params: { keys, limit: count('limit', limit) },
  };
}

/** A one-way traversal. Depth and kinds are inlined (validated); `asOf` is always a parameter. */
export interface Walk { way: Way; depth: number; kinds: readonly EdgeKind[]; asOf?: string }

const ISO_UTC = /^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}:\d{2}(\.\d{1,6})?Z$/;

/** `asOf` must be an ISO-8601 UTC time, the format every stored time has (they compare as strings). */
export function checkAsOf(asOf: string | undefined): string | undefined {
  if (asOf !== undefined && (typeof asOf !== 'string' || !ISO_UTC.test(asOf) || Number.isNaN(Date.parse(asOf)))) {
    throw badInput('asOf', 'must be an ISO-8601 UTC time such as 2026-03-01T00:00:00.000Z');
  }
  return asOf;
}

/** Nodes without an end of validity (the current view), or valid at `asOf`: not ended then, outside its gaps (dropped and created again). */
function alive(n: string, asOf: string | undefined): string {
  const current = `${n}.validTo IS NULL OR ${n}.validTo = ''`;
  return checkAsOf(asOf) === undefined ? `(${current})` : `(${current} OR ${n}.validTo > $asOf) AND ${outsideGaps(`${n}.gaps`)}`;
}

/** Current edges, or with `asOf` the edges valid then: validFrom <= $asOf < validTo, outside its gaps. */
function validAt(r: string, asOf: string | undefined): string {
  return checkAsOf(asOf) === undefined ? `${r}.validTo IS NULL` : `${r}.validFrom <= $asOf AND (${r}.validTo IS NULL OR ${r}.validTo > $asOf) AND ${outsideGaps(`${r}.gaps`)}`;
}

/** $asOf in none of these gaps (encodeGaps: an odd number of their bounds <= $asOf inside one). */
function outsideGaps(gaps: string): string {
  return `(${gaps} IS NULL OR size([gap_t IN split(${gaps}, ',') WHERE gap_t <= $asOf]) % 2 = 0)`;
}

const asOfParam = (asOf: string | undefined) => (asOf === undefined ? {} : { asOf });

/**
 * The shortest paths of a walk from `a`: every reachable node once (`n`, never `a` itself), with its
 * path `p`; at `asOf`, only nodes that existed then. The selector partitions by endpoint, so the
 * filter on `n` does not change which path is chosen. Every node on the way is valid, the start
 * included: a dropped node stays readable but leads nowhere in the current view (as on Kuzu).
 */
function shortestPaths(w: Walk): string[] {
  const rel = `[r:${relTypes(w.kinds)} WHERE ${validAt('r', w.asOf)}]`;
  const step = w.way === 'DOWNSTREAM' ? `-${rel}->` : `<-${rel}-`;
  return [
    `MATCH (a:Node {key: $key}) WHERE ${alive('a', w.asOf)}`,
    `MATCH p = ANY SHORTEST (a)(()${step}(m WHERE ${alive('m', w.asOf)})){1,${hops(w.depth)}}(n:Node)`,
    w.asOf === undefined ? 'WHERE n <> a' : 'WHERE n <> a AND n.createdAt <= $asOf',
  ];
}

/**
 * Breadth-first (ANY SHORTEST) walk: each reachable node once, with its distance and `via`, the last
 * edge of its shortest path (so the answer keeps a spanning tree even when the edges query is cut).
 * Fetches `limit + 1` rows so the caller can tell that the node cap cut the answer.
 */
export function lineageNodes(key: string, w: Walk, limit: number): Statement {
  return {
    text: lines(
      ...shortestPaths(w),
      'WITH n, length(p) AS distance, last(relationships(p)) AS via',
      `RETURN ${NODE('n')} AS node, distance, ${EDGE('via', 'startNode(via)', 'endNode(via)')} AS via`,
      'ORDER BY distance, n.id',
      'LIMIT $limit',
    ),
    params: { key, ...asOfParam(w.asOf), limit: count('limit', limit) + 1 },
  };
}

/**
 * How many nodes a walk reaches, by kind and distance: at most `cap + 1` of them (so the caller can
 * tell it was capped). `perNode`: each node's key, kind and distance instead (a BOTH count merges the two walks).
 */
export function lineageCount(key: string, w: Walk, cap: number, perNode = false): Statement {
  return {
    text: lines(
      ...shortestPaths(w),
      `WITH ${perNode ? 'n.key AS ref, ' : ''}n.kind AS kind, length(p) AS distance`,
      'LIMIT $cap',
      perNode ? 'RETURN ref, kind, distance' : 'RETURN kind, distance, count(*) AS count',
    ),
    params: { key, ...asOfParam(w.asOf), cap: count('cap', cap) + 1 },
  };
}

/** Every edge of the given kinds between two nodes of `keys`: current ones, or those valid at `asOf`. */
export function lineageEdges(keys: readonly string[], kinds: readonly EdgeKind[], limit: number, asOf?: string): Statement {
  return {
    text: lines(
      'UNWIND $keys AS k',
      `MATCH (x:Node {key: k})-[e:${relTypes(kinds)}]->(y:Node)`,
      `WHERE ${validAt('e', asOf)} AND y.key IN $keys`,
      `RETURN ${EDGE('e', 'x', 'y')} AS edge`,
      'ORDER BY type(e), x.key, y.key',
      'LIMIT $limit',
    ),
    params: { keys, ...asOfParam(asOf), limit: count('limit', limit) },
  };
}
