/**
 * The model registry: registered models, versions linked to their source runs (hence their data),
 * stages and aliases with full history, promotion gates, as-of reads. Every change to a model runs
 * under that model's lock (see lock.ts), so "read the state, check, write" cannot interleave.
 */
import { NO_EXTENSIONS, type Extensions } from '../ports/Extensions.js';
import { registryNames } from './search-views.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { EdgeInput, GraphNode } from '../model.js';
import { registeredModelId, runNodeId } from '../ids.js';
import { LoomError, badInput, notFound } from '../errors.js';
import { actorProps, requireAdmin, requireStageChange, requireWrite, type Actor } from './actor.js';
import { STAGES, type EventDraft, type Stage } from './history.js';
import { loadSubject, recordOne, SubjectChange, type SubjectState } from './subject.js';
import { latestVersions, modelView, versionOf, type ModelView, type VersionView } from './model-views.js';
import { evaluateGates, parseGates, type GateInput } from './gates.js';
import { gateFacts } from './gate-facts.js';
import { blocked, checkAlias, modelVersionNode, newModelNode, versionProps, type RegisterInput } from './model-nodes.js';
import { KeyedLock } from '../keyed-lock.js';
import type { RunMetrics } from './run-metrics.js';
import type { Notify } from './webhooks.service.js';
import { checkName, checkText, checkVersion, nextVersion, tagProps } from './validate.js';
import { trainingInputs } from './training-inputs.js';

export type { RegisterInput } from './model-nodes.js';
export interface TransitionInput { name: string; version: number; stage: Stage; reason?: string | null; archiveExistingVersions?: boolean | null }

export class ModelRegistry {
  private readonly locks = new KeyedLock();

  constructor(private readonly graph: GraphStore, private readonly metrics: RunMetrics, private readonly notify: Notify, private readonly extensions: Extensions = NO_EXTENSIONS) {}

  async view(tenant: string, name: string, asOf?: string): Promise<ModelView | null> {
    const state = await loadSubject(this.graph, tenant, registeredModelId(name));
    return state && modelView(state, asOf);
  }

  async require(tenant: string, name: string, asOf?: string): Promise<ModelView> {
    const view = await this.view(tenant, name, asOf);
    if (!view) throw notFound(`registered model ${name}${asOf ? ` as of ${asOf}` : ''}`);
    return view;
  }

  /** Registered models by name (OpenLineage datasets declared as models live elsewhere and are not listed). */
  /** One page of registered models by name; `search`: names containing it (case-insensitive). */
  async list(tenant: string, first: number, offset: number, asOf?: string, search?: string | null): Promise<ModelView[]> {
    const names = await registryNames(this.graph, tenant, 'Model', { first, offset, asOf, search });
    const views = await Promise.all(names.map((name) => this.view(tenant, name, asOf)));
    return views.filter((v): v is ModelView => v !== null);
  }

  async createModel(actor: Actor, input: { name: string; description?: string | null; tags?: { key: string; value?: string | null }[] | null }): Promise<ModelView> {
    requireWrite(actor, 'register models');
    const name = checkName('input.name', input.name);
    const props = { description: checkText('input.description', input.description, 5000) ?? null, ...tagProps('input.tags', input.tags) };
    return this.locks.run(`${actor.tenant}/${name}`, async () => {
      if (await loadSubject(this.graph, actor.tenant, registeredModelId(name))) throw new LoomError('CONFLICT', `registered model ${name} already exists`);
      const change = new SubjectChange('model', newModelNode(name));
      await this.graph.write(actor.tenant, change.batch({ ...props, registeredAt: change.at, registeredBy: actorProps(actor) }));
      return this.require(actor.tenant, name);
    });
  }

