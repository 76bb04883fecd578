import { graphql } from '../../gql/index.js';

/** Every figure of a report's content (what ReportView shows). */
export const ReportContentFields = graphql(`
  fragment ReportContentFields on ReportContent {
    from to sections
    lineage { events runs completedRuns failedRuns abortedRuns jobs datasets failingJobs { namespace name failedRuns completedRuns } newDatasets { count first } }
    quality { checks failedChecks groups { id name checks failedChecks latestPassed } }
    models {
      registered { count first { model version at } }
      stageChanges { count first { model version from to at actor } }
      refused { count first { model version to at reason } }
      aliasChanges
    }
    llm { calls inputTokens outputTokens costUsd previous { calls costUsd } byModel { model calls totalTokens costUsd latencyP50Ms latencyP99Ms } }
    gpu { gpuHours gpus byPod { namespace pod gpus gpuHours meanUtilization } }
    alerts { fired resolved firingAtEnd byRule { rule severity fired } }
  }
`);

export const ReportSchedulesDocument = graphql(`
  query ReportSchedules { reportSchedules { id name cadence hourUtc weekday sections enabled createdAt createdBy } }
`);

export const ScheduleReportsDocument = graphql(`
  query ScheduleReports($id: ID!) { reportSchedule(id: $id) { id reports(first: 30) { id name from to generatedAt } } }
`);

export const ReportDocument = graphql(`
  query Report($id: ID!) { report(id: $id) { id name from to generatedAt content { ...ReportContentFields } } }
`);

export const ComposeReportDocument = graphql(`
  query ComposeReport($from: DateTime!, $to: DateTime!) { composeReport(from: $from, to: $to) { ...ReportContentFields } }
`);

export const CreateReportScheduleDocument = graphql(`
  mutation CreateReportSchedule($input: ReportScheduleInput!) { createReportSchedule(input: $input) { id name } }
`);

export const UpdateReportScheduleDocument = graphql(`
  mutation UpdateReportSchedule($id: ID!, $input: ReportScheduleInput!) { updateReportSchedule(id: $id, input: $input) { id enabled } }
`);

export const DeleteReportScheduleDocument = graphql(`
  mutation DeleteReportSchedule($id: ID!) { deleteReportSchedule(id: $id) { id deleted } }
`);

export const RunReportScheduleDocument = graphql(`
  mutation RunReportSchedule($id: ID!) { runReportSchedule(id: $id) { id name from to } }
`);
