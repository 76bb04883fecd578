/**
 * Every statement the Neo4j adapter can send, parsed and semantically checked by Neo4j's own Cypher
 * front end (@neo4j-cypher/language-support, offline). No server needed.
 */
import { describe, expect, it } from 'vitest';
import { isNotParamError, lintCypherQuery } from '@neo4j-cypher/language-support';
import { EDGE_KINDS, LINEAGE_EDGE_KINDS, MAX_LINEAGE_DEPTH, type Direction, type EdgeKind } from '../../domain/model.js';
import { normaliseBatch, storeKey } from '../rows.js';
import * as Q from './cypher.js';
import { readSchema } from './Neo4jGraphStore.js';

const PARAM_NOT_DEFINED = /^Parameter \$(\w+) is not defined\.$/;

/** Diagnostics other than "parameter not defined", and the parameters the parser saw referenced. */
function lint(text: string): { errors: string[]; params: string[] } {
  const messages = lintCypherQuery(text, {}).diagnostics.map((d) => ({ message: typeof d.message === 'string' ? d.message : d.message.value }));
  const params = messages.filter((d) => !isNotParamError(d)).map((d) => PARAM_NOT_DEFINED.exec(d.message)?.[1] ?? d.message);
  return { errors: messages.filter(isNotParamError).map((d) => d.message), params: [...new Set(params)].sort() };
}

/** Clean parse, and the text references exactly the parameters the builder supplies. */
function expectValid({ text, params }: Q.Statement): void {
  const got = lint(text);
  expect(got.errors, text).toEqual([]);
  expect(got.params, text).toEqual(Object.keys(params).sort());
}

const T = 'acme';
const key = storeKey(T, 'dataset:ns:raw');
const keys = [key, storeKey(T, 'job:ns:clean')];
const batch = normaliseBatch(T, {
  nodes: [
    { id: 'dataset:ns:raw', kind: 'Dataset', namespace: 'ns', name: 'raw', props: { format: 'csv' }, at: '2026-01-01T00:00:00.000Z' },
    { id: 'job:ns:clean', kind: 'Job', namespace: 'ns', name: 'clean' },
  ],
  edges: [{ kind: 'INPUT_TO', from: 'dataset:ns:raw', to: 'job:ns:clean' }],
}, '2026-01-02T00:00:00.000Z');

const DIRECTIONS: Direction[] = ['DOWNSTREAM', 'UPSTREAM', 'BOTH'];
const WAYS: Q.Way[] = ['DOWNSTREAM', 'UPSTREAM'];
// Without edgeKinds (the builder's default: every kind) and with one. Each lint costs ~150 ms: keep the matrix lean.
const KIND_SETS: (readonly EdgeKind[] | undefined)[] = [undefined, ['OUTPUT']];
const DEPTHS = Array.from({ length: MAX_LINEAGE_DEPTH }, (_, i) => i + 1);
const AS_OFS = [undefined, '2026-03-01T00:00:00.000Z'];
const NODE_VARIANTS: { kinds: readonly EdgeKind[]; asOf?: string }[] = [{ kinds: LINEAGE_EDGE_KINDS }, { kinds: ['OUTPUT'], asOf: AS_OFS[1] }];
const COUNT_VARIANTS: { kinds: readonly EdgeKind[]; asOf?: string }[] = [{ kinds: ['OUTPUT'] }, { kinds: LINEAGE_EDGE_KINDS, asOf: AS_OFS[1] }];