  /** Register a version (the model is created on first use); linked to its source run and, through it, to the data the run read. */
  async register(actor: Actor, input: RegisterInput): Promise<VersionView> {
    requireWrite(actor, 'register model versions');
    const name = checkName('input.name', input.name);
    const props = versionProps(input);
    const run = input.runId ? await this.sourceRun(actor.tenant, input.runId) : null;
    const registered = await this.locks.run(`${actor.tenant}/${name}`, async () => {
      const state = await loadSubject(this.graph, actor.tenant, registeredModelId(name));
      const latest = state ? Math.max(Number(state.node.props.latestVersion ?? 0), ...state.versions.keys()) : 0;
      const version = input.version == null ? nextVersion('input.version', latest) : checkVersion('input.version', input.version);
      if (state?.versions.has(version)) throw new LoomError('CONFLICT', `version ${version} of model ${name} already exists`);
      const change = new SubjectChange('model', state?.node ?? newModelNode(name));
      const node = modelVersionNode(name, version, { ...props, runId: input.runId ?? null }, change.at, actor);
      const id = node.id;
      const edges: EdgeInput[] = [{ kind: 'HAS_VERSION', from: registeredModelId(name), to: id, validFrom: change.at }];
      if (run) edges.push({ kind: 'PRODUCED', from: run.id, to: id, validFrom: change.at }, ...(await trainingInputs(this.graph, actor.tenant, run.id)));
      const modelProps = state ? { latestVersion: Math.max(latest, version) } : { latestVersion: version, registeredAt: change.at, registeredBy: actorProps(actor) };
      await this.graph.write(actor.tenant, change.batch(modelProps, { nodes: [node], edges }));
      return versionOf(await this.require(actor.tenant, name), version)!;
    });
    this.notify(actor.tenant, 'MODEL_VERSION_REGISTERED', { model: name, version: registered.version, runId: input.runId ?? null, modelUri: props.modelUri });
    return registered;
  }

  private async sourceRun(tenant: string, runId: string): Promise<GraphNode> {
    const [run] = await this.graph.getNodes(tenant, [runNodeId(runId)]);
    if (!run || run.kind !== 'Run') throw notFound(`run ${runId}`);
    return run;
  }

  /** Move a version to a stage. Production holds one version: the previous one is archived when asked, else the move is refused. */
  async transition(actor: Actor, input: TransitionInput): Promise<VersionView> {
    if (!STAGES.includes(input.stage)) throw badInput('input.stage', `must be one of ${STAGES.join(', ')}`);
    const forbidden = refusal(() => requireStageChange(actor, input.stage));
    const name = checkName('input.name', input.name);
    const version = checkVersion('input.version', input.version);
    const reason = checkText('input.reason', input.reason, 2000) ?? null;
    const { result, events } = await this.locks.run(`${actor.tenant}/${name}`, async () => {
      const { state, view, target } = await this.target(actor.tenant, name, version);
      if (target.stage === input.stage) {
        if (forbidden) throw forbidden; // no change to refuse: nothing recorded
        return { result: target, events: [] };
      }
      const change = new SubjectChange('model', state.node);
      const base: EventDraft = { type: 'STAGE_TRANSITION', version, fromStage: target.stage, toStage: input.stage, actor: actor.name, role: actor.role, reason, outcome: 'APPLIED' };
      if (forbidden) await this.reject(actor, change, base, forbidden); // recorded, as the history holds every change refused
      const gates = await evaluateGates(view.gates, { stage: input.stage }, gateFacts(this.graph, this.metrics, this.extensions, actor.tenant, target.node, { model: name, version, stage: input.stage }));
      if (gates.some((g) => !g.passed)) await this.reject(actor, change, { ...base, gates }, blocked(`move version ${version} of ${name} to ${input.stage}`, gates));
      const holders = view.versions.filter((v) => v.stage === input.stage && v.version !== version);
      if (input.stage === 'Production' && holders.length && !input.archiveExistingVersions) {
        const msg = `version ${holders.map((h) => h.version).join(', ')} of ${name} is in Production; pass archiveExistingVersions to replace it`;
        await this.reject(actor, change, { ...base, gates }, new LoomError('CONFLICT', msg));
      }
      const cause = change.record({ ...base, gates });
      if (input.archiveExistingVersions && input.stage !== 'Archived' && input.stage !== 'None') {
        for (const h of holders) change.record({ ...base, version: h.version, fromStage: h.stage, toStage: 'Archived', reason: `replaced by version ${version} in ${input.stage}`, cause, gates: [] });
      }
      await this.graph.write(actor.tenant, change.batch());
      const after = await this.require(actor.tenant, name);
      return { result: versionOf(after, version)!, events: change.recorded() };
    });
    for (const e of events) this.notify(actor.tenant, 'MODEL_VERSION_STAGE_CHANGED', { model: name, version: e.version, from: e.fromStage, to: e.toStage, reason: e.reason, actor: e.actor });
    return result;
  }

