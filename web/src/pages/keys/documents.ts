import { graphql } from '../../gql/index.js';

export const ApiKeysDocument = graphql(`
  query ApiKeys { apiKeys { id prefix role name createdAt createdBy runId revokedAt revokedBy lastUsedAt current } }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($role: String!, $name: String) { createApiKey(role: $role, name: $name) { key apiKey { id prefix role } } }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }
`);
