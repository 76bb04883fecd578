// Loom graph schema for Neo4j 5 (>= 5.21: the adapter's lineage queries use ANY SHORTEST). Applied by
// Neo4jGraphStore.init() in file order, one statement per `;`. Idempotent: every statement is IF NOT EXISTS.
// Every node is (:Node {key: tenant/id, tenant, id, kind, namespace, name, props, createdAt, updatedAt});
// every edge is a relationship whose type is the EdgeKind.
CREATE CONSTRAINT node_key IF NOT EXISTS FOR (n:Node) REQUIRE n.key IS UNIQUE;
CREATE INDEX node_tenant IF NOT EXISTS FOR (n:Node) ON (n.tenant);
CREATE INDEX node_tenant_kind IF NOT EXISTS FOR (n:Node) ON (n.tenant, n.kind);
CREATE INDEX node_name IF NOT EXISTS FOR (n:Node) ON (n.name);
