/** The reports' GraphQL enums, from the domain's lists (shared by the resolver and the content's types). */
import { registerEnumType } from 'type-graphql';
import { enumOf } from './types.js';
import { CADENCES, REPORT_SECTIONS } from '../../domain/reports/schedules.js';

export const ReportSectionEnum = enumOf(REPORT_SECTIONS);
registerEnumType(ReportSectionEnum, {
  name: 'ReportSection',
  description: "LINEAGE: OpenLineage events, runs and their outcomes by job, datasets new in the period; QUALITY: feature groups' data quality checks; MODELS: versions registered, stage changes, refused promotions, alias moves; LLM: calls, tokens, cost and latency by model, against the period before; GPU: GPU-hours and mean utilisation by pod; ALERTS: alerts fired and resolved, by rule",
});

export const CadenceEnum = enumOf(CADENCES);
registerEnumType(CadenceEnum, { name: 'ReportCadence', description: 'DAILY: the 24 hours before hourUtc; WEEKLY: the 7 days before weekday at hourUtc' });
