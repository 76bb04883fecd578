/** Kuzu dialect: pure query text builders. Shared Cypher subset plus Kuzu's `* SHORTEST` recursive joins. */
import { EDGE_KINDS, MAX_LINEAGE_DEPTH, type Direction, type EdgeKind } from '../../domain/model.js';

const NODE_FIELDS = 'n.id AS id, n.kind AS kind, n.namespace AS namespace, n.name AS name, n.props AS props, n.createdAt AS createdAt, n.updatedAt AS updatedAt';

/** MERGE every key (index lookup) and return what was stored before: null kind = did not exist. */
export const MERGE_KEYS_RETURN_PREVIOUS =
  'UNWIND $keys AS k WITH k MERGE (n:Node {key: k}) RETURN k AS key, n.kind AS kind, n.props AS props, n.createdAt AS createdAt, n.updatedAt AS updatedAt';

/** Scalar fields only: props are rewritten only when they changed (Kuzu never reclaims the space of a replaced string). */
export const SET_NODE_FIELDS =
  'UNWIND $rows AS r WITH r.key AS key, r.tenant AS tenant, r.id AS id, r.kind AS kind, r.namespace AS ns, r.name AS name, r.createdAt AS createdAt, r.updatedAt AS updatedAt ' +
  'MERGE (n:Node {key: key}) SET n.tenant = tenant, n.id = id, n.kind = kind, n.namespace = ns, n.name = name, n.createdAt = createdAt, n.updatedAt = updatedAt';

export const SET_NODES =
  'UNWIND $rows AS r WITH r.key AS key, r.tenant AS tenant, r.id AS id, r.kind AS kind, r.namespace AS ns, r.name AS name, r.props AS props, r.createdAt AS createdAt, r.updatedAt AS updatedAt ' +
  'MERGE (n:Node {key: key}) SET n.tenant = tenant, n.id = id, n.kind = kind, n.namespace = ns, n.name = name, n.props = props, n.createdAt = createdAt, n.updatedAt = updatedAt';

export const MERGE_EDGES =
  'UNWIND $rows AS r WITH r.from AS s, r.to AS d, r.kind AS kind, r.props AS props, r.validFrom AS vf, r.recordedAt AS ra ' +
  'MERGE (a:Node {key: s}) MERGE (b:Node {key: d}) MERGE (a)-[e:Edge {kind: kind}]->(b) ' +
  'ON CREATE SET e.validFrom = vf, e.recordedAt = ra ' +
  'SET e.props = props, e.validTo = NULL, e.validFrom = CASE WHEN e.validFrom < vf THEN e.validFrom ELSE vf END';

export const GET_NODE = `MATCH (n:Node {key: $key}) RETURN ${NODE_FIELDS}`;

// Never bind an empty list in Kuzu 0.11 (it crashes the process): callers pass every kind instead of none.
export const SEARCH =
  `MATCH (n:Node) WHERE n.tenant = $tenant AND list_contains($kinds, n.kind) ` +
  `AND (lower(n.name) CONTAINS $text OR lower(n.id) CONTAINS $text) ` +
  `RETURN ${NODE_FIELDS}, CASE WHEN lower(n.name) = $text THEN 0 ELSE 1 END AS exact ` +
  'ORDER BY exact, size(n.name), n.id LIMIT $limit';

export const COUNT_NODES = 'MATCH (n:Node) WHERE n.tenant = $tenant RETURN count(n) AS count';

const arrows = (direction: Exclude<Direction, 'BOTH'>, rel: string) =>
  direction === 'DOWNSTREAM' ? [`-[${rel}]->`, ''] : [`<-[${rel}]-`, ''];

/** Kuzu cannot bind parameters inside a recursive-join filter: kinds are inlined, from the closed EdgeKind set only. */
function hops(depth: number): number {
  if (!Number.isInteger(depth) || depth < 1 || depth > MAX_LINEAGE_DEPTH) throw new Error(`depth must be an integer 1..${MAX_LINEAGE_DEPTH}`);
  return depth;
}

function edgeFilter(kinds: readonly EdgeKind[]): string {
  for (const k of kinds) if (!EDGE_KINDS.includes(k)) throw new Error(`unknown edge kind ${k}`);
  return `(r, _n | WHERE r.kind IN [${kinds.map((k) => `'${k}'`).join(', ')}] AND r.validTo IS NULL)`;
}

/** Nodes within `depth` hops, each with its shortest distance. `depth` is a validated integer literal. */
export function lineageNodes(direction: Exclude<Direction, 'BOTH'>, depth: number, kinds: readonly EdgeKind[]): string {
  const [arrow] = arrows(direction, `e:Edge* SHORTEST 1..${hops(depth)} ${edgeFilter(kinds)}`);
  return `MATCH p = (a:Node {key: $key})${arrow}(n:Node) RETURN ${NODE_FIELDS}, n.key AS key, length(p) AS distance ` +
    'ORDER BY distance, n.id LIMIT $limit';
}

/** Edges leaving (in the traversal direction) nodes closer than `depth`: the root's own, then the rest. */
export function lineageEdges(direction: Exclude<Direction, 'BOTH'>, depth: number, kinds: readonly EdgeKind[], fromRoot: boolean): string {
  const step = direction === 'DOWNSTREAM' ? '-[r:Edge]->' : '<-[r:Edge]-';
  const walk = fromRoot ? '(x:Node {key: $key})' : `(a:Node {key: $key})${arrows(direction, `e:Edge* SHORTEST 1..${hops(depth - 1)} ${edgeFilter(kinds)}`)[0]}(x:Node)`;
  const [src, dst] = direction === 'DOWNSTREAM' ? ['x', 'y'] : ['y', 'x'];
  return `MATCH ${walk}${step}(y:Node) WHERE list_contains($kinds, r.kind) AND r.validTo IS NULL ` +
    `RETURN DISTINCT ${src}.key AS fromKey, ${dst}.key AS toKey, r.kind AS kind, r.props AS props, r.validFrom AS validFrom, r.validTo AS validTo LIMIT $limit`;
}

export function neighbourCount(direction: Direction): string {
  return `MATCH (a:Node {key: $key})${neighbourPattern(direction)}(n:Node) WHERE r.validTo IS NULL AND list_contains($kinds, r.kind) RETURN count(*) AS count`;
}

/** `rel` is the whole relationship: its `_dst` internal id tells the edge's direction when walking both ways. */
export function neighbourPage(direction: Direction): string {
  return `MATCH (a:Node {key: $key})${neighbourPattern(direction)}(n:Node) WHERE r.validTo IS NULL AND list_contains($kinds, r.kind) ` +
    `RETURN ${NODE_FIELDS}, n.key AS otherKey, id(n) AS otherId, r AS rel ` +
    'ORDER BY rel.kind, n.id SKIP $offset LIMIT $limit';
}

const neighbourPattern = (d: Direction) => (d === 'DOWNSTREAM' ? '-[r:Edge]->' : d === 'UPSTREAM' ? '<-[r:Edge]-' : '-[r:Edge]-');
