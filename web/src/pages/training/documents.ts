import { graphql } from '../../gql/index.js';

export const TrainingRunsDocument = graphql(`
  query TrainingRuns($activeOnly: Boolean!, $first: Int!, $offset: Int!) {
    trainingRuns(activeOnly: $activeOnly, first: $first, offset: $offset) {
      total
      items { id runId name experiment state reason requestedAt stateChangedAt image resources { cpu memory gpu gpuType } workers }
    }
  }
`);

export const TrainingQuotaDocument = graphql(`
  query TrainingQuota { trainingQuota { gpu cpu usedGpu usedCpu activeRuns } }
`);

export const TrainingRunDocument = graphql(`
  query TrainingRunDetail($runId: String!, $tailLines: Int!, $worker: Int!) {
    trainingRun(runId: $runId) {
      id runId requestId name experiment state reason message stateChangedAt requestedAt cancelRequestedAt
      image command args env { name value } resources { cpu memory gpu gpuType } workers retries timeoutSeconds priority
      datasets featureGroups placement { launcher namespace job pods }
      logs(tailLines: $tailLines, worker: $worker)
    }
  }
`);

export const RequestTrainingDocument = graphql(`
  mutation RequestTraining($input: RequestTrainingInput!) { requestTraining(input: $input) { runId state } }
`);

export const CancelTrainingDocument = graphql(`
  mutation CancelTraining($runId: String!) { cancelTraining(runId: $runId) { runId state reason } }
`);

export const TrainingSectionDocument = graphql(`
  query TrainingSection($runId: String!) {
    trainingRun(runId: $runId) { runId state reason image resources { cpu memory gpu gpuType } requestedAt }
  }
`);

export const SearchDatasetsDocument = graphql(`
  query SearchDatasets($text: String!, $kinds: [NodeKind!]) {
    search(text: $text, kinds: $kinds, first: 8) { id kind namespace name }
  }
`);
