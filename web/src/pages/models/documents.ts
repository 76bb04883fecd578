import { graphql } from '../../gql/index.js';

export const RegisteredModelsDocument = graphql(`
  query RegisteredModels($first: Int!, $offset: Int!, $search: String) {
    registeredModels(first: $first, offset: $offset, search: $search) {
      id
      name
      description
      versionCount
      aliases { alias version since }
      latestVersions { version stage stageSince }
    }
  }
`);

export const RegisteredModelDocument = graphql(`
  query RegisteredModel($name: String!, $asOf: DateTime) {
    registeredModel(name: $name, asOf: $asOf) {
      id
      name
      description
      asOf
      versionCount
      tags { key value }
      aliases { alias version since }
      gates { index kind stages aliases metric source op threshold depth plugin params }
      latestVersions { version stage stageSince }
      versions(first: 200) {
        id
        version
        stage
        stageSince
        aliases
        modelUri
        flavor
        description
        runId
        registeredAt
        registeredBy { name role }
        tags { key value }
      }
      history(first: 200) {
        seq
        type
        version
        at
        actor { name role }
        fromStage
        toStage
        pointer
        previousVersion
        reason
        outcome
        rejectionCode
        rejectionMessage
        gates { gate kind passed detail }
      }
    }
  }
`);

export const TransitionStageDocument = graphql(`
  mutation TransitionStage($input: TransitionStageInput!) {
    transitionModelVersionStage(input: $input) { version stage stageSince }
  }
`);

export const SetModelAliasDocument = graphql(`
  mutation SetModelAlias($input: SetModelAliasInput!) {
    setModelAlias(input: $input) { version aliases }
  }
`);

export const DeleteModelAliasDocument = graphql(`
  mutation DeleteModelAlias($input: DeleteModelAliasInput!) {
    deleteModelAlias(input: $input) { name }
  }
`);

export const ModelSummaryDocument = graphql(`
  query ModelSummary($name: String!) {
    registeredModel(name: $name) {
      versionCount
      aliases { alias version }
      latestVersions { version stage }
    }
  }
`);

export const ModelVersionSummaryDocument = graphql(`
  query ModelVersionSummary($name: String!, $version: Int!) {
    modelVersion(name: $name, version: $version) {
      version
      stage
      stageSince
      aliases
      modelUri
      flavor
      runId
      evaluations { id name evaluatedAt metrics { key value } }
    }
  }
`);

export const ModelEvaluationsDocument = graphql(`
  query ModelEvaluations($name: String!) {
    registeredModel(name: $name) { versions(first: 100) { version evaluations { id name evaluatedAt task examples metrics { key value } judging { state judged total unreadable error } } } }
  }
`);

export const PromptEvaluationsDocument = graphql(`
  query PromptEvaluations($name: String!) {
    prompt(name: $name) { versions(first: 100) { version evaluations { id name evaluatedAt task examples metrics { key value } judging { state judged total unreadable error } } } }
  }
`);

export const CompareEvaluationsDocument = graphql(`
  query CompareEvaluations($ids: [ID!]!, $onlyDiffering: Boolean!) {
    compareEvaluations(evaluationIds: $ids, onlyDiffering: $onlyDiffering, first: 200) {
      total
      metrics { key values }
      examples { exampleId input reference predictions scores }
    }
  }
`);

export const JudgeEvaluationDocument = graphql(`
  mutation JudgeEvaluation($id: ID!, $criteria: [String!]!) { judgeEvaluation(evaluationId: $id, criteria: $criteria) { id judging { state judged total } } }
`);

export const EvaluateTracesDocument = graphql(`
  mutation EvaluateTraces($input: EvaluateTracesInput!, $criteria: [String!]) { evaluateTraces(input: $input, criteria: $criteria) { id examples judging { state total } } }
`);

export const SetPromotionGatesDocument = graphql(`
  mutation SetPromotionGates($input: SetPromotionGatesInput!) {
    setPromotionGates(input: $input) { id gates { index } }
  }
`);

export const PluginGatesDocument = graphql(`
  query PluginGates {
    plugins { name promotionGates { name description } }
  }
`);