const cases: { name: string; s: Q.Statement }[] = [
  { name: 'ping', s: { text: Q.PING, params: {} } },
  { name: 'upsertNodes', s: Q.upsertNodes(batch.nodes) },
  { name: 'setNodeProps', s: Q.setNodeProps([{ key, props: '{"a":1}', validTo: '', gaps: '' }]) },
  ...EDGE_KINDS.map((k) => ({ name: `mergeEdges ${k}`, s: Q.mergeEdges(k, batch.edges) })),
  { name: 'nodesByKey', s: Q.nodesByKey(keys) },
  { name: 'countNodes', s: Q.countNodes(T) },
  { name: 'search', s: Q.search(T, 'Raw', undefined, 10) },
  { name: 'search with kinds', s: Q.search(T, 'raw', ['Dataset', 'Job'], 10) },
  ...DIRECTIONS.flatMap((d) => KIND_SETS.flatMap((ks) => [
    { name: `neighbourCount ${d} ${ks?.join('|') ?? 'all'}`, s: Q.neighbourCount(key, d, ks) },
    { name: `neighbourPage ${d} ${ks?.join('|') ?? 'all'}`, s: Q.neighbourPage(key, d, ks, 10, 20) },
    { name: `neighbourCount ${d} ${ks?.join('|') ?? 'all'} with ended`, s: Q.neighbourCount(key, d, ks, 'all') },
    { name: `neighbourPage ${d} ${ks?.join('|') ?? 'all'} with ended`, s: Q.neighbourPage(key, d, ks, 10, 20, 'all') },
    { name: `neighbourCount ${d} ${ks?.join('|') ?? 'all'} between current nodes`, s: Q.neighbourCount(key, d, ks, 'live') },
    { name: `neighbourPage ${d} ${ks?.join('|') ?? 'all'} between current nodes`, s: Q.neighbourPage(key, d, ks, 10, 20, 'live') },
    { name: `neighbourPage ${d} ${ks?.join('|') ?? 'all'} newest by createdAt`, s: Q.neighbourPage(key, d, ks, 10, 20, 'current', 'createdAt') },
    { name: `neighbourPage ${d} ${ks?.join('|') ?? 'all'} newest by updatedAt`, s: Q.neighbourPage(key, d, ks, 10, 20, 'all', 'updatedAt') },
  ])),
  ...DIRECTIONS.flatMap((d) => [
    { name: `edgesOfMany ${d} all`, s: Q.edgesOfMany(keys, d, undefined, 5) },
    { name: `edgesOfMany ${d} OUTPUT with ended, newest by createdAt`, s: Q.edgesOfMany(keys, d, ['OUTPUT'], 5, true, 'createdAt') },
    { name: `edgesOfMany ${d} OUTPUT newest by updatedAt`, s: Q.edgesOfMany(keys, d, ['OUTPUT'], 5, false, 'updatedAt') },
  ]),
  // Every statement lineage and countLineage send, for every direction (BOTH = both ways), every depth, with and
  // without asOf. Kinds and asOf fill independent parts of the text, so they are paired (both pairings across the builders).
  ...WAYS.flatMap((way) => DEPTHS.flatMap((depth) => [
    ...NODE_VARIANTS.map(({ kinds, asOf }) => (
      { name: `lineageNodes ${way} depth ${depth} ${kinds.join('|')} ${asOf ?? 'now'}`, s: Q.lineageNodes(key, { way, depth, kinds, asOf }, 100) }
    )),
    ...COUNT_VARIANTS.map(({ kinds, asOf }) => (
      { name: `lineageCount ${way} depth ${depth} ${kinds.join('|')} ${asOf ?? 'now'}`, s: Q.lineageCount(key, { way, depth, kinds, asOf }, 1000) }
    )),
    ...COUNT_VARIANTS.map(({ kinds, asOf }) => (
      { name: `lineageCount per node ${way} depth ${depth} ${kinds.join('|')} ${asOf ?? 'now'}`, s: Q.lineageCount(key, { way, depth, kinds, asOf }, 1000, true) }
    )),
  ])),
  { name: 'lineageNodes every edge kind', s: Q.lineageNodes(key, { way: 'DOWNSTREAM', depth: 2, kinds: EDGE_KINDS }, 10) },
  ...KIND_SETS.flatMap((ks) => AS_OFS.map((asOf) => (
    { name: `lineageEdges ${ks?.join('|') ?? 'default'} ${asOf ?? 'now'}`, s: Q.lineageEdges(keys, ks ?? LINEAGE_EDGE_KINDS, 1000, asOf) }
  ))),
];

