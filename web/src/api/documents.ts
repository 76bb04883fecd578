import { graphql } from '../gql/index.js';

export const SearchNodesDocument = graphql(`
  query SearchNodes($text: String!, $kinds: [NodeKind!], $first: Int!) {
    search(text: $text, kinds: $kinds, first: $first) {
      id
      kind
      namespace
      name
    }
  }
`);

export const LineageDocument = graphql(`
  query Lineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {
    lineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit, asOf: $asOf) {
      ...LineageResult
    }
  }
`);

/** One hop as of a time (the neighbours field is current-only), with how many nodes that hop holds in all. */
export const HopAsOfDocument = graphql(`
  query HopAsOf($nodeId: ID!, $direction: Direction!, $limit: Int!, $asOf: DateTime) {
    lineage(nodeId: $nodeId, direction: $direction, depth: 1, limit: $limit, asOf: $asOf) {
      ...LineageResult
    }
    lineageCount(nodeId: $nodeId, direction: $direction, depth: 1, asOf: $asOf) {
      byDistance { distance count }
    }
  }
`);

export const ColumnLineageDocument = graphql(`
  query ColumnLineage($nodeId: ID!, $direction: Direction!, $depth: Int!, $limit: Int!, $asOf: DateTime) {
    columnLineage(nodeId: $nodeId, direction: $direction, depth: $depth, limit: $limit, asOf: $asOf) {
      ...LineageResult
    }
  }
`);

export const LineageResultFragment = graphql(`
  fragment LineageResult on Lineage {
    root {
      id
      kind
      namespace
      name
      validTo
      gaps { from to }
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
`);

/** One page of a node's data-flow neighbours (one-hop expansion of the current graph). */
export const NeighboursDocument = graphql(`
  query Neighbours($id: ID!, $direction: Direction!, $first: Int!, $offset: Int!) {
    node(id: $id) {
      ... on GraphNode {
        neighbours(direction: $direction, first: $first, offset: $offset, lineageOnly: true) {
          total
          items {
            node {
              id
              kind
              namespace
              name
            }
            edge {
              kind
              from
              to
            }
          }
        }
      }
    }
  }
`);

/** Asked apart from ImpactDocument: ClickHouse reads that must not hold the counts back. */
export const ImpactUsageDocument = graphql(`
  query ImpactUsage($nodeId: ID!, $depth: Int!, $asOf: DateTime) {
    impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) { usage { windowDays modelVersions promptVersions llmCalls llmErrors llmTokens llmCostUsd trainingRuns gpuHours gpuRunsRead } }
  }
`);

export const ImpactDocument = graphql(`
  query Impact($nodeId: ID!, $depth: Int!, $asOf: DateTime) {
    impact(nodeId: $nodeId, depth: $depth, asOf: $asOf) {
      total
      isPartial
      cut {
        reason
        depth
      }
      root {
        id
        kind
        name
      }
      groups {
        kind
        distance
        count
        nodes {
          node {
            id
            kind
            namespace
            name
          }
        }
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
      validTo
      gaps { from to }
    }
  }
`);

export const DeleteNodeDocument = graphql(`
  mutation DeleteNode($id: ID!) {
    deleteNode(nodeId: $id) { id validTo }
  }
`);

export const RestoreNodeDocument = graphql(`
  mutation RestoreNode($id: ID!) {
    restoreNode(nodeId: $id) { id validTo }
  }
`);

/** The OpenLineage events received for a run, a job or a dataset, newest first, as their emitters sent them. */
export const SchemaChangesDocument = graphql(`
  query SchemaChanges($nodeId: ID!, $first: Int!) {
    schemaChanges(nodeId: $nodeId, first: $first) { at fromVersion toVersion added { name type } removed { name type } changed { name from to } }
  }
`);

export const ReceivedEventsDocument = graphql(`
  query ReceivedEvents($runId: ID, $jobNamespace: String, $jobName: String, $datasetNamespace: String, $datasetName: String, $first: Int!) {
    lineageEvents(runId: $runId, jobNamespace: $jobNamespace, jobName: $jobName, datasetNamespace: $datasetNamespace, datasetName: $datasetName, first: $first) {
      totalCount
      events
    }
  }
`);

/** Everything linked to a node (any edge kind), for the kind-specific sections of the details panel. */
/**
 * A node's neighbours for its details sections, each group read on its own with its total (a job reading
 * 2,000 datasets still shows its runs and outputs, and every section counts all of its own).
 */
export const RelationPageFragment = graphql(`
  fragment RelationPage on NeighbourPage {
    total
    items {
      edge { kind from to props validFrom validTo }
      node { id kind namespace name props createdAt updatedAt tags { name } }
    }
  }
`);

