import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createHmac, randomUUID } from 'node:crypto';
import { SpanStatusCode } from '@opentelemetry/api';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok, webhookReceiver as receiver } from './registry.testkit.js';
import { runNodeId, trainingAccountId, TRAINING_NAMESPACE } from '../../domain/ids.js';
import { dcgmLabels, gaugeRequest, DCGM_RESOURCE, type GaugeSample } from '../../domain/telemetry/metrics-testkit.js';
import { emitter } from '../../../../ingest/otlp/otlp.testkit.js';
import { alertRuleId } from '../../domain/alerts/rules.js';
import { until } from '../../queue/jobqueue.contract.js';

const SECRET = 'alert-signing-secret-0001';
const MIN = 60_000;
const RULE_FIELDS = 'id name source metric aggregation measure op threshold windowSeconds forSeconds severity enabled deletedAt lastEvaluatedAt lastSeries lastError labels { key value }';
const ALERT_FIELDS = 'id ruleId ruleName source severity labels state value op threshold pendingSince firedAt closedAt closeReason subjectId';
const CREATE = `mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { ${RULE_FIELDS} } }`;
const PREVIEW = 'query ($input: AlertRuleInput!) { previewAlertRule(input: $input) { from to truncated series { labels value samples breaching } } }';
const ALERTS = `query ($states: [AlertState!], $ruleId: ID, $nodeId: ID) { alerts(states: $states, ruleId: $ruleId, nodeId: $nodeId) { ${ALERT_FIELDS} } }`;
const RULES = `{ alertRules { ${RULE_FIELDS} alertsRaised(states: [PENDING, FIRING, RESOLVED]) { id state } } }`;

interface Gpu { uuid: string; index: string; host: string; namespace: string; pod: string }
const IDLE: Gpu = { uuid: 'GPU-11111111-0000-4000-8000-00000000a1e7', index: '0', host: 'gpu-node-7', namespace: 'alerts-ml', pod: 'llama-ft-0' };
const BUSY: Gpu = { uuid: 'GPU-22222222-0000-4000-8000-00000000a1e7', index: '1', host: 'gpu-node-7', namespace: 'alerts-ml', pod: 'llama-ft-0' };

/** DCGM utilisation samples of one GPU every 15 s over the last `minutes` minutes. */
function util(gpu: Gpu, minutes: number, value: (i: number) => number): GaugeSample[] {
  const now = Date.now();
  return Array.from({ length: minutes * 4 }, (_, i) => ({ name: 'DCGM_FI_DEV_GPU_UTIL', timeMs: now - (minutes * 4 - i) * 15_000, value: value(i), labels: dcgmLabels(gpu) }));
}

