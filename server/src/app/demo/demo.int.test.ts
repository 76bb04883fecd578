import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { pino } from 'pino';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { DEMO_TENANT } from '../seed.js';
import { seedDemoStory } from './index.js';
import { DEMO_ALERT_RULES } from './alerts.js';
import { DEMO_REPORT_SCHEDULE } from './reports.js';
import { GPU_PLACEMENT, RUNS } from './common.js';
import { demoTraceId } from './traces-otlp.js';
import { DEMO_FEATURE_DEFINITION, DEMO_FEATURE_GROUP } from './features.js';
import { DEMO_GOLDEN_SET, DEMO_LABEL_EVALUATION } from './evaluations.js';

const CUSTOMERS_CLEAN = 'dataset:hive://metastore.data.internal:9083:analytics.customers_clean';

describe('the demo story, seeded into an empty store', () => {
  let loom: TestLoom;
  let seededInMs: number;

  beforeAll(async () => {
    const started = performance.now();
    loom = await startTestLoom();
    seededInMs = performance.now() - started;
  }, 60_000);
  afterAll(() => loom?.close());

  const gql = async <T = any>(query: string, variables?: Record<string, unknown>): Promise<T> => {
    const res = await loom.gql<T>(query, variables);
    expect(res.errors, JSON.stringify(res.errors)).toBeUndefined();
    return res.data!;
  };

  it('starts (and seeds) within a few seconds', () => {
    expect(seededInMs).toBeLessThan(15_000); // generous for a loaded CI machine; ~2-3 s on an idle one
  });

  it('has experiment churn-training with the four runs, their params, statuses and 50-point curves', async () => {
    const d = await gql(`{ experiment(name: "churn-training") { runs { total items { runId name status params { key value } tags { key value } } } } }`);
    const runs = d.experiment.runs.items as { runId: string; status: string; params: { key: string; value: string }[] }[];
    expect(d.experiment.runs.total).toBe(4);
    expect(Object.fromEntries(runs.map((r) => [r.runId, r.status]))).toEqual({
      [RUNS.baseline]: 'COMPLETED', [RUNS.champion]: 'COMPLETED', [RUNS.failed]: 'FAILED', [RUNS.challenger]: 'COMPLETED',
    });
    expect(new Set(runs.map((r) => r.params.find((p) => p.key === 'max_depth')?.value))).toEqual(new Set(['4', '6', '12', '10']));
    const h = await gql(`query($id: String!) { trackedRun(runId: $id) { metricHistory { key points { step value } } } }`, { id: RUNS.champion });
    const curves = Object.fromEntries(h.trackedRun.metricHistory.map((s: any) => [s.key, s.points.map((p: any) => p.value)]));
    expect(Object.keys(curves).sort()).toEqual(['train_auc', 'train_logloss', 'val_auc', 'val_logloss']);
    expect(curves.val_logloss).toHaveLength(50);
    expect(curves.val_logloss[0]).toBeGreaterThan(curves.val_logloss[49]);
    expect(curves.val_auc[49]).toBeGreaterThan(0.8);
  });

  it('has model churn-classifier: v1 Archived, v2 Production (champion), v3 Staging (challenger), a gate that refused v3', async () => {
    const d = await gql(`{ registeredModel(name: "churn-classifier") {
      versions { version stage aliases runId evaluations { metrics { key value } } }
      aliases { alias version } gates { kind metric threshold stages aliases }
      history { type version toStage outcome rejectionCode rejectionMessage reason } } }`);
    const m = d.registeredModel;
    expect(m.versions.map((v: any) => [v.version, v.stage, v.aliases, v.runId])).toEqual([
      [3, 'Staging', ['challenger'], RUNS.challenger], [2, 'Production', ['champion'], RUNS.champion], [1, 'Archived', [], RUNS.baseline],
    ]);
    const auc = (v: any) => v.evaluations.flatMap((e: any) => e.metrics).find((x: any) => x.key === 'auc').value;
    expect(m.versions.map(auc)).toEqual([0.792, 0.847, 0.812]);
    expect(m.gates).toEqual([{ kind: 'METRIC_THRESHOLD', metric: 'auc', threshold: 0.8, stages: ['Production'], aliases: ['champion'] }]);
    const refused = m.history.filter((e: any) => e.outcome === 'REJECTED');
    expect(refused).toHaveLength(1);
    expect(refused[0]).toMatchObject({ type: 'STAGE_TRANSITION', version: 3, toStage: 'Production', rejectionCode: 'CONFLICT' });
    expect(refused[0].rejectionMessage).toContain('auc = 0.792');
    expect(m.history.find((e: any) => e.version === 1 && e.toStage === 'Archived')?.reason).toBe('replaced by version 2 in Production');
  });

  it('has prompt churn-explainer with three versions, production on v2 and staging on v3', async () => {
    const d = await gql(`{ prompt(name: "churn-explainer") { versionCount labels { label version } } promptVersion(name: "churn-explainer", label: "production") { version } }`);
    expect(d.prompt.versionCount).toBe(3);
    expect(d.prompt.labels).toEqual(expect.arrayContaining([{ label: 'production', version: 2 }, { label: 'staging', version: 3 }]));
    expect(d.promptVersion.version).toBe(2);
  });

  it('has 30 LLM traces in the last day, three of them failed, naming the prompt and model versions', async () => {
    const from = new Date(Date.now() - 24 * 3_600_000).toISOString();
    const d = await gql(`query($from: DateTime) { traces(first: 100, filter: { from: $from }) { edges { node { traceId error spanCount llmCalls prompts { name version } modelVersions { name version } } } } }`, { from });
    const traces = d.traces.edges.map((e: any) => e.node);
    expect(traces).toHaveLength(30);
    expect(traces.filter((t: any) => t.error)).toHaveLength(3);
    expect(traces.every((t: any) => t.spanCount >= 3 && t.spanCount <= 5 && t.llmCalls === 1)).toBe(true);
    expect(new Set(traces.map((t: any) => `${t.prompts[0].name}@${t.prompts[0].version}/${t.modelVersions[0].version}`))).toEqual(new Set(['churn-explainer@2/2', 'churn-explainer@3/3']));
    const one = await gql(`query($id: ID!) { trace(traceId: $id) { spans { name } } }`, { id: demoTraceId(0) });
    expect(one.trace.spans.map((s: any) => s.name)).toEqual(expect.arrayContaining(['POST /v1/explain', 'chat gpt-4o-mini', 'churn-classifier.predict']));
  });

  it('has GPU series of two A100s joined to the challenger run through its pod', async () => {
    const d = await gql(`query($id: String!) { runGpuSummary(runId: $id) { gpuCount gpuHours meanUtilization placement { namespace pods } } }`, { id: RUNS.challenger });
    const s = d.runGpuSummary;
    expect(s.placement).toEqual({ namespace: GPU_PLACEMENT.namespace, pods: [GPU_PLACEMENT.pod] });
    expect(s.gpuCount).toBe(2);
    expect(s.gpuHours).toBeGreaterThan(2);
    expect(s.gpuHours).toBeLessThan(2.6);
    expect(s.meanUtilization).toBeGreaterThan(60);
    // and the GPUs lead back to the run (the pod its k8s run facet names)
    const { gpus } = await gql(`{ gpus(from: "2000-01-01T00:00:00Z") { runs { runId pod } } }`);
    expect(gpus.map((g: any) => g.runs)).toEqual([0, 1].map(() => [{ runId: RUNS.challenger, pod: `${GPU_PLACEMENT.namespace}/${GPU_PLACEMENT.pod}` }]));
  });

  it('has alert rules, the LLM error rate one firing at the first evaluation (3 failed calls of 30)', async () => {
    const { alertRules } = await gql('{ alertRules { name source enabled } }');
    expect(alertRules.map((r: any) => r.name).sort()).toEqual(DEMO_ALERT_RULES.map((r) => r.name).sort());
    await loom.services.alerts.evaluateTenant(DEMO_TENANT);
    const { alerts } = await gql('{ alerts { ruleName state value labels } }');
    expect(alerts).toEqual([{ ruleName: 'churn-explainer LLM error rate', state: 'FIRING', value: 0.1, labels: { 'service.name': 'churn-explainer' } }]);
  });

  it('has a daily report schedule with its latest report', async () => {
    const { reportSchedules } = await gql('{ reportSchedules { name cadence hourUtc sections reports { from to content { lineage { events } quality { checks } models { aliasChanges } llm { calls } gpu { gpus } alerts { fired } } } } }');
    expect(reportSchedules).toHaveLength(1);
    const [s] = reportSchedules;
    expect(s).toMatchObject({ name: DEMO_REPORT_SCHEDULE.name, cadence: 'DAILY', hourUtc: 6 });
    expect(s.reports).toHaveLength(1);
    expect(new Date(s.reports[0].to).getUTCHours()).toBe(6);
    for (const section of ['lineage', 'quality', 'models', 'llm', 'gpu', 'alerts']) expect(s.reports[0].content[section]).not.toBeNull();
  });

  it('has feature group customer_churn_features: 200 customers, daily values of the last week, fed by customers_clean', async () => {
    const { featureGroup: g } = await gql('query ($ns: String!, $name: String!) { featureGroup(namespace: $ns, name: $name) { id entity features { name } stats { entities values } validation { success results { success } } } }', { ns: DEMO_FEATURE_GROUP.namespace, name: DEMO_FEATURE_GROUP.name });
    expect(g.validation).toEqual({ success: true, results: [{ success: true }, { success: true }, { success: true }, { success: true }] });
    expect(g).toMatchObject({ entity: 'customer_id', stats: { entities: 200, values: 200 * 7 * DEMO_FEATURE_DEFINITION.features.length } });
    const { onlineFeatures: [v] } = await gql('query ($f: [FeatureSelectionInput!]!) { onlineFeatures(entityIds: ["10001"], features: $f) { values { feature status } } }', { f: [DEMO_FEATURE_GROUP] });
    expect(v.values.map((x: any) => x.status)).toEqual(DEMO_FEATURE_DEFINITION.features.map(() => 'PRESENT'));
    const up = await gql('query ($id: ID!) { lineage(nodeId: $id, direction: UPSTREAM, depth: 1) { nodes { node { id } } } }', { id: g.id });
    expect(up.lineage.nodes.map((n: any) => n.node.id)).toContain(CUSTOMERS_CLEAN);
    const { featureGroup: h } = await gql('query ($ns: String!, $name: String!) { featureGroup(namespace: $ns, name: $name) { definitions { version definedBy { name } changes { kind feature } } } }', { ns: DEMO_FEATURE_GROUP.namespace, name: DEMO_FEATURE_GROUP.name });
    expect(h.definitions).toEqual([
      { version: 2, definedBy: { name: 'priya.nair' }, changes: [{ kind: 'TTL', feature: null }, { kind: 'FEATURE_ADDED', feature: 'support_tickets_30d' }, { kind: 'FEATURE_ADDED', feature: 'days_since_last_active' }] },
      { version: 1, definedBy: { name: 'marco.bianchi' }, changes: [] },
    ]);
  });

  it('has computed evaluations of churn-classifier v2 and v3 on the same 200 customers, v2 the better, comparable by example', async () => {
    const q = 'query ($v: Int!) { modelVersion(name: "churn-classifier", version: $v) { evaluations { id name task examples metrics { key value } } } }';
    const [v2, v3] = await Promise.all([2, 3].map(async (v) => (await gql(q, { v })).modelVersion.evaluations.find((e: any) => e.name === DEMO_LABEL_EVALUATION)));
    expect([v2.task, v2.examples, v3.examples]).toEqual(['CLASSIFICATION', 200, 200]);
    const f1 = (e: any) => e.metrics.find((m: any) => m.key === 'f1_macro').value;
    expect(f1(v2)).toBeGreaterThan(f1(v3));
    const { compareEvaluations: c } = await gql('query ($ids: [ID!]!) { compareEvaluations(evaluationIds: $ids, onlyDiffering: true) { total examples { predictions } } }', { ids: [v2.id, v3.id] });
    expect(c.total).toBeGreaterThan(5);
    expect(c.examples.every((x: any) => x.predictions[0] !== x.predictions[1])).toBe(true);
  });

  it('has computed evaluations of churn-explainer v2 and v3 on a golden set, v3 closer to the references', async () => {
    const q = 'query ($v: Int!) { promptVersion(name: "churn-explainer", version: $v) { evaluations { name task examples metrics { key value } } } }';
    const [v2, v3] = await Promise.all([2, 3].map(async (v) => (await gql(q, { v })).promptVersion.evaluations.find((e: any) => e.name === DEMO_GOLDEN_SET)));
    const m = (e: any, k: string) => e.metrics.find((x: any) => x.key === k).value;
    expect([v2.task, v2.examples]).toEqual(['GENERATION', 8]);
    expect(m(v3, 'rougeL')).toBeGreaterThan(m(v2, 'rougeL'));
    expect(m(v3, 'judge.relevance')).toBeGreaterThan(m(v2, 'judge.relevance'));
  });

  it('connects the data to the model versions, prompt versions and traces in one downstream lineage', async () => {
    const d = await gql(`query($id: ID!) { lineage(nodeId: $id, direction: DOWNSTREAM, depth: 6, limit: 2000) { isPartial nodes { distance node { id kind } } } }`, { id: CUSTOMERS_CLEAN });
    const ids = new Set(d.lineage.nodes.map((n: any) => n.node.id));
    expect(d.lineage.isPartial).toBe(false);
    for (const id of ['model:registry:churn-classifier@2', 'model:registry:churn-classifier@3', 'prompt:registry:churn-explainer@2', `run:${RUNS.champion}`]) expect(ids, id).toContain(id);
    expect(ids).toContain(`trace:${demoTraceId(0)}`);
    const distance = Object.fromEntries(d.lineage.nodes.map((n: any) => [n.node.id, n.distance]));
    expect(distance['model:registry:churn-classifier@2']).toBeLessThan(distance[`trace:${demoTraceId(0)}`]);
  });

  it('tells what a change to customers_clean would hit: the LLM traffic and GPU-hours downstream', async () => {
    const q = `query($id: ID!) { impact(nodeId: $id) { total usage { windowDays modelVersions promptVersions llmCalls llmErrors llmTokens llmCostUsd trainingRuns gpuHours gpuRunsRead } } }`;
    const { impact } = await gql(q, { id: CUSTOMERS_CLEAN });
    const { runGpuSummary } = await gql('query ($r: String!) { runGpuSummary(runId: $r) { gpuHours } }', { r: RUNS.challenger });
    expect(impact.usage).toMatchObject({ windowDays: 7, promptVersions: 2, llmCalls: 30, llmErrors: 3 });
    expect(impact.usage.modelVersions).toBeGreaterThanOrEqual(2);
    expect(impact.usage.llmTokens).toBeGreaterThan(0);
    expect(impact.usage.gpuRunsRead).toBe(impact.usage.trainingRuns);
    expect(runGpuSummary.gpuHours).toBeGreaterThan(0);
    expect(impact.usage.gpuHours).toBeCloseTo(runGpuSummary.gpuHours, 6); // the challenger is the one run with GPU metrics
    expect((await loom.gql(q.replace('usage {', 'usage(windowDays: 0) {'), { id: CUSTOMERS_CLEAN })).errors?.[0].message).toMatch(/^windowDays:/);
  });

  it('is harmless to seed again (an interrupted first start seeds again)', async () => {
    const count = () => loom.services.graph.countNodes(DEMO_TENANT);
    const history = async () => (await loom.services.registry.models.require(DEMO_TENANT, 'churn-classifier')).events.length;
    const [nodes, events] = [await count(), await history()];
    await seedDemoStory(loom.services, DEMO_TENANT, pino({ level: 'silent' }));
    expect(await count()).toBe(nodes);
    expect(await history()).toBe(events);
  });
});
