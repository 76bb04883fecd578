/**
 * What a webhook's body looks like. `LOOM` (default): the signed JSON envelope `{ id, event, tenant,
 * occurredAt, webhook, data }`. `SLACK`: a Slack incoming-webhook message `{ text }` (also what
 * Mattermost and Microsoft Teams' Slack-compatible hooks take), one line per event, so alerts and
 * registry changes reach a channel without a relay. `EMAIL` (a `mailto:` destination): the same
 * lines as plain text, the first one the subject. Plugins may offer more (ports/Extensions.ts). Pure.
 */
export const WEBHOOK_FORMATS = ['LOOM', 'SLACK'] as const;
/** The format of `mailto:` destinations (offered when an SMTP server is configured). */
export const EMAIL_FORMAT = 'EMAIL';

type Data = Record<string, any>;

const OP: Record<string, string> = { GT: '>', GTE: '≥', LT: '<', LTE: '≤' };
/** Series listed in one alert message; the others are counted. */
const MAX_LINES = 10;
/**
 * How the lines are marked: Slack's mrkdwn (its escapes of &, < and >, so text from users and emitters
 * never becomes a link or a mention; bold, code and an emoji), or plain text for email.
 */
interface Style { esc(v: unknown): string; b(s: string): string; code(s: string): string; icon(name: string): string }
const SLACK: Style = {
  esc: (v) => String(v ?? '').replace(/&/g, '&amp;').replace(/</g, '&lt;').replace(/>/g, '&gt;'),
  b: (s) => `*${s}*`, code: (s) => `\`${s}\``, icon: (name) => `:${name}: `,
};
const PLAIN: Style = { esc: (v) => String(v ?? ''), b: (s) => s, code: (s) => s, icon: () => '' };
const FIRST = ['namespace', 'pod', 'gpu_uuid', 'service.name', 'job_namespace', 'job_name'];
/** A series' labels in short, as the alerts page shows them: the telling ones first, a GPU's model and container left out. */
function series(labels: Record<string, string> | undefined): string {
  const entries = Object.entries(labels ?? {}).filter(([k, v]) => v !== '' && k !== 'gpu_model' && k !== 'container');
  const rank = (k: string) => (FIRST.indexOf(k) + 1 || 99);
  return entries.sort(([a], [b]) => rank(a) - rank(b) || a.localeCompare(b)).map(([k, v]) => `${k}=${v}`).join(' ');
}

/** One line saying what happened, in Slack's mrkdwn. */
export const slackText = (event: string, tenant: string, data: Data): string => eventText(SLACK, event, tenant, data);

/**
 * An email of an event: the lines as plain text, the first one (shortened) the subject, and a footer
 * saying which destination sent it, so a recipient knows what to ask an admin to stop.
 */
export function emailText(event: string, tenant: string, data: Data, webhook: string): { subject: string; text: string } {
  const text = eventText(PLAIN, event, tenant, data);
  const first = text.split('\n', 1)[0]!;
  return {
    subject: `[Loom] ${first.length > 150 ? `${first.slice(0, 149)}…` : first}`,
    text: `${text}\n\n-- \nSent by Loom for ${event} in tenant ${tenant} (email destination ${webhook}; its admins stop it on the Alerts page, under "Where alerts are sent").\n`,
  };
}

function eventText(st: Style, event: string, tenant: string, data: Data): string {
  const { esc, b, code, icon } = st;
  const who = data.actor ? ` by ${esc(data.actor)}` : '';
  const why = data.reason ? ` (${esc(data.reason)})` : '';
  switch (event) {
    case 'ALERT_FIRING':
    case 'ALERT_RESOLVED': {
      const { rule = {}, alerts = [] } = data as { rule?: Data; alerts?: Data[] };
      const firing = event === 'ALERT_FIRING';
      const head = `${icon(firing ? 'rotating_light' : 'white_check_mark')}${b(`[${esc(rule.severity)}] ${esc(rule.name)}`)} ${firing ? 'firing' : 'resolved'} in ${esc(tenant)}`;
      const line = (a: Data) => `${code(esc(series(a.labels)))} ${esc(a.noData ? 'no data' : `${a.value ?? '–'} ${OP[a.op] ?? a.op} ${a.threshold}`)}`;
      if (alerts.length === 1) return `${head}: ${line(alerts[0]!)}`;
      const shown = alerts.slice(0, MAX_LINES).map((a) => `• ${line(a)}`);
      const more = alerts.length > MAX_LINES ? [`…and ${alerts.length - MAX_LINES} more`] : [];
      return [`${head}: ${alerts.length} series`, ...shown, ...more].join('\n');
    }
    case 'MODEL_VERSION_REGISTERED':
      return `${icon('package')}Model ${b(esc(data.model))} version ${esc(data.version)} registered in ${esc(tenant)}`;
    case 'MODEL_VERSION_STAGE_CHANGED':
      return `${icon('arrow_right')}Model ${b(esc(data.model))} version ${esc(data.version)}: ${esc(data.from)} → ${b(esc(data.to))}${who}${why}`;
    case 'MODEL_ALIAS_CHANGED':
      return `${icon('label')}Model ${b(esc(data.model))} alias ${code(esc(data.alias))} ${data.version === null ? 'removed' : `→ version ${esc(data.version)}`}${who}${why}`;
    case 'PROMPT_VERSION_CREATED':
      return `${icon('memo')}Prompt ${b(esc(data.prompt))} version ${esc(data.version)} created${who}`;
    case 'PROMPT_LABEL_CHANGED':
      return `${icon('label')}Prompt ${b(esc(data.prompt))} label ${code(esc(data.label))} ${data.version === null ? 'removed' : `→ version ${esc(data.version)}`}${who}${why}`;
    case 'DATASET_SCHEMA_CHANGED':
      return schemaChangeText(st, tenant, data);
    case 'REPORT_READY':
      return reportText(st, tenant, data);
    case 'WEBHOOK_TEST':
      return `${icon('wave')}A test from Loom${who} for tenant ${esc(tenant)}: this destination gets ${esc((data.events as string[] | undefined)?.join(', ') ?? 'its events')}`;
    default:
      return `${esc(event)} in ${esc(tenant)}`;
  }
}

