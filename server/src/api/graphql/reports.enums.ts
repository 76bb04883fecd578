/** The reports' GraphQL enums (shared by the resolver and the content's types). */
import { registerEnumType } from 'type-graphql';

export enum ReportSectionEnum { LINEAGE = 'LINEAGE', QUALITY = 'QUALITY', MODELS = 'MODELS', LLM = 'LLM', GPU = 'GPU', ALERTS = 'ALERTS' }
registerEnumType(ReportSectionEnum, {
  name: 'ReportSection',
  description: "LINEAGE: OpenLineage events, runs and their outcomes by job, datasets new in the period; QUALITY: feature groups' data quality checks; MODELS: versions registered, stage changes, refused promotions, alias moves; LLM: calls, tokens, cost and latency by model, against the period before; GPU: GPU-hours and mean utilisation by pod; ALERTS: alerts fired and resolved, by rule",
});
