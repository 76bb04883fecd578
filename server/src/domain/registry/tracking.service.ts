/**
 * Experiment tracking: experiments, runs with params, tags, a note, artifacts and a status, metric
 * time series in the analytics store. A run is the Run node keyed by its run id, so a run logged
 * here and the run OpenLineage events (or a training request) report are one node.
 */
import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../ports/GraphStore.js';
import type { GraphNode, NodeInput, Page, Props } from '../model.js';
import { experimentId, REGISTRY_NAMESPACE, runNodeId } from '../ids.js';
import { badInput, LoomError, notFound } from '../errors.js';
import { runState } from '../openlineage/run-state.js';
import { actorProps, requireWrite, type Actor } from './actor.js';
import { checkCount, checkKey, checkName, checkPaging, checkText, isoTime, LAST_MS, tagProps } from './validate.js';
import { KeyedLock } from '../keyed-lock.js';
import type { MetricPoint, RunMetrics } from './run-metrics.js';
import { filterRuns, type RunFilter } from './run-filter.js';
import { NAME_ORDER_LIMIT } from './search-views.js';

export interface KeyValue { key: string; value?: string | null }
export interface MetricInput { key: string; value: number; step?: number | null; timestamp?: Date | string | null }
/** One metric's points in columns (cheap to send and to parse in bulk): step i defaults to i, time to now. */
export interface MetricSeriesInput { key: string; values: number[]; steps?: number[] | null; timestampsMs?: number[] | null }
export interface ArtifactInput { path: string; uri: string; type?: string | null; sizeBytes?: number | null }
export type RunStatusInput = 'RUNNING' | 'COMPLETED' | 'FAILED' | 'ABORTED';

const UUIDISH = /^[A-Za-z0-9][A-Za-z0-9_.:-]{0,127}$/;
const URI = /^[A-Za-z][A-Za-z0-9+.-]*:\S+$/;
/** Run status → the OpenLineage event type whose time marks it (run-state.ts derives the state from these). */
const STATUS_EVENT: Record<RunStatusInput, string> = { RUNNING: 'START', COMPLETED: 'COMPLETE', FAILED: 'FAIL', ABORTED: 'ABORT' };
const MAX_METRICS = 10_000;
const MAX_SERIES_POINTS = 100_000;
/** Most runs the filtered listing reads (an experiment's, or the tenant's); beyond it `truncated` is set. */
const MAX_LISTED_RUNS = 5000;

export class TrackingService {
  private readonly runLocks = new KeyedLock();

  constructor(private readonly graph: GraphStore, readonly metrics: RunMetrics) {}

  async createExperiment(actor: Actor, input: { name: string; description?: string | null; tags?: KeyValue[] | null }): Promise<GraphNode> {
    requireWrite(actor, 'create experiments');
    const name = checkName('input.name', input.name);
    const props = { description: checkText('input.description', input.description, 5000) ?? null, ...tagProps('input.tags', input.tags) };
    if (await this.getExperiment(actor.tenant, name)) throw new LoomError('CONFLICT', `experiment ${name} already exists`);
    return this.writeExperiment(actor, name, props);
  }

  private async writeExperiment(actor: Actor, name: string, props: Props): Promise<GraphNode> {
    const at = new Date().toISOString();
    const node: NodeInput = { id: experimentId(name), kind: 'Experiment', namespace: REGISTRY_NAMESPACE, name, props: { ...props, createdBy: actorProps(actor) }, at };
    await this.graph.write(actor.tenant, { nodes: [node], edges: [] });
    return (await this.graph.getNodes(actor.tenant, [node.id]))[0]!;
  }

  async getExperiment(tenant: string, name: string): Promise<GraphNode | null> {
    const [n] = await this.graph.getNodes(tenant, [experimentId(name)]);
    return n && n.kind === 'Experiment' ? n : null;
  }

  async listExperiments(tenant: string, first: number, offset: number): Promise<GraphNode[]> {
    checkPaging(first, offset);
    const all = await this.graph.search(tenant, { text: '', kinds: ['Experiment'], limit: NAME_ORDER_LIMIT });
    return all.sort((a, b) => (a.name < b.name ? -1 : 1)).slice(offset, offset + first);
  }

