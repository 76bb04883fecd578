import { graphql } from '../../gql/index.js';

export const AlertsPageDocument = graphql(`
  query AlertsPage {
    alerts(states: [PENDING, FIRING]) { id ruleId ruleName source severity labels state value noData op threshold pendingSince firedAt subjectId }
    alertRules {
      id name description source metric labels { key value } service aggregation measure llmOnly alertOnNoData op threshold windowSeconds forSeconds severity
      enabled silencedUntil createdAt createdBy lastEvaluatedAt lastSeries lastTruncated lastError
    }
  }
`);

export const AlertHistoryDocument = graphql(`
  query AlertHistory($ruleId: ID!) { alerts(ruleId: $ruleId, states: [FIRING, RESOLVED], first: 50) { id source labels state value noData pendingSince firedAt closedAt closeReason subjectId } }
`);

export const PreviewAlertRuleDocument = graphql(`
  query PreviewAlertRule($input: AlertRuleInput!) { previewAlertRule(input: $input) { from to truncated series { labels value samples breaching } } }
`);

export const CreateAlertRuleDocument = graphql(`
  mutation CreateAlertRule($input: AlertRuleInput!) { createAlertRule(input: $input) { id name } }
`);

export const SetAlertRuleEnabledDocument = graphql(`
  mutation SetAlertRuleEnabled($id: ID!, $enabled: Boolean!) { setAlertRuleEnabled(id: $id, enabled: $enabled) { id enabled } }
`);

export const DeleteAlertRuleDocument = graphql(`
  mutation DeleteAlertRule($id: ID!) { deleteAlertRule(id: $id) { id deletedAt } }
`);

export const NodeAlertsDocument = graphql(`
  query NodeAlerts($nodeId: ID!) { alerts(nodeId: $nodeId, states: [PENDING, FIRING, RESOLVED], first: 20) { id ruleName severity labels state value noData op threshold pendingSince firedAt closedAt } }
`);

export const UpdateAlertRuleDocument = graphql(`
  mutation UpdateAlertRule($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, input: $input) { id name } }
`);

export const SilenceAlertRuleDocument = graphql(`
  mutation SilenceAlertRule($id: ID!, $minutes: Int!) { silenceAlertRule(id: $id, minutes: $minutes) { id silencedUntil } }
`);

export const WebhooksDocument = graphql(`
  query Webhooks { webhookFormats webhooks { id url events format minSeverity description secretHint createdAt deliveries { id event state ok attempts status error at } } }
`);

export const CreateWebhookDocument = graphql(`
  mutation CreateWebhook($input: CreateWebhookInput!) { createWebhook(input: $input) { secret webhook { id url format } } }
`);

export const TestWebhookDocument = graphql(`
  mutation TestWebhook($id: ID!) { testWebhook(id: $id) { id ok status error } }
`);

export const DeleteWebhookDocument = graphql(`
  mutation DeleteWebhook($id: ID!) { deleteWebhook(id: $id) { id deletedAt } }
`);
