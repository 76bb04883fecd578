/**
 * Automated reports on a real Loom (Kuzu, chDB, the demo tenant's data): schedules over GraphQL, what a
 * report says about a period (checked against the events sent for it), the workers' run making each
 * period's report once, webhooks (Loom's envelope and Slack's text), and tenancy.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok, webhookReceiver } from './registry.testkit.js';
import { until } from '../../queue/jobqueue.contract.js';
import { ReportService } from '../../domain/reports/reports.service.js';
import { RUNS } from '../../app/demo/common.js';

const SCHEDULE = 'id name cadence hourUtc weekday sections enabled createdBy deleted';
const CREATE = `mutation ($input: ReportScheduleInput!) { createReportSchedule(input: $input) { ${SCHEDULE} } }`;
/** Every field of a report's content. */
const CONTENT = `from to sections
  lineage { events runs completedRuns failedRuns abortedRuns jobs datasets failingJobs { namespace name failedRuns completedRuns } newDatasets { count first } }
  quality { checks failedChecks groups { id name checks failedChecks latestPassed } }
  models { registered { count first { model version at } } stageChanges { count first { model version from to at actor } } refused { count first { model version to at reason } } aliasChanges }
  llm { calls inputTokens outputTokens costUsd previous { calls costUsd } byModel { model calls totalTokens costUsd latencyP50Ms latencyP99Ms } }
  gpu { gpuHours gpus byPod { namespace pod gpus gpuHours meanUtilization } }
  alerts { fired resolved firingAtEnd byRule { rule severity fired } }`;
const COMPOSE = `query ($from: DateTime!, $to: DateTime!, $sections: [ReportSection!]) { composeReport(from: $from, to: $to, sections: $sections) { ${CONTENT} } }`;
const DAY = 86_400_000;
/** A past day of its own for the lineage section (no demo event falls in it). */
const PERIOD = { from: '2025-02-03T06:00:00.000Z', to: '2025-02-04T06:00:00.000Z' };
const at = (h: number) => new Date(Date.parse(PERIOD.from) + h * 3_600_000).toISOString();

function run(eventType: string, time: string, runId: string, job: string, outputs: string[]) {
  return {
    eventType, eventTime: time, producer: 'https://example.com/report-test', schemaURL: 'https://openlineage.io/spec/2-0-2/OpenLineage.json#/$defs/RunEvent',
    run: { runId }, job: { namespace: 'reports', name: job }, inputs: [], outputs: outputs.map((name) => ({ namespace: 'reports', name })),
  };
}