  async experimentRuns(tenant: string, name: string, first: number, offset: number): Promise<Page<GraphNode>> {
    checkPaging(first, offset);
    const page = await this.graph.neighbours(tenant, experimentId(name), { direction: 'DOWNSTREAM', edgeKinds: ['HAS_RUN'], limit: first, offset });
    return { total: page.total, items: page.items.map((i) => i.node) };
  }

  /** Runs across experiments (or of one), filtered by status and text, newest first; reads at most MAX_LISTED_RUNS. */
  async listRuns(tenant: string, filter: RunFilter, first: number, offset: number): Promise<Page<GraphNode> & { truncated: boolean }> {
    checkPaging(first, offset);
    checkText('text', filter.text, 200);
    const nodes = filter.experiment
      ? (await this.graph.neighbours(tenant, experimentId(filter.experiment), { direction: 'DOWNSTREAM', edgeKinds: ['HAS_RUN'], limit: MAX_LISTED_RUNS, offset: 0 })).items.map((i) => i.node)
      : await this.graph.search(tenant, { text: '', kinds: ['Run'], limit: MAX_LISTED_RUNS });
    const matched = filterRuns(nodes, filter);
    return { total: matched.length, items: matched.slice(offset, offset + first), truncated: nodes.length >= MAX_LISTED_RUNS };
  }

  /** Start (or adopt) a run in an experiment; the experiment is created when it does not exist yet. */
  async createRun(actor: Actor, input: { experiment: string; runId?: string | null; name?: string | null; startTime?: Date | string | null; params?: KeyValue[] | null; tags?: KeyValue[] | null }): Promise<GraphNode> {
    requireWrite(actor, 'create runs');
    const experiment = checkName('input.experiment', input.experiment);
    const runId = input.runId ?? randomUUID();
    if (!UUIDISH.test(runId)) throw badInput('input.runId', 'must be 1-128 characters of letters, digits, "_", ".", ":" or "-"');
    const name = checkText('input.name', input.name, 250);
    const start = isoTime('input.startTime', input.startTime) ?? new Date().toISOString();
    const params = paramProps('input.params', input.params);
    const tags = tagProps('input.tags', input.tags);
    if (!(await this.getExperiment(actor.tenant, experiment))) await this.writeExperiment(actor, experiment, {});
    return this.runLocks.run(`${actor.tenant}/${runId}`, async () => {
      const existing = await this.getRun(actor.tenant, runId);
      if (existing && typeof existing.props.experiment === 'string' && existing.props.experiment !== experiment) {
        throw new LoomError('CONFLICT', `run ${runId} already belongs to experiment ${existing.props.experiment}`);
      }
      if (existing) checkParamsUnchanged(existing, params, 'input.params');
      const props: Props = { runId, experiment, ...params, ...tags, ...(name ? { runName: name } : {}) };
      if (!existing || !runStarted(existing)) props['at.START'] = start;
      await this.graph.write(actor.tenant, {
        nodes: [runNode(existing, runId, props, start)],
        edges: [{ kind: 'HAS_RUN', from: experimentId(experiment), to: runNodeId(runId), validFrom: start }],
      });
      return (await this.getRun(actor.tenant, runId))!;
    });
  }

  async getRun(tenant: string, runId: string): Promise<GraphNode | null> {
    const [n] = await this.graph.getNodes(tenant, [runNodeId(runId)]);
    return n && n.kind === 'Run' ? n : null;
  }

  private async requireRun(tenant: string, runId: string, field = 'runId'): Promise<GraphNode> {
    if (typeof runId !== 'string' || !runId) throw badInput(field, 'required');
    const run = await this.getRun(tenant, runId);
    if (!run) throw notFound(`run ${runId}`);
    return run;
  }

