/**
 * The prompt registry: prompts with immutable versions (template, variables, model config, commit
 * message), movable labels with history (`latest` moves by itself), fetch by label or version,
 * render, diff. Changes to one prompt run under its lock.
 */
import { registryNames } from './search-views.js';
import type { GraphStore } from '../ports/GraphStore.js';
import type { EdgeInput, GraphNode, NodeInput } from '../model.js';
import { modelVersionId, promptId, promptVersionId, REGISTRY_NAMESPACE } from '../ids.js';
import { LoomError, badInput, notFound } from '../errors.js';
import { actorProps, requireLabelChange, requireWrite, type Actor } from './actor.js';
import { loadSubject, recordOne, SubjectChange, type SubjectState } from './subject.js';
import { checkTemplate, render, templateAsText, variableSpecs, type Template } from './prompt-template.js';
import { LATEST, promptView, selectVersion, type PromptVersionView, type PromptView } from './prompt-views.js';
import { diffLines, diffObjects, unified, type DiffLine, type ValueChange } from './diff.js';
import { KeyedLock } from '../keyed-lock.js';
import type { Notify } from './webhooks.service.js';
import { checkLabel, checkName, checkText, checkVersion, nextVersion, tagProps } from './validate.js';

export interface PromptVersionInput {
  name: string;
  version?: number | null;
  template: { text?: string | null; messages?: { role: string; content: string }[] | null };
  variables?: { name: string; description?: string | null; default?: string | null }[] | null;
  config?: Record<string, unknown> | null;
  commitMessage?: string | null;
  labels?: string[] | null;
  modelVersion?: { name: string; version: number } | null;
  description?: string | null;
  tags?: { key: string; value?: string | null }[] | null;
}
export interface Selector { version?: number | null; label?: string | null; asOf?: string }
export interface PromptDiff {
  from: PromptVersionView; to: PromptVersionView; lines: DiffLine[]; unified: string;
  variablesAdded: string[]; variablesRemoved: string[]; configChanges: ValueChange[]; typeChanged: boolean;
}

const MAX_CONFIG_BYTES = 50_000;

export class PromptRegistry {
  private readonly locks = new KeyedLock();

  constructor(private readonly graph: GraphStore, private readonly notify: Notify) {}

  async view(tenant: string, name: string, asOf?: string): Promise<PromptView | null> {
    const state = await loadSubject(this.graph, tenant, promptId(name));
    return state && promptView(state, asOf);
  }

  /** One page of prompts by name; `search`: names containing it (case-insensitive). */
  async list(tenant: string, first: number, offset: number, asOf?: string, search?: string | null): Promise<PromptView[]> {
    const names = await registryNames(this.graph, tenant, 'Prompt', { first, offset, asOf, search });
    return (await Promise.all(names.map((name) => this.view(tenant, name, asOf)))).filter((v): v is PromptView => v !== null);
  }

  async get(tenant: string, name: string, sel: Selector): Promise<PromptVersionView> {
    if (sel.version != null && sel.label != null) throw badInput('label', 'give a version or a label, not both');
    if (sel.label != null) checkLabel('label', sel.label);
    const view = await this.view(tenant, name, sel.asOf);
    if (!view) throw notFound(`prompt ${name}${sel.asOf ? ` as of ${sel.asOf}` : ''}`);
    const v = selectVersion(view, sel);
    if (!v) throw notFound(`${sel.version != null ? `version ${sel.version}` : `label ${sel.label ?? LATEST}`} of prompt ${name}${sel.asOf ? ` as of ${sel.asOf}` : ''}`);
    return v;
  }

  async render(tenant: string, name: string, sel: Selector, variables: Record<string, unknown>): Promise<{ version: PromptVersionView; rendered: Template }> {
    if (variables === null || typeof variables !== 'object' || Array.isArray(variables)) throw badInput('variables', 'must be an object of name → value');
    const version = await this.get(tenant, name, sel);
    return { version, rendered: render(version.template, version.variables, variables) };
  }

