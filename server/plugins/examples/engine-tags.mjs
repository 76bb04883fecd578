// A Loom plugin (see server/src/plugins/plugins.ts for the API): tags every run with the engine that
// ran it and every job with the integration that emitted it, from facets real emitters send
// (`processing_engine` on runs: Spark, Airflow, dbt, Flink...; `jobType` on jobs), so
// `tagged(tag: "engine:spark")` or the lineage map's tag highlight finds them.
// Load with LOOM_PLUGINS=server/plugins/examples/engine-tags.mjs

/** A tag's value: letters, digits and ". _ -" only, lower case. */
const slug = (s) => String(s).toLowerCase().replace(/[^\p{L}\p{N}._-]+/gu, '-').replace(/^-+|-+$/g, '').slice(0, 60);

export default {
  name: 'engine-tags',
  version: '1.0.0',
  apiVersion: 1,
  setup(loom) {
    loom.readFacet('processing_engine', 'run', (facet) => {
      if (!facet || typeof facet.name !== 'string' || !slug(facet.name)) return null;
      const props = { engine: facet.name };
      if (typeof facet.version === 'string') props.engineVersion = facet.version;
      if (typeof facet.openlineageAdapterVersion === 'string') props.adapterVersion = facet.openlineageAdapterVersion;
      return { props, tags: [`engine:${slug(facet.name)}`] };
    });
    loom.readFacet('jobType', 'job', (facet) => {
      if (!facet || typeof facet.integration !== 'string' || !slug(facet.integration)) return null;
      const props = { integration: facet.integration };
      if (typeof facet.processingType === 'string') props.processingType = facet.processingType;
      return { props, tags: [`integration:${slug(facet.integration)}`] };
    });
  },
};
