import { graphql } from '../../gql/index.js';

export const ApiKeysDocument = graphql(`
  query ApiKeys { apiKeys { id prefix role name createdAt createdBy runId revokedAt revokedBy lastUsedAt expiresAt current namespaces } }
`);

export const CreateApiKeyDocument = graphql(`
  mutation CreateApiKey($role: String!, $name: String, $expiresInDays: Int, $namespaces: [String!]) {
    createApiKey(role: $role, name: $name, expiresInDays: $expiresInDays, namespaces: $namespaces) { key apiKey { id prefix role expiresAt namespaces } }
  }
`);

export const RevokeApiKeyDocument = graphql(`
  mutation RevokeApiKey($id: ID!) { revokeApiKey(id: $id) { id revokedAt } }
`);