  async diff(tenant: string, name: string, from: number, to: number): Promise<PromptDiff> {
    const view = await this.view(tenant, name);
    if (!view) throw notFound(`prompt ${name}`);
    const pick = (v: number, field: string) => {
      checkVersion(field, v);
      const found = view.versions.find((x) => x.version === v);
      if (!found) throw notFound(`version ${v} of prompt ${name}`);
      return found;
    };
    const a = pick(from, 'from');
    const b = pick(to, 'to');
    const lines = diffLines(templateAsText(a.template), templateAsText(b.template));
    const va = new Set(a.variables.map((x) => x.name));
    const vb = new Set(b.variables.map((x) => x.name));
    return {
      from: a, to: b, lines, unified: unified(lines), typeChanged: a.template.type !== b.template.type,
      variablesAdded: [...vb].filter((x) => !va.has(x)), variablesRemoved: [...va].filter((x) => !vb.has(x)),
      configChanges: diffObjects(a.config, b.config),
    };
  }

  /** A new immutable version; `latest` moves to it, and the labels asked for are moved in the same change. */
  async createVersion(actor: Actor, input: PromptVersionInput): Promise<PromptVersionView> {
    requireWrite(actor, 'create prompt versions');
    const name = checkName('input.name', input.name);
    const template = checkTemplate(input.template ?? {});
    const variables = variableSpecs(template, input.variables);
    const config = checkConfig(input.config);
    const commitMessage = checkText('input.commitMessage', input.commitMessage, 2000) ?? null;
    const labels = (input.labels ?? []).map((l, i) => checkSettableLabel(`input.labels[${i}]`, l));
    labels.forEach((l) => requireLabelChange(actor, l));
    const promptProps = { description: checkText('input.description', input.description, 5000), ...tagProps('input.tags', input.tags) };
    const model = input.modelVersion ? await this.modelVersion(actor.tenant, input.modelVersion) : null;
    const { view, version } = await this.locks.run(`${actor.tenant}/${name}`, async () => {
      const state = await loadSubject(this.graph, actor.tenant, promptId(name));
      const latest = state ? Math.max(Number(state.node.props.latestVersion ?? 0), ...state.versions.keys()) : 0;
      const version = input.version == null ? nextVersion('input.version', latest) : checkVersion('input.version', input.version);
      if (state?.versions.has(version)) throw new LoomError('CONFLICT', `version ${version} of prompt ${name} already exists; prompt versions are immutable`);
      const change = new SubjectChange('prompt', state?.node ?? newPromptNode(name));
      const current = state ? promptView(state)! : null;
      for (const label of labels) {
        const previous = current?.labels.find((l) => l.label === label)?.version ?? null;
        change.record({ type: 'LABEL_SET', version, pointer: label, previousVersion: previous, actor: actor.name, role: actor.role, reason: commitMessage, outcome: 'APPLIED' });
      }
      const id = promptVersionId(name, version);
      const node: NodeInput = {
        id, kind: 'PromptVersion', namespace: REGISTRY_NAMESPACE, name: `${name}@${version}`, at: change.at,
        props: { prompt: name, version, type: template.type, template, variables, config, commitMessage, modelVersion: model?.id ?? null, registeredAt: change.at, registeredBy: actorProps(actor) },
      };
      const edges: EdgeInput[] = [{ kind: 'HAS_VERSION', from: promptId(name), to: id, validFrom: change.at }];
      if (model) edges.push({ kind: 'SERVES_PROMPT', from: model.id, to: id, validFrom: change.at });
      const defined = Object.fromEntries(Object.entries(promptProps).filter(([, v]) => v !== undefined));
      const subjectProps = state ? { ...defined, latestVersion: Math.max(latest, version) } : { ...defined, latestVersion: version, registeredAt: change.at, registeredBy: actorProps(actor) };
      await this.graph.write(actor.tenant, change.batch(subjectProps, { nodes: [node], edges }));
      return { view: (await this.view(actor.tenant, name))!, version };
    });
    this.notify(actor.tenant, 'PROMPT_VERSION_CREATED', { prompt: name, version, commitMessage, actor: actor.name });
    for (const label of labels) this.notify(actor.tenant, 'PROMPT_LABEL_CHANGED', { prompt: name, label, version, actor: actor.name });
    return view.versions.find((v) => v.version === version)!;
  }