  /**
   * Many metrics, params and tags in one call. Everything is checked before anything is written;
   * resolves once the params/tags are committed in the graph and the points in the analytics store.
   */
  async logBatch(actor: Actor, runId: string, input: { metrics?: MetricInput[] | null; series?: MetricSeriesInput[] | null; params?: KeyValue[] | null; tags?: KeyValue[] | null }): Promise<{ metrics: number; params: number; tags: number }> {
    requireWrite(actor, 'log to runs');
    checkCount('metrics', input.metrics, MAX_METRICS);
    const now = new Date().toISOString();
    const points = (input.metrics ?? []).map((m, i) => metricPoint(m, i, now));
    points.push(...seriesPoints(input.series ?? [], now));
    const params = paramProps('params', input.params);
    const tags = tagProps('tags', input.tags);
    const run = await this.requireRun(actor.tenant, runId);
    if (Object.keys(params).length || Object.keys(tags).length) {
      await this.runLocks.run(`${actor.tenant}/${runId}`, async () => {
        const fresh = (await this.getRun(actor.tenant, runId)) ?? run;
        checkParamsUnchanged(fresh, params, 'params');
        // The points first: a batch the metrics store refuses writes no params either, and a retry
        // of one whose params failed after its points adds nothing (the points are idempotent).
        await this.metrics.log(actor.tenant, runId, points);
        await this.graph.write(actor.tenant, { nodes: [runNode(fresh, runId, { ...params, ...tags }, now)], edges: [] });
      });
    } else {
      await this.metrics.log(actor.tenant, runId, points);
    }
    return { metrics: points.length, params: Object.keys(params).length, tags: Object.keys(tags).length };
  }

  async setNote(actor: Actor, runId: string, note: string): Promise<GraphNode> {
    requireWrite(actor, 'annotate runs');
    const text = checkText('note', note, 50_000) ?? '';
    return this.updateRun(actor, runId, { note: text || null });
  }

  async logArtifacts(actor: Actor, runId: string, artifacts: ArtifactInput[]): Promise<GraphNode> {
    requireWrite(actor, 'log artifacts');
    checkCount('artifacts', artifacts, 1000);
    const at = new Date().toISOString();
    const props: Props = {};
    artifacts.forEach((a, i) => {
      checkKey(`artifacts[${i}].path`, a.path);
      if (typeof a.uri !== 'string' || a.uri.length > 2000 || !URI.test(a.uri)) throw badInput(`artifacts[${i}].uri`, 'must be a URI with a scheme, such as s3://bucket/key or file:///path');
      const type = checkText(`artifacts[${i}].type`, a.type, 100) ?? null;
      if (a.sizeBytes != null && (!Number.isInteger(a.sizeBytes) || a.sizeBytes < 0)) throw badInput(`artifacts[${i}].sizeBytes`, 'must be a non-negative integer');
      props[`artifact.${a.path}`] = { uri: a.uri, type, sizeBytes: a.sizeBytes ?? null, loggedAt: at };
    });
    return this.updateRun(actor, runId, props);
  }

  /** RUNNING, COMPLETED, FAILED, ABORTED: recorded as the OpenLineage event times the run state is derived from. */
  async setStatus(actor: Actor, runId: string, status: RunStatusInput, time?: Date | string | null): Promise<GraphNode> {
    requireWrite(actor, 'change run status');
    if (!(status in STATUS_EVENT)) throw badInput('status', `must be one of ${Object.keys(STATUS_EVENT).join(', ')}`);
    const at = isoTime('time', time) ?? new Date().toISOString();
    return this.runLocks.run(`${actor.tenant}/${runId}`, async () => {
      const run = await this.requireRun(actor.tenant, runId);
      const current = runState(run.props);
      const terminal = current.state === 'COMPLETED' || current.state === 'FAILED' || current.state === 'ABORTED';
      if (terminal && current.state === status) return run;
      if (terminal) throw new LoomError('CONFLICT', `run ${runId} already ended as ${current.state}`);
      if (status === 'RUNNING' && runStarted(run)) return run;
      if (time != null && status !== 'RUNNING' && current.startedAt && Date.parse(at) < Date.parse(current.startedAt)) throw badInput('time', `must not be before the run started (${current.startedAt})`);
      await this.graph.write(actor.tenant, { nodes: [runNode(run, runId, { [`at.${STATUS_EVENT[status]}`]: at }, at)], edges: [] });
      return (await this.getRun(actor.tenant, runId))!;
    });
  }