describe('Neo4j Cypher builders parse with Neo4j\'s parser', () => {
  it.each(cases)('$name', ({ s }) => expectValid(s));

  it('every DDL statement of schema/graph/neo4j parses, and the key is unique', async () => {
    const ddl = await readSchema();
    expect(ddl.length).toBeGreaterThanOrEqual(4);
    for (const text of ddl) expectValid({ text, params: {} });
    expect(ddl).toContain('CREATE CONSTRAINT node_key IF NOT EXISTS FOR (n:Node) REQUIRE n.key IS UNIQUE');
    expect(ddl.every((s) => s.includes('IF NOT EXISTS'))).toBe(true);
  });

  it('fails on broken Cypher (the check can fail)', () => {
    expect(lint('MATCH (n:Node {key: $key} RETURN n').errors).not.toEqual([]); // syntax
    expect(lint('MATCH (n:Node {key: $key}) RETURN m').errors).toEqual(['Variable `m` not defined']); // semantics
    expect(lint('MATCH (a) CALL { WITH a RETURN 1 AS x } RETURN x').errors).not.toEqual([]); // deprecations count too
    expect(() => expectValid({ text: 'MATCH (n:Node {key: $key}) RETURN n LIMIT $limit', params: { key } })).toThrow();
    expect(() => expectValid({ text: 'MATCH (n:Node {key: $key}) RETURN n', params: { key, unused: 1 } })).toThrow();
  });
});

describe('Neo4j Cypher builders only inline validated values', () => {
  const rejects = (f: () => unknown, field: string) => expect(f).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT', field }));

  it('rejects depths outside 1..10, unknown edge kinds and bad limits', () => {
    const walk = (w: Partial<Q.Walk>): Q.Walk => ({ way: 'DOWNSTREAM', depth: 2, kinds: LINEAGE_EDGE_KINDS, ...w });
    for (const depth of [0, 11, 2.5, Number.NaN]) {
      rejects(() => Q.lineageNodes(key, walk({ depth }), 10), 'depth');
      rejects(() => Q.lineageCount(key, walk({ depth }), 10), 'depth');
    }
    rejects(() => Q.lineageNodes(key, walk({ way: 'UPSTREAM', kinds: ['OUTPUT]->() DETACH DELETE a //' as EdgeKind] }), 10), 'edgeKinds');
    rejects(() => Q.lineageCount(key, walk({ kinds: [] }), 10), 'edgeKinds');
    rejects(() => Q.lineageCount(key, walk({}), -1), 'cap');
    rejects(() => Q.mergeEdges('NOPE' as EdgeKind, batch.edges), 'edgeKinds');
    rejects(() => Q.lineageEdges(keys, [], 10), 'edgeKinds');
    for (const asOf of ["2026-01-01' OR 1=1 //", '2026-01-01', '2026-01-01T00:00:00+01:00', '2026-13-45T00:00:00Z', '']) {
      rejects(() => Q.lineageNodes(key, walk({ asOf }), 10), 'asOf');
      rejects(() => Q.lineageCount(key, walk({ asOf }), 10), 'asOf');
      rejects(() => Q.lineageEdges(keys, LINEAGE_EDGE_KINDS, 10, asOf), 'asOf');
    }
    rejects(() => Q.neighbourPage(key, 'BOTH', undefined, -1, 0), 'limit');
    rejects(() => Q.neighbourPage(key, 'BOTH', undefined, 10, 1.5), 'offset');
    rejects(() => Q.search(T, 'x', undefined, Number.POSITIVE_INFINITY), 'limit');
    rejects(() => Q.edgesOfMany(keys, 'BOTH', undefined, -1), 'limit');
    rejects(() => Q.edgesOfMany(keys, 'UPSTREAM', ['RUN_OF]-() DETACH DELETE a //' as EdgeKind], 1), 'edgeKinds');
  });

  it('splits DDL files on `;` and drops comments', () => {
    expect(Q.splitStatements('// header\nCREATE INDEX a IF NOT EXISTS FOR (n:Node) ON (n.x);\n\n// c\nRETURN 1;\n// trailing\n'))
      .toEqual(['CREATE INDEX a IF NOT EXISTS FOR (n:Node) ON (n.x)', 'RETURN 1']);
  });
});