  async setLabel(actor: Actor, input: { name: string; label: string; version: number; reason?: string | null }): Promise<PromptVersionView> {
    const label = checkSettableLabel('input.label', input.label);
    requireLabelChange(actor, label);
    const name = checkName('input.name', input.name);
    const version = checkVersion('input.version', input.version);
    const reason = checkText('input.reason', input.reason, 2000) ?? null;
    const { result, moved } = await this.locks.run(`${actor.tenant}/${name}`, async () => {
      const state = await this.requireState(actor.tenant, name);
      const view = promptView(state)!;
      if (!view.versions.some((v) => v.version === version)) throw notFound(`version ${version} of prompt ${name}`);
      const previous = view.labels.find((l) => l.label === label)?.version ?? null;
      if (previous !== version) {
        await recordOne(this.graph, actor.tenant, 'prompt', state.node, { type: 'LABEL_SET', version, pointer: label, previousVersion: previous, actor: actor.name, role: actor.role, reason, outcome: 'APPLIED' });
      }
      return { result: (await this.get(actor.tenant, name, { version })), moved: previous !== version };
    });
    if (moved) this.notify(actor.tenant, 'PROMPT_LABEL_CHANGED', { prompt: name, label, version, reason, actor: actor.name });
    return result;
  }

  async removeLabel(actor: Actor, input: { name: string; label: string; reason?: string | null }): Promise<PromptView> {
    const label = checkSettableLabel('input.label', input.label);
    requireLabelChange(actor, label);
    const name = checkName('input.name', input.name);
    const reason = checkText('input.reason', input.reason, 2000) ?? null;
    const { view, previous } = await this.locks.run(`${actor.tenant}/${name}`, async () => {
      const state = await this.requireState(actor.tenant, name);
      const current = promptView(state)!.labels.find((l) => l.label === label);
      if (!current) throw notFound(`label ${label} of prompt ${name}`);
      await recordOne(this.graph, actor.tenant, 'prompt', state.node, { type: 'LABEL_REMOVED', version: current.version, pointer: label, previousVersion: current.version, actor: actor.name, role: actor.role, reason, outcome: 'APPLIED' });
      return { view: (await this.view(actor.tenant, name))!, previous: current.version };
    });
    this.notify(actor.tenant, 'PROMPT_LABEL_CHANGED', { prompt: name, label, version: null, previousVersion: previous, reason, actor: actor.name });
    return view;
  }

  private async requireState(tenant: string, name: string): Promise<SubjectState> {
    const state = await loadSubject(this.graph, tenant, promptId(name));
    if (!state) throw notFound(`prompt ${name}`);
    return state;
  }

  private async modelVersion(tenant: string, ref: { name: string; version: number }): Promise<GraphNode> {
    checkName('input.modelVersion.name', ref.name);
    checkVersion('input.modelVersion.version', ref.version);
    const [node] = await this.graph.getNodes(tenant, [modelVersionId(ref.name, ref.version)]);
    if (!node || typeof node.props.registeredAt !== 'string') throw notFound(`version ${ref.version} of model ${ref.name}`);
    return node;
  }
}

function newPromptNode(name: string): GraphNode {
  const now = new Date().toISOString();
  return { id: promptId(name), kind: 'Prompt', namespace: REGISTRY_NAMESPACE, name, props: {}, createdAt: now, updatedAt: now, validTo: null };
}

function checkSettableLabel(field: string, label: string): string {
  checkLabel(field, label);
  if (label === LATEST) throw badInput(field, 'latest is managed automatically: it always names the newest version');
  return label;
}

function checkConfig(config: unknown): Record<string, unknown> | null {
  if (config === undefined || config === null) return null;
  if (typeof config !== 'object' || Array.isArray(config)) throw badInput('input.config', 'must be a JSON object (model parameters such as model, temperature)');
  if (JSON.stringify(config).length > MAX_CONFIG_BYTES) throw badInput('input.config', `must be at most ${MAX_CONFIG_BYTES} bytes of JSON`);
  return config as Record<string, unknown>;
}