describe('alerting: rules over metrics, GPUs and spans, evaluated into alerts and webhooks', () => {
  let loom: TestLoom;
  let rivalKey: string;
  let viewerKey: string;
  const hook = receiver();
  const slack = receiver();
  const runId = randomUUID();
  const idleUtil = util(IDLE, 6, (i) => 2 + (i % 3)); // 2, 3, 4...
  const busyUtil = util(BUSY, 6, (i) => 85 + (i % 5));
  const evaluate = () => loom.services.alerts.evaluateTenant('demo');
  const events = () => hook.got.map((g) => JSON.parse(g.body) as { event: string; tenant: string; data: any });

  beforeAll(async () => {
    await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => slack.server.listen(0, '127.0.0.1', r));
    loom = await startTestLoom({ LOOM_ALERT_INTERVAL_SECONDS: 'off' });
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
    // The demo's own rules (app/demo/alerts.ts) are left out: these tests count every rule and alert of the tenant.
    for (const r of await loom.services.alerts.list('demo')) await loom.services.alerts.delete({ tenant: 'demo', role: 'admin', name: 'test' }, r.id);
    // A training run holding quota (as the training service records it), running in the GPUs' pod.
    await loom.services.graph.write('demo', {
      nodes: [
        { id: trainingAccountId('demo'), kind: 'TrainingRequest', namespace: TRAINING_NAMESPACE, name: 'account' },
        { id: runNodeId(runId), kind: 'Run', namespace: TRAINING_NAMESPACE, name: runId, props: { runId, 'k8s.namespace': IDLE.namespace, 'k8s.pod': IDLE.pod, 'at.START': new Date(Date.now() - 10 * MIN).toISOString() } },
      ],
      edges: [{ kind: 'DISPATCHED', from: trainingAccountId('demo'), to: runNodeId(runId) }],
    });
    // and its pod, as the training runner indexes it (training.kubernetes.int.test.ts runs the runner itself)
    await loom.services.runPods.record('demo', [{ runId, namespace: IDLE.namespace, pods: [IDLE.pod] }]);
    expect((await loom.post('/v1/metrics', gaugeRequest([...idleUtil, ...busyUtil], DCGM_RESOURCE))).status).toBe(200);
    // 8 LLM calls of the chat service, 2 of them failed (error rate 0.25), through the OTel SDK.
    const sdk = emitter(loom.url, loom.key, 'proto', { 'service.name': 'chat-alerts' });
    for (let i = 0; i < 8; i++) {
      const span = sdk.tracer.startSpan('chat gpt-4o', { attributes: { 'gen_ai.operation.name': 'chat', 'gen_ai.system': 'openai', 'gen_ai.request.model': 'gpt-4o', 'gen_ai.usage.input_tokens': 100, 'gen_ai.usage.output_tokens': 50 } });
      if (i % 4 === 3) span.setStatus({ code: SpanStatusCode.ERROR, message: 'rate limited' });
      span.end();
    }
    await sdk.flush();
    await sdk.close();
    expect(sdk.exporter.results.every((r) => r.code === 0)).toBe(true);
    await ok(loom, 'mutation ($url: String!, $secret: String) { createWebhook(input: {url: $url, secret: $secret, events: ["ALERT_FIRING", "ALERT_RESOLVED"]}) { webhook { id } } }', { url: hook.url(), secret: SECRET });
    const SLACK_HOOK = 'mutation ($url: String!, $format: String, $min: String) { createWebhook(input: {url: $url, events: ["ALERT_FIRING"], format: $format, minSeverity: $min}) { webhook { id format minSeverity } } }';
    expect((await fails(loom, SLACK_HOOK, { url: slack.url(), format: 'TEAMS' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.format' });
    expect((await fails(loom, SLACK_HOOK, { url: slack.url(), format: 'SLACK', min: 'URGENT' })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.minSeverity' });
    // The channel takes critical alerts only (the signed JSON one above takes them all).
    expect((await ok(loom, SLACK_HOOK, { url: slack.url(), format: 'SLACK', min: 'CRITICAL' })).createWebhook.webhook).toMatchObject({ format: 'SLACK', minSeverity: 'CRITICAL' });
    // No SMTP server here (LOOM_SMTP_URL): email destinations are refused, saying what to set (webhook-email.int.test.ts sends them).
    expect((await ok(loom, '{ webhookFormats }')).webhookFormats).not.toContain('EMAIL');
    const email = await fails(loom, SLACK_HOOK, { url: 'mailto:oncall@example.test' });
    expect([email.extensions?.code, email.extensions?.field]).toEqual(['BAD_USER_INPUT', 'input.url']);
    expect(email.message).toMatch(/LOOM_SMTP_URL/);
  });
  afterAll(async () => {
    await loom?.close();
    await new Promise((r) => hook.server.close(r));
    await new Promise((r) => slack.server.close(r));
  });

  const idleRule = { name: 'Idle GPU on a training run', source: 'GPU', metric: 'utilization', labels: [{ key: 'namespace', value: IDLE.namespace }], aggregation: 'LAST', op: 'LT', threshold: 10, severity: 'CRITICAL' };

  it('previews what a rule sees, per series, without storing anything', async () => {
    const { previewAlertRule: p } = await ok(loom, PREVIEW, { input: { ...idleRule, aggregation: 'AVG' } });
    expect(p.truncated).toBe(false);
    expect(Date.parse(p.to) - Date.parse(p.from)).toBe(300_000);
    const byGpu = Object.fromEntries(p.series.map((s: any) => [s.labels.gpu_uuid, s]));
    expect(Object.keys(byGpu).sort()).toEqual([IDLE.uuid, BUSY.uuid].sort());
    const inWindow = (xs: GaugeSample[]) => xs.filter((x) => x.timeMs >= Date.parse(p.from)).map((x) => x.value);
    const idle = inWindow(idleUtil);
    expect(byGpu[IDLE.uuid]).toMatchObject({ samples: idle.length, breaching: true, labels: { namespace: IDLE.namespace, pod: IDLE.pod, host: IDLE.host, gpu_model: 'NVIDIA A100-SXM4-80GB' } });
    expect(byGpu[IDLE.uuid].value).toBeCloseTo(idle.reduce((a, b) => a + b, 0) / idle.length, 9);
    expect(byGpu[BUSY.uuid].breaching).toBe(false);
    expect((await ok(loom, RULES)).alertRules).toEqual([]);
  });

  let idleRuleId: string;
  it('fires an alert for the idle GPU only, tied to the training run in its pod, and sends it to the webhook signed', async () => {
    const { createAlertRule: rule } = await ok(loom, CREATE, { input: idleRule });
    idleRuleId = rule.id;
    expect(rule).toMatchObject({ source: 'GPU', metric: 'utilization', aggregation: 'LAST', op: 'LT', threshold: 10, windowSeconds: 300, forSeconds: 0, enabled: true, lastEvaluatedAt: null });
    expect(await evaluate()).toMatchObject({ rules: 1, series: 2, fired: 1, resolved: 0, errors: 0 });
    const { alerts } = await ok(loom, ALERTS);
    expect(alerts).toHaveLength(1);
    expect(alerts[0]).toMatchObject({
      ruleId: rule.id, ruleName: idleRule.name, source: 'GPU', severity: 'CRITICAL', state: 'FIRING', value: idleUtil.at(-1)!.value, op: 'LT', threshold: 10,
      labels: { gpu_uuid: IDLE.uuid, namespace: IDLE.namespace, pod: IDLE.pod }, subjectId: runNodeId(runId), closedAt: null,
    });
    expect(alerts[0].firedAt).toBe(alerts[0].pendingSince);
    // The alert is a node of the graph, linked to the run (the lineage map reaches it from the run).
    const run = await loom.services.graph.neighbours('demo', runNodeId(runId), { direction: 'UPSTREAM', edgeKinds: ['CONCERNS'], limit: 10, offset: 0 });
    expect(run.items.map((i) => i.node.kind)).toEqual(['Alert']);
    // Evaluating again changes nothing but the value and time: no second notification.
    expect(await evaluate()).toMatchObject({ fired: 0, resolved: 0 });
    await loom.services.registry.webhooks.idle();
    expect(events().map((e) => e.event)).toEqual(['ALERT_FIRING']);
    const got = hook.got[0]!;
    expect(got.headers['x-loom-signature']).toBe(`sha256=${createHmac('sha256', SECRET).update(`${got.headers['x-loom-timestamp']}.${got.body}`).digest('hex')}`);
    expect(events()[0]).toMatchObject({ tenant: 'demo', data: { rule: { id: rule.id, name: idleRule.name, severity: 'CRITICAL', source: 'GPU' }, alerts: [{ state: 'FIRING', subjectId: runNodeId(runId), labels: { gpu_uuid: IDLE.uuid } }] } });
    expect(events()[0].data.alerts).toHaveLength(1);
    // The Slack-format webhook got one message saying the same.
    expect(slack.got.map((g) => JSON.parse(g.body))).toEqual([{
      text: `:rotating_light: *[CRITICAL] ${idleRule.name}* firing in demo: \`namespace=${IDLE.namespace} pod=${IDLE.pod} gpu_uuid=${IDLE.uuid} host=${IDLE.host}\` ${idleUtil.at(-1)!.value} &lt; 10`,
    }]);
  });

  it('resolves it when the GPU gets busy, notifies, and keeps it in the history', async () => {
    const busyNow: GaugeSample = { name: 'DCGM_FI_DEV_GPU_UTIL', timeMs: Date.now() - 1000, value: 77, labels: dcgmLabels(IDLE) };
    expect((await loom.post('/v1/metrics', gaugeRequest([busyNow], DCGM_RESOURCE))).status).toBe(200);
    expect(await evaluate()).toMatchObject({ fired: 0, resolved: 1 });
    expect((await ok(loom, ALERTS)).alerts).toEqual([]);
    const { alerts: history } = await ok(loom, ALERTS, { states: ['RESOLVED'], ruleId: idleRuleId });
    expect(history).toHaveLength(1);
    expect(history[0]).toMatchObject({ state: 'RESOLVED', closeReason: 'NO_LONGER_BREAKING', value: 77 });
    expect(Date.parse(history[0].closedAt)).toBeGreaterThanOrEqual(Date.parse(history[0].firedAt));
    // In the graph: the rule's RAISED edge to a closed alert has ended (current edges are its open alerts); the history keeps it.
    const raised = (includeEnded: boolean) => loom.services.graph.neighbours('demo', alertRuleId(idleRuleId), { direction: 'DOWNSTREAM', edgeKinds: ['RAISED'], includeEnded, limit: 10, offset: 0 });
    expect((await raised(false)).items).toEqual([]);
    expect((await raised(true)).items.map((i) => [i.node.kind, i.edge.validTo !== null])).toEqual([['Alert', true]]);
    // The run's alerts, closed ones included (its page lists them).
    const nodeId = runNodeId(runId);
    expect((await ok(loom, ALERTS, { nodeId, states: ['FIRING', 'RESOLVED'] })).alerts.map((a: any) => [a.id, a.state])).toEqual([[history[0].id, 'RESOLVED']]);
    expect((await ok(loom, ALERTS, { nodeId })).alerts).toEqual([]); // open ones only by default
    expect((await fails(loom, ALERTS, { nodeId, ruleId: idleRuleId })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'nodeId' });
    await loom.services.registry.webhooks.idle();
    expect(events().map((e) => e.event)).toEqual(['ALERT_FIRING', 'ALERT_RESOLVED']);
    expect(events()[1].data.alerts).toMatchObject([{ id: history[0].id, state: 'RESOLVED', closeReason: 'NO_LONGER_BREAKING' }]);
  });

  it('measures a service\'s LLM calls: error rate, tokens, latency', async () => {
    const base = { source: 'TRACES', service: 'chat-alerts', op: 'GT' };
    const preview = async (measure: string, threshold: number) => (await ok(loom, PREVIEW, { input: { ...base, name: 'x', measure, threshold } })).previewAlertRule.series;
    expect(await preview('ERROR_RATE', 0.2)).toEqual([{ labels: { 'service.name': 'chat-alerts' }, value: 0.25, samples: 8, breaching: true }]);
    expect((await preview('TOKENS', 2000))[0]).toMatchObject({ value: 1200, breaching: false });
    expect((await preview('COUNT', 7))[0]).toMatchObject({ value: 8, breaching: true });
    const p99 = (await preview('LATENCY_P99_MS', 0))[0];
    expect(p99.value).toBeGreaterThanOrEqual(0);
    const { createAlertRule: rule } = await ok(loom, CREATE, { input: { ...base, name: 'Chat errors', measure: 'ERROR_RATE', threshold: 0.2 } });
    await evaluate();
    const { alerts } = await ok(loom, ALERTS, { ruleId: rule.id });
    expect(alerts).toMatchObject([{ state: 'FIRING', value: 0.25, labels: { 'service.name': 'chat-alerts' }, subjectId: null }]);
    // A WARNING alert: sent to the webhook taking every alert, not to the channel taking critical ones only.
    await loom.services.registry.webhooks.idle();
    expect(events().filter((e) => e.data.rule.id === rule.id).map((e) => e.event)).toEqual(['ALERT_FIRING']);
    expect(slack.got.map((g) => JSON.parse(g.body).text).filter((t: string) => t.includes('Chat errors'))).toEqual([]);
    // Raising the threshold above the error rate: the open alert resolves at the next evaluation.
    const UPDATE = `mutation ($id: ID!, $input: AlertRuleInput!) { updateAlertRule(id: $id, input: $input) { ${RULE_FIELDS} } }`;
    const input = { ...base, name: 'Chat errors (30%)', measure: 'ERROR_RATE', threshold: 0.3, severity: 'INFO' };
    expect((await fails(loom, UPDATE, { id: rule.id, input: { ...input, windowSeconds: 5 } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.windowSeconds' });
    expect((await fails(loom, UPDATE, { id: rule.id, input }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await fails(loom, UPDATE, { id: rule.id, input }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    const { updateAlertRule: updated } = await ok(loom, UPDATE, { id: rule.id, input });
    expect(updated).toMatchObject({ id: rule.id, name: 'Chat errors (30%)', threshold: 0.3, severity: 'INFO', source: 'TRACES', measure: 'ERROR_RATE', enabled: true });
    expect((await ok(loom, ALERTS, { ruleId: rule.id })).alerts).toHaveLength(1); // decided at the next evaluation
    await evaluate();
    expect((await ok(loom, ALERTS, { ruleId: rule.id, states: ['FIRING', 'RESOLVED'] })).alerts).toMatchObject([{ state: 'RESOLVED', closeReason: 'NO_LONGER_BREAKING' }]);
  });

  it('counts a job\'s failed OpenLineage runs, and ties the alert to the job\'s node', async () => {
    const ev = (eventType: string, runId: string, name: string) => ({
      eventType, eventTime: new Date().toISOString(), producer: 'https://github.com/apache/airflow', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
      run: { runId }, job: { namespace: 'alerts-ol', name }, inputs: [], outputs: [],
    });
    const [failed, ok1, ok2] = [randomUUID(), randomUUID(), randomUUID()];
    for (const e of [ev('START', failed, 'nightly_load'), ev('FAIL', failed, 'nightly_load'), ev('START', ok1, 'nightly_load'), ev('COMPLETE', ok1, 'nightly_load'), ev('START', ok2, 'hourly_sync'), ev('COMPLETE', ok2, 'hourly_sync')]) {
      expect((await loom.post('/api/v1/lineage', e)).status).toBe(201);
    }
    const input = { name: 'Failed runs in alerts-ol', source: 'RUNS', measure: 'FAILED_RUNS', labels: [{ key: 'job_namespace', value: 'alerts-ol' }], op: 'GT', threshold: 0, windowSeconds: 900 };
    // Events are archived (lineage_events) a moment after they are answered.
    const preview = async () => (await ok(loom, PREVIEW, { input })).previewAlertRule;
    await until(async () => (await preview()).series.reduce((n: number, x: any) => n + x.samples, 0) === 6, 10_000, 'the six events archived');
    expect((await preview()).series).toEqual([
      { labels: { job_namespace: 'alerts-ol', job_name: 'nightly_load' }, value: 1, samples: 4, breaching: true },
      { labels: { job_namespace: 'alerts-ol', job_name: 'hourly_sync' }, value: 0, samples: 2, breaching: false },
    ]);
    const completed = (await ok(loom, PREVIEW, { input: { ...input, measure: 'COMPLETED_RUNS', op: 'LT', threshold: 1 } })).previewAlertRule.series;
    expect(completed.map((x: any) => [x.labels.job_name, x.value])).toEqual([['hourly_sync', 1], ['nightly_load', 1]]);
    const { createAlertRule: rule } = await ok(loom, CREATE, { input });
    await evaluate();
    const jobId = 'job:alerts-ol:nightly_load';
    const { alerts } = await ok(loom, ALERTS, { ruleId: rule.id });
    expect(alerts).toMatchObject([{ state: 'FIRING', value: 1, labels: { job_name: 'nightly_load' }, subjectId: jobId }]);
    const about = await ok(loom, `query ($id: ID!) { alerts(nodeId: $id) { id } }`, { id: jobId });
    expect(about.alerts.map((a: any) => a.id)).toEqual([alerts[0].id]);
    expect((await ok(loom, `query ($id: ID!) { alerts(nodeId: $id) { id } }`, { id: jobId }, rivalKey)).alerts).toEqual([]);
    const bad = async (extra: Record<string, unknown>) => (await fails(loom, CREATE, { input: { ...input, ...extra } })).extensions?.field;
    expect(await bad({ measure: 'ERROR_RATE' })).toBe('input.measure');
    expect(await bad({ labels: [{ key: 'pod', value: 'x' }] })).toBe('input.labels[0].key');
    expect(await bad({ service: 'airflow' })).toBe('input.service');
    expect(await bad({ aggregation: 'MAX' })).toBe('input.aggregation');
    await ok(loom, 'mutation ($id: ID!) { deleteAlertRule(id: $id) { id } }', { id: rule.id });
  });

  it('pausing or deleting a rule resolves its open alerts; a deleted rule stays readable by id', async () => {
    const { createAlertRule: rule } = await ok(loom, CREATE, { input: { ...idleRule, name: 'Any GPU under 99%', labels: [], threshold: 99 } });
    await evaluate();
    const fired = (await ok(loom, ALERTS, { ruleId: rule.id })).alerts;
    expect(fired.length).toBeGreaterThanOrEqual(2);
    // Several series of one rule firing together: one delivery holding them all.
    await loom.services.registry.webhooks.idle();
    const mine = events().filter((e) => e.data.rule.id === rule.id);
    expect(mine.map((e) => [e.event, e.data.alerts.length])).toEqual([['ALERT_FIRING', fired.length]]);
    const paused = (await ok(loom, 'mutation ($id: ID!) { setAlertRuleEnabled(id: $id, enabled: false) { enabled } }', { id: rule.id })).setAlertRuleEnabled;
    expect(paused.enabled).toBe(false);
    expect((await ok(loom, ALERTS, { ruleId: rule.id })).alerts).toEqual([]);
    const closed = (await ok(loom, ALERTS, { ruleId: rule.id, states: ['RESOLVED'] })).alerts;
    expect(closed.every((a: any) => a.closeReason === 'RULE_DISABLED')).toBe(true);
    await evaluate();
    expect((await ok(loom, ALERTS, { ruleId: rule.id })).alerts).toEqual([]); // paused: not evaluated
    await ok(loom, 'mutation ($id: ID!) { setAlertRuleEnabled(id: $id, enabled: true) { enabled } }', { id: rule.id });
    await evaluate();
    expect((await ok(loom, ALERTS, { ruleId: rule.id })).alerts.length).toBeGreaterThanOrEqual(2);
    const deleted = (await ok(loom, 'mutation ($id: ID!) { deleteAlertRule(id: $id) { id deletedAt } }', { id: rule.id })).deleteAlertRule;
    expect(deleted.deletedAt).not.toBeNull();
    expect((await ok(loom, RULES)).alertRules.map((r: any) => r.id)).not.toContain(rule.id);
    expect((await ok(loom, `query ($id: ID!) { alertRule(id: $id) { deletedAt alertsRaised(states: [FIRING, RESOLVED]) { state closeReason } } }`, { id: rule.id })).alertRule.alertsRaised
      .filter((a: any) => a.closeReason === 'RULE_DELETED').length).toBeGreaterThanOrEqual(2);
    expect((await fails(loom, 'mutation ($id: ID!) { deleteAlertRule(id: $id) { id } }', { id: rule.id })).extensions?.code).toBe('NOT_FOUND');
  });

  it('names the field of a bad rule, and lets viewers read but not write', async () => {
    const bad = async (input: Record<string, unknown>) => (await fails(loom, CREATE, { input: { ...idleRule, ...input } })).extensions;
    expect(await bad({ metric: 'warp_drive' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.metric' });
    expect(await bad({ labels: [{ key: 'exported_pod', value: 'x' }] })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.labels[0].key' });
    expect(await bad({ windowSeconds: 10 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.windowSeconds' });
    expect(await bad({ forSeconds: -1 })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.forSeconds' });
    expect(await bad({ name: '  ' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect(await bad({ source: 'TRACES', metric: null, labels: [], aggregation: null })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.measure' });
    expect(await bad({ source: 'METRIC', metric: '' })).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.metric' });
    expect((await fails(loom, CREATE, { input: { ...idleRule, op: 'ABOUT' } })).message).toMatch(/AlertOp/);
    expect((await fails(loom, CREATE, { input: idleRule }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(loom, RULES, {}, viewerKey)).alertRules.length).toBeGreaterThan(0);
  });

  it('keeps tenants apart: another tenant sees none of the rules, alerts or signals, and cannot change them', async () => {
    expect((await ok(loom, RULES, {}, rivalKey)).alertRules).toEqual([]);
    expect((await ok(loom, ALERTS, { states: ['PENDING', 'FIRING', 'RESOLVED'] }, rivalKey)).alerts).toEqual([]);
    expect((await fails(loom, `query ($id: ID!) { alertRule(id: $id) { id } }`, { id: idleRuleId }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, ALERTS, { ruleId: idleRuleId }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await ok(loom, ALERTS, { nodeId: runNodeId(runId), states: ['FIRING', 'RESOLVED'] }, rivalKey)).alerts).toEqual([]);
    for (const m of ['deleteAlertRule(id: $id) { id }', 'setAlertRuleEnabled(id: $id, enabled: false) { id }']) {
      expect((await fails(loom, `mutation ($id: ID!) { ${m} }`, { id: idleRuleId }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    }
    expect((await ok(loom, PREVIEW, { input: { ...idleRule, labels: [] } }, rivalKey)).previewAlertRule.series).toEqual([]);
    expect((await ok(loom, PREVIEW, { input: { name: 'x', source: 'TRACES', measure: 'COUNT', op: 'GT', threshold: 0 } }, rivalKey)).previewAlertRule.series).toEqual([]);
    // the rival's own rule over the same names finds nothing of demo's
    await ok(loom, CREATE, { input: { ...idleRule, labels: [] } }, rivalKey);
    expect(await loom.services.alerts.evaluateTenant('rival')).toMatchObject({ rules: 1, series: 0, fired: 0 });
    expect((await ok(loom, `query ($id: ID!) { alertRule(id: $id) { enabled } }`, { id: idleRuleId })).alertRule.enabled).toBe(true);
  });
});
