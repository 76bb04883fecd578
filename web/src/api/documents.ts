import { graphql } from '../gql/index.js';

export const SearchNodesDocument = graphql(`
  query SearchNodes($text: String!, $first: Int!) {
    search(text: $text, first: $first) {
      id
      kind
      namespace
      name
    }
  }
`);

export const LineageDocument = graphql(`
  query Lineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!) {
    lineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit) {
      root {
        id
        kind
        namespace
        name
      }
      nodes {
        distance
        node {
          id
          kind
          namespace
          name
        }
      }
      edges {
        kind
        from
        to
      }
      isPartial
      cut {
        reason
        depth
      }
    }
  }
`);

export const NodeDetailsDocument = graphql(`
  query NodeDetails($id: ID!) {
    node(id: $id) {
      id
      kind
      namespace
      name
      props
      createdAt
      updatedAt
    }
  }
`);

export const ViewerDocument = graphql(`
  query Viewer {
    viewer {
      tenant
      role
    }
  }
`);
