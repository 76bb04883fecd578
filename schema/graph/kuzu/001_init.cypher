CREATE NODE TABLE IF NOT EXISTS Node(key STRING, tenant STRING, id STRING, kind STRING, namespace STRING, name STRING, props STRING, createdAt STRING, updatedAt STRING, PRIMARY KEY(key));
CREATE REL TABLE IF NOT EXISTS Edge(FROM Node TO Node, kind STRING, props STRING, validFrom STRING, validTo STRING, recordedAt STRING);
