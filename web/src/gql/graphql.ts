/* eslint-disable */
/** Internal type. DO NOT USE DIRECTLY. */
type Exact<T extends { [key: string]: unknown }> = { [K in keyof T]: T[K] };
/** Internal type. DO NOT USE DIRECTLY. */
export type Incremental<T> = T | { [P in keyof T]?: P extends ' $fragmentName' | '__typename' ? T[P] : never };
import type { DocumentTypeDecoration } from '@graphql-typed-document-node/core';
/** Why a lineage answer is partial */
export type CutReason =
  | 'DEADLINE'
  | 'NODE_LIMIT';

/** UPSTREAM follows data back to its sources; DOWNSTREAM to its consumers */
export type Direction =
  | 'BOTH'
  | 'DOWNSTREAM'
  | 'UPSTREAM';

/** The kind of a node in the graph */
export type NodeKind =
  | 'ApiKey'
  | 'Dataset'
  | 'DatasetVersion'
  | 'Evaluation'
  | 'Experiment'
  | 'Feature'
  | 'FeatureGroup'
  | 'Field'
  | 'Job'
  | 'JobVersion'
  | 'Model'
  | 'ModelVersion'
  | 'Namespace'
  | 'Prompt'
  | 'PromptVersion'
  | 'QualityResult'
  | 'QualityRule'
  | 'RegistryEvent'
  | 'Run'
  | 'Tenant'
  | 'Trace'
  | 'TrainingRequest'
  | 'Webhook';

export type SearchNodesQueryVariables = Exact<{
  text: string;
  first: number;
}>;


export type SearchNodesQuery = { search: Array<{ id: string, kind: NodeKind, namespace: string, name: string }> };

export type LineageQueryVariables = Exact<{
  nodeId: string | number;
  direction: Direction;
  depth: number;
  limit: number;
}>;


export type LineageQuery = { lineage: { isPartial: boolean, root: { id: string, kind: NodeKind, namespace: string, name: string }, nodes: Array<{ distance: number, node: { id: string, kind: NodeKind, namespace: string, name: string } }>, edges: Array<{ kind: string, from: string, to: string }>, cut: { reason: CutReason, depth: number } | null } | null };

export type NodeDetailsQueryVariables = Exact<{
  id: string | number;
}>;


export type NodeDetailsQuery = { node: { id: string, kind: NodeKind, namespace: string, name: string, props: unknown, createdAt: string, updatedAt: string } | null };

export type ViewerQueryVariables = Exact<{ [key: string]: never; }>;


export type ViewerQuery = { viewer: { tenant: string, role: string } };

export class TypedDocumentString<TResult, TVariables>
  extends String
  implements DocumentTypeDecoration<TResult, TVariables>
{
  __apiType?: NonNullable<DocumentTypeDecoration<TResult, TVariables>['__apiType']>;
  private value: string;
  public __meta__?: Record<string, any> | undefined;

  constructor(value: string, __meta__?: Record<string, any> | undefined) {
    super(value);
    this.value = value;
    this.__meta__ = __meta__;
  }

  override toString(): string & DocumentTypeDecoration<TResult, TVariables> {
    return this.value;
  }
}

export const SearchNodesDocument = new TypedDocumentString(`
    query SearchNodes($text: String!, $first: Int!) {
  search(text: $text, first: $first) {
    id
    kind
    namespace
    name
  }
}
    `) as unknown as TypedDocumentString<SearchNodesQuery, SearchNodesQueryVariables>;
export const LineageDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<LineageQuery, LineageQueryVariables>;
export const NodeDetailsDocument = new TypedDocumentString(`
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
    `) as unknown as TypedDocumentString<NodeDetailsQuery, NodeDetailsQueryVariables>;
export const ViewerDocument = new TypedDocumentString(`
    query Viewer {
  viewer {
    tenant
    role
  }
}
    `) as unknown as TypedDocumentString<ViewerQuery, ViewerQueryVariables>;