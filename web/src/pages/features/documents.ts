import { graphql } from '../../gql/index.js';

export const FeatureGroupsDocument = graphql(`
  query FeatureGroups($search: String) {
    featureGroups(search: $search, first: 500) { id namespace name description entity version definedAt sources { id namespace name } features { name } stats { entities lastEventTime } }
  }
`);

export const FeatureGroupDocument = graphql(`
  query FeatureGroup($namespace: String!, $name: String!) {
    featureGroup(namespace: $namespace, name: $name) {
      id namespace name description entity version definedAt owner ttlSeconds definedBy { name role }
      source { id namespace name }
      sources { id namespace name }
      features { id name type dimension description sourceFields transformation source { id name } }
      stats { entities values firstEventTime lastEventTime lastWrittenAt }
      featureStats { feature entities nulls min max mean distinctStrings lastEventTime }
      validation { at success results { expectation { kind feature min max values mostly } success observed evaluated } }
      validations(first: 10) { at success validatedBy { name role } results { success } }
    }
  }
`);

export const FeatureGroupDefinitionsDocument = graphql(`
  query FeatureGroupDefinitions($namespace: String!, $name: String!, $asOf: DateTime) {
    featureGroup(namespace: $namespace, name: $name) {
      id
      definitions(first: 50, asOf: $asOf) {
        version definedAt definedBy { name role } droppedAt droppedBy { name role }
        features { name type dimension sourceFields }
        changes { kind feature before after }
      }
    }
  }
`);

export const OnlineFeaturesDocument = graphql(`
  query OnlineFeatures($entityIds: [String!]!, $features: [FeatureSelectionInput!]!) {
    onlineFeatures(entityIds: $entityIds, features: $features) { entityId at values { feature value eventTime status } }
  }
`);

export const PointInTimeFeaturesDocument = graphql(`
  query PointInTimeFeatures($rows: [EntityAtInput!]!, $features: [FeatureSelectionInput!]!) {
    pointInTimeFeatures(rows: $rows, features: $features) { entityId at values { feature value eventTime status } }
  }
`);

export const ValidateFeatureGroupDocument = graphql(`
  mutation ValidateFeatureGroup($namespace: String!, $name: String!) { validateFeatureGroup(namespace: $namespace, name: $name) { id validation { at success } } }
`);

/** Whether a node is a group of the feature store now (the server decides: defined, not dropped). */
export const FeatureGroupDefinedDocument = graphql(`
  query FeatureGroupDefined($namespace: String!, $name: String!) { featureGroup(namespace: $namespace, name: $name) { id version definedAt definedBy { name role } } }
`);

export const FeatureServicesDocument = graphql(`
  query FeatureServices { featureServices { id name description entity definedAt definedBy features { namespace group feature } } }
`);

export const DefineFeatureServiceDocument = graphql(`
  mutation DefineFeatureService($input: FeatureServiceInput!) { defineFeatureService(input: $input) { id name } }
`);

export const DropFeatureServiceDocument = graphql(`
  mutation DropFeatureService($name: String!) { dropFeatureService(name: $name) { id } }
`);
