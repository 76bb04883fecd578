// A Loom plugin (API: server/src/plugins/plugins.ts): the webhook format TEAMS, a Microsoft Teams message
// with an Adaptive Card (what a Teams channel's Workflows "post to a channel when a webhook request is
// received" takes). createWebhook(input: { url, format: "TEAMS", events: [...] }).

const TITLES = {
  ALERT_FIRING: (d) => `🚨 [${d.rule?.severity ?? ''}] ${d.rule?.name ?? 'alert'} firing`,
  ALERT_RESOLVED: (d) => `✅ ${d.rule?.name ?? 'alert'} resolved`,
  MODEL_VERSION_REGISTERED: (d) => `Model ${d.model} version ${d.version} registered`,
  MODEL_VERSION_STAGE_CHANGED: (d) => `Model ${d.model} version ${d.version}: ${d.from} → ${d.to}`,
  MODEL_ALIAS_CHANGED: (d) => `Model ${d.model} alias ${d.alias} ${d.version === null ? 'removed' : `→ version ${d.version}`}`,
  PROMPT_VERSION_CREATED: (d) => `Prompt ${d.prompt} version ${d.version} created`,
  PROMPT_LABEL_CHANGED: (d) => `Prompt ${d.prompt} label ${d.label} ${d.version === null ? 'removed' : `→ version ${d.version}`}`,
  DATASET_SCHEMA_CHANGED: (d) => `⚠️ Dataset ${d.dataset?.namespace}/${d.dataset?.name} schema changed`,
  REPORT_READY: (d) => `Report ${d.report?.schedule ?? ''} ready: ${d.report?.from ?? ''} → ${d.report?.to ?? ''}`,
};

/** The facts worth a line: who, why, and a few scalar fields of the event. */
function facts(data) {
  const out = [];
  if (data.actor) out.push({ title: 'By', value: String(data.actor) });
  if (data.reason) out.push({ title: 'Why', value: String(data.reason) });
  for (const a of (data.alerts ?? []).slice(0, 5)) out.push({ title: Object.entries(a.labels ?? {}).map(([k, v]) => `${k}=${v}`).join(' ') || 'series', value: a.noData ? 'no data' : String(a.value) });
  for (const kind of ['added', 'removed']) if (data[kind]?.length) out.push({ title: `Columns ${kind}`, value: data[kind].map((c) => c.name).join(', ') });
  return out;
}

export default {
  name: 'teams',
  version: '1.0.0',
  apiVersion: 1,
  setup(loom) {
    loom.webhookFormat('TEAMS', (envelope) => {
      const title = (TITLES[envelope.event] ?? (() => envelope.event))(envelope.data);
      return {
        contentType: 'application/json',
        body: {
          type: 'message',
          attachments: [{
            contentType: 'application/vnd.microsoft.card.adaptive',
            content: {
              $schema: 'http://adaptivecards.io/schemas/adaptive-card.json', type: 'AdaptiveCard', version: '1.4',
              body: [
                { type: 'TextBlock', text: title, weight: 'Bolder', size: 'Medium', wrap: true },
                { type: 'TextBlock', text: `${envelope.event} in ${envelope.tenant} at ${envelope.occurredAt}`, isSubtle: true, spacing: 'None', wrap: true },
                { type: 'FactSet', facts: facts(envelope.data) },
              ],
            },
          }],
        },
      };
    }, { description: 'A Microsoft Teams message with an Adaptive Card' });
  },
};
