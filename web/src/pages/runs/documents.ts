import { graphql } from '../../gql/index.js';

export const RunListDocument = graphql(`
  query RunList($experiment: String, $statuses: [RunStatus!], $text: String, $first: Int!, $offset: Int!) {
    runs(experiment: $experiment, statuses: $statuses, text: $text, first: $first, offset: $offset) {
      total truncated
      items { id runId name experiment status startedAt endedAt latestMetrics { key value } }
    }
  }
`);

export const ExperimentNamesDocument = graphql(`
  query ExperimentNames { experiments(first: 500) { id name } }
`);

export const RunDetailDocument = graphql(`
  query RunDetail($runId: String!, $maxPoints: Int!) {
    trackedRun(runId: $runId) {
      id runId name experiment status startedAt endedAt note
      params { key value } tags { key value }
      artifacts { path uri type sizeBytes loggedAt }
      latestMetrics { key value step count min max }
      metricHistory(maxPoints: $maxPoints) { runId key total points { step value } }
      props
    }
  }
`);

export const RunTrainingDocument = graphql(`
  query RunTraining($runId: String!) { trainingRun(runId: $runId) { runId state } }
`);

export const SetRunNoteDocument = graphql(`
  mutation SetRunNote($runId: String!, $note: String!) { setRunNote(runId: $runId, note: $note) { runId note } }
`);

export const CompareRunsDocument = graphql(`
  query CompareRuns($runIds: [String!]!, $maxPoints: Int!) {
    compareRuns(runIds: $runIds, maxPoints: $maxPoints) {
      runs { id runId name experiment status }
      params { key values differs }
      metrics { runId key total points { step value } }
    }
  }
`);

export const RunSectionDocument = graphql(`
  query RunSection($runId: String!) {
    trackedRun(runId: $runId) { runId name experiment status startedAt endedAt params { key value } latestMetrics { key value step } }
  }
`);

export const ExperimentSectionDocument = graphql(`
  query ExperimentSection($name: String!) {
    experiment(name: $name) { name description tags { key value } runs(first: 5) { total items { runId name status } } }
  }
`);