  private async updateRun(actor: Actor, runId: string, props: Props): Promise<GraphNode> {
    const run = await this.requireRun(actor.tenant, runId);
    await this.graph.write(actor.tenant, { nodes: [runNode(run, runId, props, new Date().toISOString())], edges: [] });
    return (await this.getRun(actor.tenant, runId))!;
  }
}

/** A Run node write that keeps what is stored (namespace and name come from whoever created the run). */
function runNode(existing: GraphNode | null, runId: string, props: Props, at: string): NodeInput {
  return { id: runNodeId(runId), kind: 'Run', namespace: existing?.namespace ?? REGISTRY_NAMESPACE, name: existing?.name ?? runId, props, at };
}

const runStarted = (run: GraphNode) => typeof run.props['at.START'] === 'string' || typeof run.props['at.RUNNING'] === 'string';

function paramProps(field: string, params: KeyValue[] | null | undefined): Record<string, string> {
  checkCount(field, params, 100);
  const out: Record<string, string> = {};
  (params ?? []).forEach((p, i) => {
    checkKey(`${field}[${i}].key`, p.key);
    if (typeof p.value !== 'string') throw badInput(`${field}[${i}].value`, 'required');
    checkText(`${field}[${i}].value`, p.value, 6000);
    const k = `param.${p.key}`;
    if (k in out && out[k] !== p.value) throw badInput(`${field}[${i}].key`, `param ${p.key} given twice with different values`);
    out[k] = p.value;
  });
  return out;
}

/** Params are immutable once logged (a retry with the same value is fine). */
function checkParamsUnchanged(run: GraphNode, params: Record<string, string>, field: string): void {
  for (const [k, v] of Object.entries(params)) {
    const stored = run.props[k];
    if (stored !== undefined && stored !== v) {
      throw new LoomError('CONFLICT', `${field}: param ${k.slice('param.'.length)} is already ${JSON.stringify(stored)}; params cannot change once logged`);
    }
  }
}

function seriesPoints(series: MetricSeriesInput[], now: string): MetricPoint[] {
  const total = series.reduce((n, s) => n + (s.values?.length ?? 0), 0);
  if (total > MAX_SERIES_POINTS) throw badInput('series', `at most ${MAX_SERIES_POINTS} points per call (got ${total})`);
  const out: MetricPoint[] = [];
  series.forEach((s, i) => {
    const f = `series[${i}]`;
    checkKey(`${f}.key`, s.key);
    const n = s.values.length;
    if (s.steps && s.steps.length !== n) throw badInput(`${f}.steps`, `must have one step per value (${n}), got ${s.steps.length}`);
    if (s.timestampsMs && s.timestampsMs.length !== n) throw badInput(`${f}.timestampsMs`, `must have one time per value (${n}), got ${s.timestampsMs.length}`);
    for (let j = 0; j < n; j++) {
      const value = s.values[j];
      const step = s.steps ? s.steps[j] : j;
      const ms = s.timestampsMs?.[j];
      if (!Number.isFinite(value)) throw badInput(`${f}.values[${j}]`, 'must be a finite number');
      if (!Number.isSafeInteger(step) || step < 0) throw badInput(`${f}.steps[${j}]`, 'must be a non-negative integer');
      if (ms !== undefined && (!Number.isSafeInteger(ms) || ms < 0 || ms > LAST_MS)) throw badInput(`${f}.timestampsMs[${j}]`, `must be milliseconds since 1970 (an integer, at most ${LAST_MS}: the end of year 9999)`);
      out.push({ key: s.key, value, step, timestamp: ms === undefined ? now : new Date(ms).toISOString() });
    }
  });
  return out;
}

function metricPoint(m: MetricInput, i: number, now: string): MetricPoint {
  const key = checkKey(`metrics[${i}].key`, m.key);
  if (typeof m.value !== 'number' || !Number.isFinite(m.value)) throw badInput(`metrics[${i}].value`, 'must be a finite number');
  const step = m.step ?? 0;
  if (!Number.isSafeInteger(step) || step < 0) throw badInput(`metrics[${i}].step`, 'must be a non-negative integer');
  return { key, value: m.value, step, timestamp: isoTime(`metrics[${i}].timestamp`, m.timestamp) ?? now };
}