describe('automated reports', () => {
  let loom: TestLoom;
  let viewerKey: string;
  let rivalKey: string;
  const hook = webhookReceiver();
  const slack = webhookReceiver();

  beforeAll(async () => {
    await new Promise<void>((r) => hook.server.listen(0, '127.0.0.1', r));
    await new Promise<void>((r) => slack.server.listen(0, '127.0.0.1', r));
    loom = await startTestLoom();
    viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    // The demo's own schedule (app/demo/reports.ts) is left out: these tests count every schedule and report of the tenant.
    for (const s of await loom.services.reports.schedules('demo')) await loom.services.reports.deleteSchedule({ tenant: 'demo', role: 'admin', name: 'test' }, s.id);
    // In the period: orders_daily runs twice (one COMPLETE, one FAIL), load_users once and aborts; a dataset
    // first named before the period (orders) and two first named in it. One event after the period.
    const [r1, r2, r3] = [randomUUID(), randomUUID(), randomUUID()];
    const events = [
      run('COMPLETE', '2025-02-01T00:00:00.000Z', randomUUID(), 'orders_daily', ['orders']),
      run('START', at(1), r1, 'orders_daily', ['orders']), run('COMPLETE', at(2), r1, 'orders_daily', ['orders', 'orders_summary']),
      run('START', at(3), r2, 'orders_daily', ['orders']), run('FAIL', at(4), r2, 'orders_daily', ['orders']),
      run('ABORT', at(5), r3, 'load_users', ['users']),
      run('FAIL', '2025-02-05T00:00:00.000Z', randomUUID(), 'load_users', ['users']),
    ];
    expect((await loom.post('/api/v1/lineage/batch', events)).status).toBe(200);
  });
  afterAll(async () => {
    await loom?.close();
    hook.server.close();
    slack.server.close();
  });

  it('sums up a period: runs and their outcomes by job, new datasets; LLM calls, GPUs, models and checks from the demo', async () => {
    const { composeReport: r } = await ok(loom, COMPOSE, { ...PERIOD, sections: ['LINEAGE', 'ALERTS'] });
    expect(r.sections).toEqual(['LINEAGE', 'ALERTS']);
    expect(r.llm).toBeNull();
    expect(r.lineage).toEqual({
      events: 5, runs: 3, completedRuns: 1, failedRuns: 1, abortedRuns: 1, jobs: 2, datasets: 3,
      failingJobs: [{ namespace: 'reports', name: 'load_users', failedRuns: 1, completedRuns: 0 }, { namespace: 'reports', name: 'orders_daily', failedRuns: 1, completedRuns: 1 }],
      newDatasets: { count: 2, first: ['reports:orders_summary', 'reports:users'] },
    });
    expect(r.alerts).toEqual({ fired: 0, resolved: 0, firingAtEnd: 0, byRule: [] });
    // Another tenant naming orders_summary earlier changes nothing here; an older event naming users, sent late
    // (a backfill), makes users a dataset of before the period.
    const rivalEvent = run('COMPLETE', '2025-01-10T00:00:00.000Z', randomUUID(), 'orders_daily', ['orders_summary']);
    expect((await loom.post('/api/v1/lineage', rivalEvent, { key: rivalKey })).status).toBe(201);
    expect((await ok(loom, COMPOSE, { ...PERIOD, sections: ['LINEAGE'] })).composeReport.lineage.newDatasets).toEqual({ count: 2, first: ['reports:orders_summary', 'reports:users'] });
    expect((await loom.post('/api/v1/lineage', run('COMPLETE', '2025-01-20T00:00:00.000Z', randomUUID(), 'load_users', ['users']))).status).toBe(201);
    const late = (await ok(loom, COMPOSE, { ...PERIOD, sections: ['LINEAGE'] })).composeReport.lineage;
    expect(late).toMatchObject({ events: 5, newDatasets: { count: 1, first: ['reports:orders_summary'] } });
    // The demo (seeded at start): 30 LLM calls in the last day, a training run's 2 GPUs for an hour, the churn model's registry, one feature group check.
    const now = Date.now();
    const demo = (await ok(loom, COMPOSE, { from: new Date(now - 2 * DAY).toISOString(), to: new Date(now + 60_000).toISOString() })).composeReport;
    expect(demo.llm).toMatchObject({ calls: 30, previous: { calls: 0, costUsd: 0 } });
    expect(demo.llm.byModel.reduce((a: number, m: { calls: number }) => a + m.calls, 0)).toBe(30);
    expect(demo.llm.costUsd).toBeGreaterThan(0);
    // GPU-hours as the run's own page counts them (its 2 GPUs sampled every 75 s for ~74 minutes)
    const gpuRun = (await ok(loom, 'query ($r: String!) { runGpuSummary(runId: $r) { gpuHours } }', { r: RUNS.challenger })).runGpuSummary;
    expect(gpuRun.gpuHours).toBeGreaterThan(2.4);
    expect(demo.gpu).toMatchObject({ gpus: 2, byPod: [{ namespace: 'ml-training', gpus: 2 }] });
    expect(demo.gpu.gpuHours).toBeCloseTo(gpuRun.gpuHours, 6);
    expect(demo.gpu.byPod[0].gpuHours).toBeCloseTo(gpuRun.gpuHours, 6);
    expect(demo.models.registered.count).toBe(3);
    expect(demo.models.refused).toMatchObject({ count: 1, first: [{ model: 'churn-classifier', version: 3, to: 'Production' }] });
    expect(demo.models.refused.first[0].reason).toMatch(/gate/);
    expect(demo.quality).toMatchObject({ checks: 1, failedChecks: 0, groups: [{ latestPassed: true }] });
    // Bad periods name the argument.
    expect((await fails(loom, COMPOSE, { from: PERIOD.to, to: PERIOD.from })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'to' });
    expect((await fails(loom, COMPOSE, { from: '2025-01-01T00:00:00Z', to: '2025-06-01T00:00:00Z' })).message).toMatch(/at most 92 days/);
  });

  it('keeps schedules, refuses bad ones naming the field, lets viewers read but not write', async () => {
    const daily = (await ok(loom, CREATE, { input: { name: 'Platform daily', cadence: 'DAILY', hourUtc: 7, sections: ['LLM', 'LINEAGE'] } })).createReportSchedule;
    expect(daily).toMatchObject({ name: 'Platform daily', cadence: 'DAILY', hourUtc: 7, weekday: null, sections: ['LINEAGE', 'LLM'], enabled: true, deleted: false });
    const weekly = (await ok(loom, CREATE, { input: { name: 'Weekly digest', cadence: 'WEEKLY' } })).createReportSchedule;
    expect(weekly).toMatchObject({ hourUtc: 6, weekday: 1, sections: ['LINEAGE', 'QUALITY', 'MODELS', 'LLM', 'GPU', 'ALERTS'] });
    for (const [input, field] of [
      [{ name: 'x', cadence: 'DAILY', hourUtc: 24 }, 'input.hourUtc'],
      [{ name: 'x', cadence: 'DAILY', weekday: 3 }, 'input.weekday'],
      [{ name: 'x', cadence: 'WEEKLY', weekday: 8 }, 'input.weekday'],
      [{ name: '', cadence: 'DAILY' }, 'input.name'],
      [{ name: 'x', cadence: 'DAILY', sections: [] }, 'input.sections'], // left out is all; empty names none
    ] as const) expect((await fails(loom, CREATE, { input })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await fails(loom, CREATE, { input: { name: 'x', cadence: 'DAILY' } }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    const listed = await ok(loom, `{ reportSchedules { ${SCHEDULE} } }`, {}, viewerKey);
    expect(listed.reportSchedules.map((s: { name: string }) => s.name)).toEqual(['Platform daily', 'Weekly digest']);
    const paused = await ok(loom, `mutation ($id: ID!, $input: ReportScheduleInput!) { updateReportSchedule(id: $id, input: $input) { ${SCHEDULE} } }`,
      { id: weekly.id, input: { name: 'Weekly digest', cadence: 'WEEKLY', weekday: 5, enabled: false } });
    expect(paused.updateReportSchedule).toMatchObject({ weekday: 5, enabled: false });
    const deleted = await ok(loom, `mutation ($id: ID!) { deleteReportSchedule(id: $id) { ${SCHEDULE} } }`, { id: weekly.id });
    expect(deleted.deleteReportSchedule.deleted).toBe(true);
    expect((await ok(loom, `{ reportSchedules { name } }`)).reportSchedules).toEqual([{ name: 'Platform daily' }]);
  });

  it('makes each ended period\'s report once, keeps it and sends it to the webhooks; another tenant sees none of it', async () => {
    await ok(loom, 'mutation ($url: String!) { createWebhook(input: {url: $url, events: ["REPORT_READY"]}) { webhook { id } } }', { url: hook.url() });
    await ok(loom, 'mutation ($url: String!) { createWebhook(input: {url: $url, events: ["REPORT_READY"], format: "SLACK"}) { webhook { id } } }', { url: slack.url() });
    const s = (await ok(loom, CREATE, { input: { name: 'Ops daily', cadence: 'DAILY', hourUtc: 6, sections: ['LINEAGE', 'LLM', 'GPU'] } })).createReportSchedule;
    // The workers' run, a day and a half later: the period ending at the last 06:00 has ended since the schedule was made.
    const later = Date.now() + 1.5 * DAY;
    const workers = new ReportService({ graph: loom.services.graph, analytics: loom.services.analytics, traces: loom.services.traces, alerts: loom.services.alerts },
      (tenant, data) => loom.services.registry.webhooks.notify(tenant, 'REPORT_READY', data), () => loom.services.tenancy.listTenants(), { now: () => later });
    const first = await workers.runDue();
    expect(first).toMatchObject({ reports: 2, errors: 0 }); // this one and Platform daily (made in the test before)
    // ...and at the next tick nothing more.
    expect(await workers.runDue()).toMatchObject({ reports: 0, errors: 0 });
    const reports = (await ok(loom, `query ($id: ID!) { reportSchedule(id: $id) { reports { id name from to generatedAt content { ${CONTENT} } } } }`, { id: s.id }, viewerKey)).reportSchedule.reports;
    expect(reports).toHaveLength(1);
    const [r] = reports;
    expect(Date.parse(r.to) - Date.parse(r.from)).toBe(DAY);
    expect(new Date(r.to).getUTCHours()).toBe(6);
    expect(Object.entries(r.content).filter(([, v]) => v !== null).map(([k]) => k).sort()).toEqual(['from', 'gpu', 'lineage', 'llm', 'sections', 'to']);
    const sentOf = () => hook.got.map((g) => JSON.parse(g.body)).filter((b) => b.data.report.scheduleId === s.id);
    const textOf = () => slack.got.map((g) => JSON.parse(g.body).text as string).find((t) => t.includes('Ops daily'));
    await until(() => sentOf().length >= 1 && !!textOf(), 10_000, 'the report webhooks');
    const sent = sentOf();
    expect(sent).toHaveLength(1);
    expect(sent[0]).toMatchObject({ event: 'REPORT_READY', tenant: 'demo', data: { report: { id: r.id, schedule: 'Ops daily', from: r.from, to: r.to } } });
    expect(sent[0].data.content.llm).toEqual(r.content.llm);
    const text = textOf()!;
    expect(text).toMatch(/^:bar_chart: \*Ops daily\* for demo: /);
    expect(text).toContain('• Lineage: ');
    expect(text).toContain('• LLM: ');
    expect(text).toContain('GPU-hours');
    // On demand: the same period made again (the same id), by an editor; a viewer may not.
    const again = (await ok(loom, 'mutation ($id: ID!) { runReportSchedule(id: $id) { id to } }', { id: s.id })).runReportSchedule;
    expect(again.id).not.toBe(r.id); // now's latest period, not the workers' clock a day and a half on
    expect((await fails(loom, 'mutation ($id: ID!) { runReportSchedule(id: $id) { id } }', { id: s.id }, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    // Another tenant: no schedules, none of this one's reports, nothing of demo's data in its own report.
    expect((await ok(loom, '{ reportSchedules { id } }', {}, rivalKey)).reportSchedules).toEqual([]);
    expect((await fails(loom, 'query ($id: ID!) { report(id: $id) { id } }', { id: r.id }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, 'mutation ($id: ID!) { runReportSchedule(id: $id) { id } }', { id: s.id }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, `mutation ($id: ID!) { deleteReportSchedule(id: $id) { id } }`, { id: s.id }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    const theirs = (await ok(loom, COMPOSE, { ...PERIOD }, rivalKey)).composeReport;
    expect(theirs.lineage.events).toBe(0);
    expect(theirs.llm.calls).toBe(0);
    expect((await ok(loom, 'query ($id: ID!) { report(id: $id) { id } }', { id: r.id })).report.id).toBe(r.id);
  });
});