export const NodeRelationsDocument = graphql(`
  query NodeRelations($id: ID!, $first: Int!) {
    node(id: $id) {
      ... on GraphNode {
        id
        fields: neighbours(direction: DOWNSTREAM, edgeKinds: ["HAS_FIELD"], first: $first) { ...RelationPage }
        versions: neighbours(direction: DOWNSTREAM, edgeKinds: ["HAS_VERSION"], first: $first) { ...RelationPage }
        owner: neighbours(direction: UPSTREAM, edgeKinds: ["HAS_VERSION", "HAS_FIELD"], first: 1) { ...RelationPage }
        readBy: neighbours(direction: DOWNSTREAM, edgeKinds: ["READ_BY"], first: $first) { ...RelationPage }
        runs: neighbours(direction: UPSTREAM, edgeKinds: ["WROTE", "RAN", "RUN_OF"], first: $first) { ...RelationPage }
        inputs: neighbours(direction: UPSTREAM, edgeKinds: ["INPUT_TO"], first: $first) { ...RelationPage }
        outputs: neighbours(direction: DOWNSTREAM, edgeKinds: ["OUTPUT"], first: $first) { ...RelationPage }
        derivedFrom: neighbours(direction: UPSTREAM, edgeKinds: ["DERIVES"], first: $first) { ...RelationPage }
        derives: neighbours(direction: DOWNSTREAM, edgeKinds: ["DERIVES"], first: $first) { ...RelationPage }
      }
    }
  }
`);

/** A dataset's columns with their HAS_FIELD edges, ended ones included (a column its writers' schema dropped ends then; one added back has the time between as a gap). */
export const DatasetColumnsDocument = graphql(`
  query DatasetColumns($id: ID!, $first: Int!) {
    node(id: $id) {
      ... on GraphNode {
        id
        neighbours(direction: DOWNSTREAM, first: $first, edgeKinds: ["HAS_FIELD"], ended: true) {
          items {
            edge { validTo gaps { from to } }
            node { id kind namespace name props createdAt updatedAt tags { name } }
          }
        }
      }
    }
  }
`);

/** A job's or dataset's lineage over time: what it started and stopped reading or writing (and did again), columns dropped and added back. */
export const LineageChangesDocument = graphql(`
  query LineageChanges($id: ID!, $first: Int!) {
    lineageChanges(nodeId: $id, first: $first) {
      total
      isPartial
      items { at change relation node { id kind name } }
    }
  }
`);

export const NodeAboutDocument = graphql(`
  query NodeAbout($id: ID!) {
    node(id: $id) {
      ... on GraphNode {
        id
        description { text source setBy { name role } setAt }
        owners { items { name type } source setBy { name role } setAt }
      }
    }
  }
`);

export const DescribeNodeDocument = graphql(`
  mutation DescribeNode($id: ID!, $description: String) {
    describeNode(nodeId: $id, description: $description) { id }
  }
`);

export const SetOwnersDocument = graphql(`
  mutation SetOwners($id: ID!, $owners: [OwnerInput!]!) {
    setOwners(nodeId: $id, owners: $owners) { id }
  }
`);

export const NodeTagsDocument = graphql(`
  query NodeTags($id: ID!) {
    node(id: $id) {
      ... on GraphNode {
        id
        tags { name source at actor { name role } }
      }
    }
    tags(first: 1000) { items { name } }
  }
`);

export const TagNodeDocument = graphql(`
  mutation TagNode($id: ID!, $tag: String!) {
    tagNode(nodeId: $id, tag: $tag) { id }
  }
`);

export const UntagNodeDocument = graphql(`
  mutation UntagNode($id: ID!, $tag: String!) {
    untagNode(nodeId: $id, tag: $tag) { id }
  }
`);

export const TagListDocument = graphql(`
  query TagList {
    tags(first: 1000) { items { name } }
  }
`);

export const TagOverlayDocument = graphql(`
  query TagOverlay($tag: String!) {
    tagged(tag: $tag, first: 500) { total items { id } }
    tagReach(tag: $tag, depth: 10, first: 2000) { isPartial reached { node { id } } }
  }
`);

export const TagDetailsDocument = graphql(`
  query TagDetails($tag: String!) {
    tagged(tag: $tag, first: 200) { total items { id kind namespace name props createdAt updatedAt } }
    tagReach(tag: $tag, depth: 5, first: 200) {
      isPartial
      reached { distance from node { id kind namespace name props createdAt updatedAt } }
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

export const RecentlyActiveDocument = graphql(`
  query RecentlyActive($first: Int!) {
    recentlyActive(first: $first) { id kind namespace name updatedAt }
  }
`);
