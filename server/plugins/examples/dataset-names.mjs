// A Loom plugin (API: server/src/plugins/plugins.ts): one name per dataset, whatever the emitter. Emitters
// name the same data differently: Spark writes `s3a://bucket` where Airflow and dbt say `s3://bucket`
// (Hadoop's s3a and s3n connectors), paths come with and without a trailing slash, and warehouses whose
// identifiers are case-insensitive (Snowflake, unquoted) are named in upper case by some emitters and in
// lower case by others. Split names split the lineage: the job that writes a table and the jobs that read
// it never meet. This plugin renames such datasets at ingest (the graph knows one dataset; the event
// archive keeps what was sent):
// - namespaces `s3a://…` and `s3n://…` become `s3://…`;
// - on object stores and file systems (s3, gs, abfss, wasbs, hdfs, file), a trailing `/` of the name goes;
// - on the schemes LOOM_DATASET_NAMES_LOWERCASE names (default `snowflake`), names are lower-cased.
// Load with LOOM_PLUGINS=server/plugins/examples/dataset-names.mjs

const PATHS = new Set(['s3', 'gs', 'abfss', 'wasbs', 'hdfs', 'file']);
const lowercase = new Set((process.env.LOOM_DATASET_NAMES_LOWERCASE ?? 'snowflake').split(',').map((s) => s.trim().toLowerCase()).filter(Boolean));

export default {
  name: 'dataset-names',
  version: '1.0.0',
  apiVersion: 1,
  setup(loom) {
    loom.renameDataset(({ namespace, name }) => {
      let ns = namespace.replace(/^s3[an]:\/\//i, 's3://');
      const scheme = /^([a-z0-9+.-]+):\/\//i.exec(ns)?.[1].toLowerCase() ?? null;
      let n = name;
      if (scheme && PATHS.has(scheme) && n.length > 1) n = n.replace(/\/+$/, '') || n;
      if (scheme && lowercase.has(scheme)) {
        ns = ns.toLowerCase();
        n = n.toLowerCase();
      }
      return ns === namespace && n === name ? null : { namespace: ns, name: n };
    });
  },
};
