import { graphql } from '../../gql/index.js';

export const ApiKeysDocument = graphql(`
  query ApiKeys { apiKeys { id prefix role name createdAt createdBy runId revokedAt revokedBy lastUsedAt expiresAt current } }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($role: String!, $name: String, $expiresInDays: Int) { createApiKey(role: $role, name: $name, expiresInDays: $expiresInDays) { key apiKey { id prefix role expiresAt } } }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }
`);
