/* eslint-disable */
import * as types from './graphql';



/**
 * Map of all GraphQL operations in the project.
 *
 * This map has several performance disadvantages:
 * 1. It is not tree-shakeable, so it will include all operations in the project.
 * 2. It is not minifiable, so the string of a GraphQL query will be multiple times inside the bundle.
 * 3. It does not support dead code elimination, so it will add unused operations.
 *
 * Therefore it is highly recommended to use the babel or swc plugin for production.
 * Learn more about it here: https://the-guild.dev/graphql/codegen/plugins/presets/preset-client#reducing-bundle-size
 */
type Documents = {
    "\n  query SearchNodes($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      id\n      kind\n      namespace\n      name\n    }\n  }\n": typeof types.SearchNodesDocument,
    "\n  query Lineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!) {\n    lineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit) {\n      root {\n        id\n        kind\n        namespace\n        name\n      }\n      nodes {\n        distance\n        node {\n          id\n          kind\n          namespace\n          name\n        }\n      }\n      edges {\n        kind\n        from\n        to\n      }\n      isPartial\n      cut {\n        reason\n        depth\n      }\n    }\n  }\n": typeof types.LineageDocument,
    "\n  query NodeDetails($id: ID!) {\n    node(id: $id) {\n      id\n      kind\n      namespace\n      name\n      props\n      createdAt\n      updatedAt\n    }\n  }\n": typeof types.NodeDetailsDocument,
    "\n  query Viewer {\n    viewer {\n      tenant\n      role\n    }\n  }\n": typeof types.ViewerDocument,
};
const documents: Documents = {
    "\n  query SearchNodes($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      id\n      kind\n      namespace\n      name\n    }\n  }\n": types.SearchNodesDocument,
    "\n  query Lineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!) {\n    lineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit) {\n      root {\n        id\n        kind\n        namespace\n        name\n      }\n      nodes {\n        distance\n        node {\n          id\n          kind\n          namespace\n          name\n        }\n      }\n      edges {\n        kind\n        from\n        to\n      }\n      isPartial\n      cut {\n        reason\n        depth\n      }\n    }\n  }\n": types.LineageDocument,
    "\n  query NodeDetails($id: ID!) {\n    node(id: $id) {\n      id\n      kind\n      namespace\n      name\n      props\n      createdAt\n      updatedAt\n    }\n  }\n": types.NodeDetailsDocument,
    "\n  query Viewer {\n    viewer {\n      tenant\n      role\n    }\n  }\n": types.ViewerDocument,
};

/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query SearchNodes($text: String!, $first: Int!) {\n    search(text: $text, first: $first) {\n      id\n      kind\n      namespace\n      name\n    }\n  }\n"): typeof import('./graphql').SearchNodesDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Lineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!) {\n    lineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit) {\n      root {\n        id\n        kind\n        namespace\n        name\n      }\n      nodes {\n        distance\n        node {\n          id\n          kind\n          namespace\n          name\n        }\n      }\n      edges {\n        kind\n        from\n        to\n      }\n      isPartial\n      cut {\n        reason\n        depth\n      }\n    }\n  }\n"): typeof import('./graphql').LineageDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query NodeDetails($id: ID!) {\n    node(id: $id) {\n      id\n      kind\n      namespace\n      name\n      props\n      createdAt\n      updatedAt\n    }\n  }\n"): typeof import('./graphql').NodeDetailsDocument;
/**
 * The graphql function is used to parse GraphQL queries into a document that can be used by GraphQL clients.
 */
export function graphql(source: "\n  query Viewer {\n    viewer {\n      tenant\n      role\n    }\n  }\n"): typeof import('./graphql').ViewerDocument;


export function graphql(source: string) {
  return (documents as any)[source] ?? {};
}
