import { graphql } from '../../gql/index.js';

export const ReportSchedulesDocument = graphql(`
  query ReportSchedules { reportSchedules { id name cadence hourUtc weekday sections enabled createdAt createdBy } }
`);

export const ScheduleReportsDocument = graphql(`
  query ScheduleReports($id: ID!) { reportSchedule(id: $id) { id reports(first: 30) { id name from to generatedAt } } }
`);

export const ReportDocument = graphql(`
  query Report($id: ID!) { report(id: $id) { id name from to generatedAt content } }
`);

export const ComposeReportDocument = graphql(`
  query ComposeReport($from: DateTime!, $to: DateTime!) { composeReport(from: $from, to: $to) }
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