/** A schema change: the dataset, who wrote it, the columns (a few named), and what it feeds. */
function schemaChangeText({ esc, b, code, icon }: Style, tenant: string, data: Data): string {
  const names = (list: Data[] = []) => list.slice(0, 5).map((f) => code(esc(f.name))).join(', ') + (list.length > 5 ? ` +${list.length - 5}` : '');
  const parts = [
    data.added?.length ? `added ${names(data.added)}` : '',
    data.removed?.length ? `removed ${names(data.removed)}` : '',
    data.changed?.length ? `retyped ${(data.changed as Data[]).slice(0, 5).map((c) => `${code(esc(c.name))} ${esc(c.from)} → ${esc(c.to)}`).join(', ')}` : '',
  ].filter(Boolean);
  const by = data.job ? ` by job ${esc(data.job.namespace)}/${esc(data.job.name)}` : '';
  const impact = data.impact as Data | null;
  const models = impact?.modelVersions?.length ? `, ${impact.modelVersions.length} model version(s) (${(impact.modelVersions as string[]).slice(0, 3).map(esc).join(', ')})` : '';
  const calls = impact?.usage?.llmCalls ? `, ${esc(impact.usage.llmCalls)} LLM calls in 7 days` : '';
  const feeds = impact ? `\nIt feeds ${esc(Math.max(0, impact.total - 1))} node(s)${models}${calls}` : '';
  return `${icon('warning')}Dataset ${b(`${esc(data.dataset?.namespace)}/${esc(data.dataset?.name)}`)} schema changed in ${esc(tenant)}${by}: ${parts.join('; ')}${feeds}`;
}

const count = (n: number, one: string, many = `${one}s`) => `${n.toLocaleString('en-US')} ${n === 1 ? one : many}`;
const usd = (n: number) => `$${n.toFixed(n < 10 ? 4 : 2)}`;

/** A report: its period, then one line per section it holds (the section's headline figures). */
function reportText({ esc, b, code, icon }: Style, tenant: string, data: Data): string {
  const r = data.report ?? {};
  const c = data.content ?? {};
  const lines = [`${icon('bar_chart')}${b(esc(r.schedule))} for ${esc(tenant)}: ${esc(String(r.from ?? '').slice(0, 16).replace('T', ' '))} → ${esc(String(r.to ?? '').slice(0, 16).replace('T', ' '))} UTC`];
  if (c.lineage) {
    const l = c.lineage;
    const failing = (l.failingJobs as Data[]).slice(0, 3).map((j) => `${code(`${esc(j.namespace)}/${esc(j.name)}`)} (${esc(j.failedRuns)})`).join(', ');
    lines.push(`• Lineage: ${count(l.events, 'event')}, ${count(l.runs, 'run')} (${l.completedRuns} completed, ${l.failedRuns} failed, ${l.abortedRuns} aborted), ${count(l.newDatasets.count, 'new dataset')}${failing ? `; failing: ${failing}` : ''}`);
  }
  if (c.quality) lines.push(`• Quality: ${count(c.quality.checks, 'check')} of feature groups, ${c.quality.failedChecks} failed`);
  if (c.models) {
    const m = c.models;
    lines.push(`• Models: ${count(m.registered.count, 'version')} registered, ${count(m.stageChanges.count, 'stage change')}, ${count(m.refused.count, 'promotion')} refused, ${count(m.aliasChanges, 'alias move')}`);
  }
  if (c.llm) {
    const l = c.llm;
    const top = (l.byModel as Data[])[0];
    lines.push(`• LLM: ${count(l.calls, 'call')} (before: ${l.previous.calls}), ${usd(l.costUsd)} (before: ${usd(l.previous.costUsd)})${top ? `; most spent on ${code(esc(top.model))}, p99 ${Math.round(top.latencyP99Ms)} ms` : ''}`);
  }
  if (c.gpu) lines.push(`• GPUs: ${c.gpu.gpuHours.toFixed(1)} GPU-hours on ${count(c.gpu.gpus, 'GPU')}`);
  if (c.alerts) lines.push(`• Alerts: ${c.alerts.fired} fired, ${c.alerts.resolved} resolved, ${c.alerts.firingAtEnd} firing at the end`);
  return lines.join('\n');
}
