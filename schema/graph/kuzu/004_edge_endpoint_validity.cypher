// The end of validity of an edge's endpoints, kept on the edge ('' while both are current): the
// lineage walk filters edges only, because any node predicate inside a Kuzu recursive join scans
// the whole Node table (a depth-5 walk at 1M nodes: 3 ms without, 20+ ms with). The store keeps it
// up to date on every edge write and whenever a node's validity changes; this fills older edges once.
ALTER TABLE Edge ADD IF NOT EXISTS endsAt STRING DEFAULT '';
MATCH (a:Node)-[r:Edge]->(b:Node) WHERE (a.validTo <> '' OR b.validTo <> '') AND r.endsAt = ''
SET r.endsAt = CASE WHEN a.validTo = '' THEN b.validTo WHEN b.validTo = '' THEN a.validTo WHEN a.validTo < b.validTo THEN a.validTo ELSE b.validTo END;