describe('Neo4j Cypher builders (pinned)', () => {
  it('upserts nodes with MERGE on the key, keeping createdAt and the later updatedAt', () => {
    const s = Q.upsertNodes(batch.nodes);
    expect(s.text).toMatchInlineSnapshot(`
      "UNWIND $rows AS r
      MERGE (n:Node {key: r.key})
      ON CREATE SET n.tenant = r.tenant, n.id = r.id, n.namespace = r.namespace, n.name = r.name, n.createdAt = r.firstAt, n.props = '{}'
      SET n.createdAt = CASE WHEN n.createdAt < r.firstAt THEN n.createdAt ELSE r.firstAt END,
        n.kind = CASE WHEN r.kindIsDefault AND n.kind IS NOT NULL THEN n.kind ELSE r.kind END,
        n.updatedAt = CASE WHEN n.updatedAt IS NULL OR n.updatedAt < r.at THEN r.at ELSE n.updatedAt END
      RETURN n.key AS key, n.props AS props, n.updatedAt AS updatedAt"
    `);
    expect(s.params.rows).toMatchInlineSnapshot(`
      [
        {
          "at": "2026-01-01T00:00:00.000Z",
          "firstAt": "2026-01-01T00:00:00.000Z",
          "id": "dataset:ns:raw",
          "key": "acme/dataset:ns:raw",
          "kind": "Dataset",
          "kindIsDefault": false,
          "name": "raw",
          "namespace": "ns",
          "tenant": "acme",
        },
        {
          "at": "2026-01-02T00:00:00.000Z",
          "firstAt": "2026-01-02T00:00:00.000Z",
          "id": "job:ns:clean",
          "key": "acme/job:ns:clean",
          "kind": "Job",
          "kindIsDefault": false,
          "name": "clean",
          "namespace": "ns",
          "tenant": "acme",
        },
      ]
    `);
  });

  it('merges edges of one kind between existing endpoints', () => {
    expect(Q.mergeEdges('OUTPUT', batch.edges).text).toMatchInlineSnapshot(`
      "UNWIND $rows AS r
      MATCH (a:Node {key: r.from})
      MATCH (b:Node {key: r.to})
      MERGE (a)-[e:OUTPUT]->(b)
      ON CREATE SET e.validFrom = r.validFrom, e.recordedAt = r.recordedAt
      SET e.gaps = CASE WHEN r.gaps IS NOT NULL THEN (CASE WHEN r.gaps = '' THEN null ELSE r.gaps END)
          WHEN r.setValidTo AND r.validTo = '' AND e.validTo IS NOT NULL AND r.validFrom > e.validTo
            THEN (CASE WHEN e.gaps IS NULL THEN '' ELSE e.gaps + ',' END) + e.validTo + ',' + r.validFrom ELSE e.gaps END,
        e.props = r.props, e.validTo = CASE WHEN NOT r.setValidTo THEN e.validTo WHEN r.validTo = '' THEN null ELSE r.validTo END,
        e.validFrom = CASE WHEN e.validFrom < r.validFrom THEN e.validFrom ELSE r.validFrom END
      RETURN count(DISTINCT r) AS merged"
    `);
  });

  it('walks lineage breadth-first with the depth and kinds inlined', () => {
    const s = Q.lineageNodes(key, { way: 'UPSTREAM', depth: 3, kinds: LINEAGE_EDGE_KINDS }, 50);
    expect(s.text).toMatchInlineSnapshot(`
      "MATCH (a:Node {key: $key}) WHERE (a.validTo IS NULL OR a.validTo = '')
      MATCH p = ANY SHORTEST (a)(()<-[r:INPUT_TO|OUTPUT|ALIAS|FEEDS|TRAINS|PRODUCED|SERVES_PROMPT|SERVED|PROMPTED WHERE r.validTo IS NULL]-(m WHERE (m.validTo IS NULL OR m.validTo = ''))){1,3}(n:Node)
      WHERE n <> a
      WITH n, length(p) AS distance, last(relationships(p)) AS via
      RETURN n {.id, .kind, .namespace, .name, .props, .createdAt, .updatedAt, .validTo, .gaps} AS node, distance, via {kind: type(via), fromKey: startNode(via).key, toKey: endNode(via).key, .props, .validFrom, .validTo, .gaps} AS via
      ORDER BY distance, n.id
      LIMIT $limit"
    `);
    expect(s.params).toMatchInlineSnapshot(`
      {
        "key": "acme/dataset:ns:raw",
        "limit": 51,
      }
    `);
  });

  it('walks lineage as of a time with the time as a parameter', () => {
    const s = Q.lineageNodes(key, { way: 'DOWNSTREAM', depth: 2, kinds: ['OUTPUT'], asOf: '2026-03-01T00:00:00.000Z' }, 10);
    expect(s.text).toMatchInlineSnapshot(`
      "MATCH (a:Node {key: $key}) WHERE (a.validTo IS NULL OR a.validTo = '' OR a.validTo > $asOf) AND (a.gaps IS NULL OR size([gap_t IN split(a.gaps, ',') WHERE gap_t <= $asOf]) % 2 = 0)
      MATCH p = ANY SHORTEST (a)(()-[r:OUTPUT WHERE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf) AND (r.gaps IS NULL OR size([gap_t IN split(r.gaps, ',') WHERE gap_t <= $asOf]) % 2 = 0)]->(m WHERE (m.validTo IS NULL OR m.validTo = '' OR m.validTo > $asOf) AND (m.gaps IS NULL OR size([gap_t IN split(m.gaps, ',') WHERE gap_t <= $asOf]) % 2 = 0))){1,2}(n:Node)
      WHERE n <> a AND n.createdAt <= $asOf
      WITH n, length(p) AS distance, last(relationships(p)) AS via
      RETURN n {.id, .kind, .namespace, .name, .props, .createdAt, .updatedAt, .validTo, .gaps} AS node, distance, via {kind: type(via), fromKey: startNode(via).key, toKey: endNode(via).key, .props, .validFrom, .validTo, .gaps} AS via
      ORDER BY distance, n.id
      LIMIT $limit"
    `);
    expect(s.params).toMatchInlineSnapshot(`
      {
        "asOf": "2026-03-01T00:00:00.000Z",
        "key": "acme/dataset:ns:raw",
        "limit": 11,
      }
    `);
  });

  it('counts lineage with the cap inside the walk', () => {
    const s = Q.lineageCount(key, { way: 'UPSTREAM', depth: 4, kinds: LINEAGE_EDGE_KINDS, asOf: '2026-03-01T00:00:00.000Z' }, 100);
    expect(s.text).toMatchInlineSnapshot(`
      "MATCH (a:Node {key: $key}) WHERE (a.validTo IS NULL OR a.validTo = '' OR a.validTo > $asOf) AND (a.gaps IS NULL OR size([gap_t IN split(a.gaps, ',') WHERE gap_t <= $asOf]) % 2 = 0)
      MATCH p = ANY SHORTEST (a)(()<-[r:INPUT_TO|OUTPUT|ALIAS|FEEDS|TRAINS|PRODUCED|SERVES_PROMPT|SERVED|PROMPTED WHERE r.validFrom <= $asOf AND (r.validTo IS NULL OR r.validTo > $asOf) AND (r.gaps IS NULL OR size([gap_t IN split(r.gaps, ',') WHERE gap_t <= $asOf]) % 2 = 0)]-(m WHERE (m.validTo IS NULL OR m.validTo = '' OR m.validTo > $asOf) AND (m.gaps IS NULL OR size([gap_t IN split(m.gaps, ',') WHERE gap_t <= $asOf]) % 2 = 0))){1,4}(n:Node)
      WHERE n <> a AND n.createdAt <= $asOf
      WITH n.kind AS kind, length(p) AS distance
      LIMIT $cap
      RETURN kind, distance, count(*) AS count"
    `);
    expect(s.params).toMatchInlineSnapshot(`
      {
        "asOf": "2026-03-01T00:00:00.000Z",
        "cap": 101,
        "key": "acme/dataset:ns:raw",
      }
    `);
  });

  it('fetches the edges between lineage nodes, current or as of a time', () => {
    expect(Q.lineageEdges(keys, LINEAGE_EDGE_KINDS, 1000).text).toMatchInlineSnapshot(`
      "UNWIND $keys AS k
      MATCH (x:Node {key: k})-[e:INPUT_TO|OUTPUT|ALIAS|FEEDS|TRAINS|PRODUCED|SERVES_PROMPT|SERVED|PROMPTED]->(y:Node)
      WHERE e.validTo IS NULL AND y.key IN $keys
      RETURN e {kind: type(e), fromKey: x.key, toKey: y.key, .props, .validFrom, .validTo, .gaps} AS edge
      ORDER BY type(e), x.key, y.key
      LIMIT $limit"
    `);
    expect(Q.lineageEdges(keys, LINEAGE_EDGE_KINDS, 1000, '2026-03-01T00:00:00.000Z').text).toMatchInlineSnapshot(`
      "UNWIND $keys AS k
      MATCH (x:Node {key: k})-[e:INPUT_TO|OUTPUT|ALIAS|FEEDS|TRAINS|PRODUCED|SERVES_PROMPT|SERVED|PROMPTED]->(y:Node)
      WHERE e.validFrom <= $asOf AND (e.validTo IS NULL OR e.validTo > $asOf) AND (e.gaps IS NULL OR size([gap_t IN split(e.gaps, ',') WHERE gap_t <= $asOf]) % 2 = 0) AND y.key IN $keys
      RETURN e {kind: type(e), fromKey: x.key, toKey: y.key, .props, .validFrom, .validTo, .gaps} AS edge
      ORDER BY type(e), x.key, y.key
      LIMIT $limit"
    `);
  });

  it('pages neighbours both ways with the edge direction preserved', () => {
    expect(Q.neighbourPage(key, 'BOTH', undefined, 10, 0).text).toMatchInlineSnapshot(`
      "MATCH (a:Node {key: $key})-[e:INPUT_TO|OUTPUT|READ_BY|WROTE|RUN_OF|PARENT_OF|CONTAINS|HAS_KEY|HAS_VERSION|RAN|HAS_FIELD|DERIVES|ALIAS|HAS_RUN|PRODUCED|TRACED|SERVED|PROMPTED|EVALUATES|EVALUATED_ON|LAUNCHED|RECORDED|TRAINS|SERVES_PROMPT|DISPATCHED|FEEDS|RAISED|CONCERNS|TAGGED]-(n:Node)
      WHERE e.validTo IS NULL
      RETURN e {kind: type(e), fromKey: startNode(e).key, toKey: endNode(e).key, .props, .validFrom, .validTo, .gaps} AS edge, n {.id, .kind, .namespace, .name, .props, .createdAt, .updatedAt, .validTo, .gaps} AS node
      ORDER BY type(e), n.id, startNode(e).id
      SKIP $offset LIMIT $limit"
    `);
  });

  it('reads the first edges of many nodes, ordered and cut per node', () => {
    const s = Q.edgesOfMany(keys, 'UPSTREAM', ['RUN_OF'], 5, false, 'createdAt');
    expect(s.text).toMatchInlineSnapshot(`
      "UNWIND $keys AS key
      MATCH (a:Node {key: key})
      RETURN key, COLLECT {
        MATCH (a)<-[e:RUN_OF]-(n:Node)
        WHERE e.validTo IS NULL
        WITH e, n
        ORDER BY n.createdAt DESC, n.id DESC, startNode(e).id
        LIMIT $limit
        RETURN e {kind: type(e), fromKey: startNode(e).key, toKey: endNode(e).key, .props, .validFrom, .validTo, .gaps}
      } AS edges"
    `);
    expect(s.params).toEqual({ keys, limit: 5 });
  });

  it('searches case-insensitively within the tenant', () => {
    expect(Q.search(T, 'Raw', ['Dataset'], 5)).toMatchInlineSnapshot(`
      {
        "params": {
          "kinds": [
            "Dataset",
          ],
          "limit": 5,
          "tenant": "acme",
          "text": "raw",
        },
        "text": "MATCH (n:Node {tenant: $tenant})
      WHERE n.kind IN $kinds AND (toLower(n.name) CONTAINS $text OR toLower(n.id) CONTAINS $text) AND (n.validTo IS NULL OR n.validTo = '')
      RETURN n {.id, .kind, .namespace, .name, .props, .createdAt, .updatedAt, .validTo, .gaps} AS node
      ORDER BY CASE WHEN toLower(n.name) = $text THEN 0 ELSE 1 END, CASE WHEN n.kind IN ['Field', 'DatasetVersion', 'JobVersion', 'Namespace', 'Run'] THEN 1 ELSE 0 END, size(n.name), n.id
      LIMIT $limit",
      }
    `);
  });
});
