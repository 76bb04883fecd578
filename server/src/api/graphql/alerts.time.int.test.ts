/**
 * Alerting over time, on a real Loom: `forSeconds`, alerting on a silent series and silences, each on an
 * injected clock (an AlertService over the same stores); and the workers evaluating on their own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from './registry.testkit.js';
import { gaugeRequest } from '../../domain/telemetry/metrics-testkit.js';
import { AlertService, type AlertNotify } from '../../domain/alerts/alerts.service.js';
import type { AlertEvent } from '../../domain/alerts/changes.js';
import { until } from '../../queue/jobqueue.contract.js';

const MIN = 60_000;
const CREATE = 'mutation ($input: AlertRuleInput!) { createAlertRule(input: $input) { id } }';
const ALERTS = 'query ($ruleId: ID) { alerts(ruleId: $ruleId) { state value labels } }';

describe('alerting over time, on an injected clock', () => {
  let loom: TestLoom;
  let rivalKey: string;
  let viewerKey: string;
  /** An AlertService over the test Loom's stores whose clock the test moves (`clock.now`). */
  const clocked = (notify: AlertNotify, clock: { now: number }) => new AlertService(loom.services.graph, loom.services.analytics, notify, async () => ['demo'], { now: () => clock.now });

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
    // The demo's own rules (app/demo/alerts.ts) are left out: these tests count the notifications of the tenant.
    for (const r of await loom.services.alerts.list('demo')) await loom.services.alerts.delete({ tenant: 'demo', role: 'admin', name: 'test' }, r.id);
    const depth = [{ queue: 'ingest', v: 120 }, { queue: 'emails', v: 3 }].map(({ queue, v }) => ({ name: 'work_queue_depth', timeMs: Date.now() - 30_000, value: v, labels: { queue } }));
    expect((await loom.post('/v1/metrics', gaugeRequest(depth, { 'service.name': 'worker-pool' }))).status).toBe(200);
  });
  afterAll(() => loom?.close());

  it('waits forSeconds before firing (PENDING first, never notified), on an injected clock', async () => {
    const clock = { now: Date.now() };
    const notes: AlertEvent[] = [];
    const alerts = clocked((_t, event) => notes.push(event), clock);
    const rule = await alerts.create({ tenant: 'demo', role: 'editor', name: 'ci' }, {
      name: 'Queue backlog', source: 'METRIC', metric: 'work_queue_depth', service: 'worker-pool', aggregation: 'MAX', op: 'GT', threshold: 50, forSeconds: 120,
    });
    const mine = async () => (await alerts.alerts('demo', { ruleId: rule.id })).map((a) => [a.state, a.labels.queue, a.value]);
    await alerts.evaluateTenant('demo');
    expect(await mine()).toEqual([['PENDING', 'ingest', 120]]);
    clock.now += 119_000;
    await alerts.evaluateTenant('demo');
    expect(await mine()).toEqual([['PENDING', 'ingest', 120]]);
    expect(notes).toEqual([]);
    clock.now += 1000;
    await alerts.evaluateTenant('demo');
    expect(await mine()).toEqual([['FIRING', 'ingest', 120]]);
    expect(notes).toEqual(['ALERT_FIRING']);
    const [a] = await alerts.alerts('demo', { ruleId: rule.id });
    expect(Date.parse(a!.firedAt!) - Date.parse(a!.pendingSince)).toBe(120_000);
    // No sample left in the window: the absence of data resolves it.
    clock.now += 10 * MIN;
    await alerts.evaluateTenant('demo');
    expect(await alerts.alerts('demo', { ruleId: rule.id, states: ['RESOLVED'] })).toMatchObject([{ state: 'RESOLVED', closeReason: 'NO_DATA', labels: { queue: 'ingest', 'service.name': 'worker-pool' } }]);
    await alerts.delete({ tenant: 'demo', role: 'editor', name: 'ci' }, rule.id);
  });

  it('alerts on a series gone silent when the rule asks (alertOnNoData), until it reports again', async () => {
    const start = Date.now();
    const clock = { now: start };
    const notes: string[] = [];
    const alerts = clocked((_t, event) => notes.push(event), clock);
    const actor = { tenant: 'demo', role: 'editor' as const, name: 'ci' };
    // A heartbeat gauge far from its threshold: only silence can break the rule.
    const beat = async (atMs: number) => expect((await loom.post('/v1/metrics', gaugeRequest([{ name: 'trainer_heartbeat', timeMs: atMs, value: 1, labels: { worker: 'w1' } }], { 'service.name': 'trainer' }))).status).toBe(200);
    await beat(start - 30_000);
    const rule = await alerts.create(actor, { name: 'Trainer silent', source: 'METRIC', metric: 'trainer_heartbeat', op: 'LT', threshold: 0, windowSeconds: 300, alertOnNoData: true });
    expect(rule.alertOnNoData).toBe(true);
    const mine = async () => (await alerts.alerts('demo', { ruleId: rule.id, states: ['FIRING', 'RESOLVED'] })).map((a) => [a.state, a.noData, a.closeReason]);
    await alerts.evaluateTenant('demo');
    expect(await mine()).toEqual([]);
    clock.now = start + 5 * MIN; // its last beat is in the window before, none in this one
    expect((await alerts.preview('demo', { name: 'p', source: 'METRIC', metric: 'trainer_heartbeat', op: 'LT', threshold: 0, alertOnNoData: true })).series)
      .toEqual([{ labels: { worker: 'w1', 'service.name': 'trainer' }, value: null, samples: 0, breaching: true }]);
    await alerts.evaluateTenant('demo');
    expect(await mine()).toEqual([['FIRING', true, null]]);
    clock.now = start + 12 * MIN; // still silent (in neither window): still firing
    await alerts.evaluateTenant('demo');
    expect(await mine()).toEqual([['FIRING', true, null]]);
    await beat(clock.now - 10_000);
    await alerts.evaluateTenant('demo');
    expect(await mine()).toEqual([['RESOLVED', true, 'NO_LONGER_BREAKING']]); // it fired for want of data, and ended when data came back
    expect(notes).toEqual(['ALERT_FIRING', 'ALERT_RESOLVED']);
    // Without alertOnNoData the same silence raises nothing.
    const quiet = await alerts.create(actor, { name: 'Trainer (no data is fine)', source: 'METRIC', metric: 'trainer_heartbeat', op: 'LT', threshold: 0, windowSeconds: 300 });
    clock.now = start + 30 * MIN;
    await alerts.evaluateTenant('demo');
    expect(await alerts.alerts('demo', { ruleId: quiet.id })).toEqual([]);
    for (const r of [rule, quiet]) await alerts.delete(actor, r.id);
  });

  it('a silence keeps firing alerts from the webhooks, sends one still firing when it ends, and never one resolved meanwhile', async () => {
    const clock = { now: Date.now() };
    const notes: string[] = [];
    const alerts = clocked((_t, event, data) => notes.push(...(data.alerts as any[]).map((a) => `${event} ${a.labels.queue}`)), clock);
    const actor = { tenant: 'demo', role: 'editor' as const, name: 'ci' };
    const input = { name: 'Backlog (silenced)', source: 'METRIC' as const, metric: 'work_queue_depth', service: 'worker-pool', aggregation: 'MAX' as const, op: 'GT' as const, threshold: 50, windowSeconds: 86_400 };
    const rule = await alerts.create(actor, input);
    const open = async () => (await alerts.alerts('demo', { ruleId: rule.id })).map((a) => [a.state, a.notifiedAt === null ? 'held' : 'sent']);
    expect((await alerts.silence(actor, rule.id, 30)).silencedUntil).toBe(new Date(clock.now + 30 * MIN).toISOString());
    await alerts.evaluateTenant('demo');
    expect(await open()).toEqual([['FIRING', 'held']]);
    clock.now += 29 * MIN;
    await alerts.evaluateTenant('demo');
    expect(notes).toEqual([]);
    clock.now += 2 * MIN; // the silence is over: the alert still fires, so it is sent now
    await alerts.evaluateTenant('demo');
    expect(notes).toEqual(['ALERT_FIRING ingest']);
    expect(await open()).toEqual([['FIRING', 'sent']]);
    await alerts.silence(actor, rule.id, 60);
    await alerts.update(actor, rule.id, { ...input, threshold: 500 });
    await alerts.evaluateTenant('demo');
    expect(notes).toEqual(['ALERT_FIRING ingest', 'ALERT_RESOLVED ingest']); // its firing was sent: so is its end
    await alerts.update(actor, rule.id, input);
    await alerts.evaluateTenant('demo'); // fires again, held back
    await alerts.update(actor, rule.id, { ...input, threshold: 500 });
    await alerts.evaluateTenant('demo'); // resolved within the silence: never sent
    expect(notes).toHaveLength(2);
    expect((await alerts.alerts('demo', { ruleId: rule.id, states: ['RESOLVED'] })).map((a) => a.notifiedAt === null)).toEqual([true, false]);
    expect((await alerts.silence(actor, rule.id, 0)).silencedUntil).toBeNull();
    // Over GraphQL: bounds, roles, tenants.
    const SILENCE = 'mutation ($id: ID!, $minutes: Int!) { silenceAlertRule(id: $id, minutes: $minutes) { silencedUntil } }';
    expect((await fails(loom, SILENCE, { id: rule.id, minutes: 10_081 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'minutes' });
    expect((await fails(loom, SILENCE, { id: rule.id, minutes: 5 }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await fails(loom, SILENCE, { id: rule.id, minutes: 5 }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect(Date.parse((await ok(loom, SILENCE, { id: rule.id, minutes: 5 })).silenceAlertRule.silencedUntil) - Date.now()).toBeGreaterThan(4 * MIN);
    await alerts.delete(actor, rule.id);
  });
});

describe('alerting: the workers evaluate on their own', () => {
  let loom: TestLoom;
  beforeAll(async () => { loom = await startTestLoom({ LOOM_ALERT_INTERVAL_SECONDS: '1' }); });
  afterAll(() => loom?.close());

  it('fires a new rule within a few ticks', async () => {
    const sample = { name: 'disk_used_ratio', timeMs: Date.now() - 5000, value: 0.97, labels: { volume: 'data' } };
    expect((await loom.post('/v1/metrics', gaugeRequest([sample], { 'service.name': 'node-exporter' }))).status).toBe(200);
    const { createAlertRule: rule } = await ok(loom, CREATE, { input: { name: 'Disk almost full', source: 'METRIC', metric: 'disk_used_ratio', op: 'GTE', threshold: 0.9 } });
    await until(async () => (await ok(loom, ALERTS, { ruleId: rule.id })).alerts.length === 1, 15_000);
    const { alerts } = await ok(loom, ALERTS, { ruleId: rule.id });
    expect(alerts[0]).toMatchObject({ state: 'FIRING', value: 0.97, labels: { volume: 'data', 'service.name': 'node-exporter' } });
    expect((await ok(loom, `query ($id: ID!) { alertRule(id: $id) { lastEvaluatedAt lastSeries lastError } }`, { id: rule.id })).alertRule).toMatchObject({ lastSeries: 1, lastError: null });
    const metrics = await (await fetch(`${loom.url}/metrics`)).text();
    expect(metrics).toMatch(/^loom_alerts_total\{transition="fired"\} [1-9]/m); // the demo's LLM error rule fires too
    expect(metrics).toMatch(/^loom_queue_jobs_total\{queue="alerts.evaluate",outcome="completed"\} [1-9]/m);
  });
});
