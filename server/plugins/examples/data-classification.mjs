// A Loom plugin (API: server/src/plugins/plugins.ts) for a custom dataset facet, as teams add their own
// to OpenLineage events (here `acme_classification`):
//   "acme_classification": { "level": "confidential", "owner": "crm-team", "piiColumns": ["email", "phone"] }
// gives the dataset the tag `classification:confidential` and props `level` and `owner`, and each named
// column the tag `pii`, so `tagReach(tag: "pii")` shows where personal data flows downstream untagged.
// Load with LOOM_PLUGINS=server/plugins/examples/data-classification.mjs
// (LOOM_CLASSIFICATION_FACET names another facet).

const LEVELS = new Set(['public', 'internal', 'confidential', 'restricted']);

export default {
  name: 'data-classification',
  version: '1.0.0',
  apiVersion: 1,
  setup(loom) {
    const facetName = process.env.LOOM_CLASSIFICATION_FACET || 'acme_classification';
    loom.readFacet(facetName, 'dataset', (facet) => {
      if (!facet || typeof facet !== 'object') return null;
      const level = typeof facet.level === 'string' ? facet.level.toLowerCase() : null;
      if (level !== null && !LEVELS.has(level)) throw new Error(`level ${JSON.stringify(facet.level)}: must be one of ${[...LEVELS].join(', ')}`);
      const pii = Array.isArray(facet.piiColumns) ? facet.piiColumns.filter((c) => typeof c === 'string' && c) : [];
      return {
        props: { ...(level ? { level } : {}), ...(typeof facet.owner === 'string' ? { owner: facet.owner } : {}) },
        tags: [...(level ? [`classification:${level}`] : []), ...pii.map((field) => ({ name: 'pii', field }))],
      };
    });
  },
};
