// Nodes of the kinds that come many to an entity (runs, versions, fields, traces, quality results,
// registry history) live in a second node table: a lineage walk's cost grows with the size of the
// node table it ends in, reachable or not (queries.ts, TABLES). One rel table still joins them all.
CREATE NODE TABLE IF NOT EXISTS Detail(key STRING, tenant STRING, id STRING, kind STRING, namespace STRING, name STRING, props STRING, createdAt STRING, updatedAt STRING, validTo STRING, PRIMARY KEY(key));
ALTER TABLE Edge ADD IF NOT EXISTS FROM Node TO Detail;
ALTER TABLE Edge ADD IF NOT EXISTS FROM Detail TO Node;
ALTER TABLE Edge ADD IF NOT EXISTS FROM Detail TO Detail;
// A store written before this file keeps such nodes in Node: they move, with their edges, in one
// transaction (a crash leaves the store as it was, and the next start moves them again). Once moved,
// these statements find nothing to do. The kinds are queries.ts's DETAIL_KINDS (a test keeps them equal).
BEGIN TRANSACTION;
MATCH (n:Node) WHERE n.kind IN ['Run', 'JobVersion', 'DatasetVersion', 'Field', 'Trace', 'QualityResult', 'RegistryEvent']
CREATE (:Detail {key: n.key, tenant: n.tenant, id: n.id, kind: n.kind, namespace: n.namespace, name: n.name, props: n.props, createdAt: n.createdAt, updatedAt: n.updatedAt, validTo: n.validTo});
MATCH (a:Node)-[e:Edge]->(b:Node) WHERE NOT a.kind IN ['Run', 'JobVersion', 'DatasetVersion', 'Field', 'Trace', 'QualityResult', 'RegistryEvent'] AND b.kind IN ['Run', 'JobVersion', 'DatasetVersion', 'Field', 'Trace', 'QualityResult', 'RegistryEvent']
MATCH (y:Detail {key: b.key})
CREATE (a)-[:Edge {kind: e.kind, props: e.props, validFrom: e.validFrom, validTo: e.validTo, recordedAt: e.recordedAt, endsAt: e.endsAt}]->(y);
MATCH (a:Node)-[e:Edge]->(b:Node) WHERE a.kind IN ['Run', 'JobVersion', 'DatasetVersion', 'Field', 'Trace', 'QualityResult', 'RegistryEvent'] AND NOT b.kind IN ['Run', 'JobVersion', 'DatasetVersion', 'Field', 'Trace', 'QualityResult', 'RegistryEvent']
MATCH (x:Detail {key: a.key})
CREATE (x)-[:Edge {kind: e.kind, props: e.props, validFrom: e.validFrom, validTo: e.validTo, recordedAt: e.recordedAt, endsAt: e.endsAt}]->(b);
MATCH (a:Node)-[e:Edge]->(b:Node) WHERE a.kind IN ['Run', 'JobVersion', 'DatasetVersion', 'Field', 'Trace', 'QualityResult', 'RegistryEvent'] AND b.kind IN ['Run', 'JobVersion', 'DatasetVersion', 'Field', 'Trace', 'QualityResult', 'RegistryEvent']
MATCH (x:Detail {key: a.key}), (y:Detail {key: b.key})
CREATE (x)-[:Edge {kind: e.kind, props: e.props, validFrom: e.validFrom, validTo: e.validTo, recordedAt: e.recordedAt, endsAt: e.endsAt}]->(y);
MATCH (n:Node) WHERE n.kind IN ['Run', 'JobVersion', 'DatasetVersion', 'Field', 'Trace', 'QualityResult', 'RegistryEvent'] DETACH DELETE n;
COMMIT;
