import { graphql } from '../../gql/index.js';

export const PluginsDocument = graphql(`
  query Plugins {
    plugins { name version module renamesDatasets facets { facet owners } promotionGates { name description } webhookFormats { name description } errors { count lastAt lastMessage } usage { calls totalMs slowestMs } }
  }
`);
