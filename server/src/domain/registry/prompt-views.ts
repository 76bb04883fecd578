/** Prompt registry state at a time T, replayed from a prompt's versions and label history (pure). */
import type { GraphNode } from '../model.js';
import { pointersAt, pointersByVersion, type RegistryEvent } from './history.js';
import { existedAt, versionsAt, type SubjectState } from './subject.js';
import type { Template, VariableSpec } from './prompt-template.js';

/** Moved automatically to the newest version; cannot be set by hand. */
export const LATEST = 'latest';

export interface PromptVersionView {
  node: GraphNode;
  prompt: string;
  version: number;
  template: Template;
  variables: VariableSpec[];
  config: Record<string, unknown> | null;
  commitMessage: string | null;
  createdAt: string;
  labels: string[];
  asOf: string | null;
}

export interface PromptView {
  node: GraphNode;
  name: string;
  asOf: string | null;
  versions: PromptVersionView[];
  /** Every label with the version it names, `latest` included. */
  labels: { label: string; version: number; since: string }[];
  events: RegistryEvent[];
}

export function promptView(state: SubjectState, asOf?: string): PromptView | null {
  if (!existedAt(state, asOf)) return null;
  const nodes = versionsAt(state, asOf);
  const pointers = pointersAt(state.events, asOf);
  if (nodes.length) pointers.set(LATEST, { version: nodes[0].props.version as number, since: String(nodes[0].props.registeredAt) });
  const byVersion = pointersByVersion(pointers);
  const versions = nodes.map((node): PromptVersionView => {
    const p = node.props;
    return {
      node, prompt: state.node.name, version: p.version as number, template: p.template as Template, variables: (p.variables as VariableSpec[]) ?? [],
      config: (p.config as Record<string, unknown>) ?? null, commitMessage: (p.commitMessage as string) ?? null, createdAt: String(p.registeredAt),
      labels: byVersion.get(p.version as number) ?? [], asOf: asOf ?? null,
    };
  });
  return {
    node: state.node, name: state.node.name, asOf: asOf ?? null, versions,
    labels: [...pointers].map(([label, p]) => ({ label, version: p.version, since: p.since })).sort((a, b) => (a.label < b.label ? -1 : 1)),
    events: asOf === undefined ? state.events : state.events.filter((e) => e.at <= asOf),
  };
}

/** A version by number, or by label; the latest version when neither is given. */
export function selectVersion(view: PromptView, sel: { version?: number | null; label?: string | null }): PromptVersionView | null {
  if (sel.version != null) return view.versions.find((v) => v.version === sel.version) ?? null;
  const label = sel.label ?? LATEST;
  const p = view.labels.find((l) => l.label === label);
  return p ? view.versions.find((v) => v.version === p.version) ?? null : null;
}
