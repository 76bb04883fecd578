// Nodes of the kinds that come many to an entity (runs, versions, fields, traces, quality results,
// registry history) live in a second node table: a lineage walk's cost grows with the size of the
// node table it ends in, reachable or not (queries.ts, TABLES). One rel table still joins them all.
// A store written before this file keeps such nodes in Node: the store moves them, with their edges,
// when it opens (KuzuGraphStore.init, Q.MOVE_TO_DETAIL), in one transaction and only when there are some.
CREATE NODE TABLE IF NOT EXISTS Detail(key STRING, tenant STRING, id STRING, kind STRING, namespace STRING, name STRING, props STRING, createdAt STRING, updatedAt STRING, validTo STRING, PRIMARY KEY(key));
ALTER TABLE Edge ADD IF NOT EXISTS FROM Node TO Detail;
ALTER TABLE Edge ADD IF NOT EXISTS FROM Detail TO Node;
ALTER TABLE Edge ADD IF NOT EXISTS FROM Detail TO Detail;