  async setAlias(actor: Actor, input: { name: string; alias: string; version: number; reason?: string | null }): Promise<VersionView> {
    const forbidden = refusal(() => requireWrite(actor, 'move aliases'));
    const name = checkName('input.name', input.name);
    const alias = checkAlias(input.alias);
    const version = checkVersion('input.version', input.version);
    const reason = checkText('input.reason', input.reason, 2000) ?? null;
    const { result, moved, previous } = await this.locks.run(`${actor.tenant}/${name}`, async () => {
      const { state, view, target } = await this.target(actor.tenant, name, version);
      const previous = view.aliases.find((a) => a.alias === alias)?.version ?? null;
      if (previous === version) {
        if (forbidden) throw forbidden;
        return { result: target, moved: false, previous };
      }
      const change = new SubjectChange('model', state.node);
      const gates = forbidden ? [] : await evaluateGates(view.gates, { alias }, gateFacts(this.graph, this.metrics, this.extensions, actor.tenant, target.node, { model: name, version, alias }));
      const draft: EventDraft = { type: 'ALIAS_SET', version, pointer: alias, previousVersion: previous, actor: actor.name, role: actor.role, reason, outcome: 'APPLIED', gates };
      if (forbidden) await this.reject(actor, change, { ...draft, gates: [] }, forbidden);
      if (gates.some((g) => !g.passed)) await this.reject(actor, change, draft, blocked(`point alias ${alias} of ${name} at version ${version}`, gates));
      change.record(draft);
      await this.graph.write(actor.tenant, change.batch());
      return { result: versionOf(await this.require(actor.tenant, name), version)!, moved: true, previous };
    });
    if (moved) this.notify(actor.tenant, 'MODEL_ALIAS_CHANGED', { model: name, alias, version, previousVersion: previous, reason, actor: actor.name });
    return result;
  }

  async deleteAlias(actor: Actor, input: { name: string; alias: string; reason?: string | null }): Promise<ModelView> {
    requireWrite(actor, 'move aliases');
    const name = checkName('input.name', input.name);
    const alias = checkAlias(input.alias);
    const reason = checkText('input.reason', input.reason, 2000) ?? null;
    const { view, previous } = await this.locks.run(`${actor.tenant}/${name}`, async () => {
      const state = await this.requireState(actor.tenant, name);
      const current = modelView(state)!.aliases.find((a) => a.alias === alias);
      if (!current) throw notFound(`alias ${alias} of model ${name}`);
      await recordOne(this.graph, actor.tenant, 'model', state.node, { type: 'ALIAS_DELETED', version: current.version, pointer: alias, previousVersion: current.version, actor: actor.name, role: actor.role, reason, outcome: 'APPLIED' });
      return { view: await this.require(actor.tenant, name), previous: current.version };
    });
    this.notify(actor.tenant, 'MODEL_ALIAS_CHANGED', { model: name, alias, version: null, previousVersion: previous, reason, actor: actor.name });
    return view;
  }

  /** Replace the model's promotion gates (the change is recorded in its history). */
  async setGates(actor: Actor, input: { name: string; gates: GateInput[]; reason?: string | null }): Promise<ModelView> {
    requireAdmin(actor, 'configure promotion gates');
    const name = checkName('input.name', input.name);
    const gates = parseGates(input.gates, this.extensions.gateNames());
    const reason = checkText('input.reason', input.reason, 2000) ?? null;
    return this.locks.run(`${actor.tenant}/${name}`, async () => {
      const state = await this.requireState(actor.tenant, name);
      await recordOne(this.graph, actor.tenant, 'model', state.node, { type: 'GATES_SET', config: gates, actor: actor.name, role: actor.role, reason, outcome: 'APPLIED' });
      return this.require(actor.tenant, name);
    });
  }

  latestVersions(view: ModelView, stages?: readonly Stage[]): VersionView[] {
    return latestVersions(view, stages);
  }

  private async requireState(tenant: string, name: string): Promise<SubjectState> {
    const state = await loadSubject(this.graph, tenant, registeredModelId(name));
    if (!state) throw notFound(`registered model ${name}`);
    return state;
  }

  private async target(tenant: string, name: string, version: number) {
    const state = await this.requireState(tenant, name);
    const view = modelView(state)!;
    const target = versionOf(view, version);
    if (!target) throw notFound(`version ${version} of model ${name}`);
    return { state, view, target };
  }

  /** Record a refused change (who tried what, and why it was refused), then fail with the reason. */
  private async reject(actor: Actor, change: SubjectChange, draft: EventDraft, error: LoomError): Promise<never> {
    change.record({ ...draft, outcome: 'REJECTED', rejection: { code: error.code, message: error.message } });
    await this.graph.write(actor.tenant, change.batch());
    throw error;
  }
}

/** The refusal a permission check makes, to record before it is thrown; null when allowed. */
function refusal(check: () => void): LoomError | null {
  try {
    check();
    return null;
  } catch (e) {
    if (e instanceof LoomError && e.code === 'FORBIDDEN') return e;
    throw e;
  }
}
