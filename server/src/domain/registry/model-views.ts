/** Registry state at a time T, replayed from a model's versions and history (pure). */
import type { GraphNode } from '../model.js';
import { configAt, pointersAt, pointersByVersion, stagesAt, STAGES, type RegistryEvent, type Stage } from './history.js';
import { existedAt, versionsAt, type SubjectState } from './subject.js';
import { storedGates, type Gate } from './gates.js';

export interface VersionView {
  node: GraphNode;
  model: string;
  version: number;
  stage: Stage;
  /** When the version entered its stage (its registration time while in None). */
  stageSince: string;
  aliases: string[];
  /** The time the view describes; null = now. */
  asOf: string | null;
}

export interface ModelView {
  node: GraphNode;
  name: string;
  asOf: string | null;
  /** Highest version first. */
  versions: VersionView[];
  aliases: { alias: string; version: number; since: string }[];
  gates: Gate[];
  events: RegistryEvent[];
}

export function modelView(state: SubjectState, asOf?: string): ModelView | null {
  if (!existedAt(state, asOf)) return null;
  const stages = stagesAt(state.events, asOf);
  const pointers = pointersAt(state.events, asOf);
  const byVersion = pointersByVersion(pointers);
  const versions = versionsAt(state, asOf).map((node): VersionView => {
    const version = node.props.version as number;
    const s = stages.get(version);
    return { node, model: state.node.name, version, stage: s?.stage ?? 'None', stageSince: s?.since ?? String(node.props.registeredAt), aliases: byVersion.get(version) ?? [], asOf: asOf ?? null };
  });
  return {
    node: state.node, name: state.node.name, asOf: asOf ?? null, versions,
    aliases: [...pointers].map(([alias, p]) => ({ alias, version: p.version, since: p.since })).sort((a, b) => (a.alias < b.alias ? -1 : 1)),
    gates: storedGates(configAt(state.events, asOf)),
    events: asOf === undefined ? state.events : state.events.filter((e) => e.at <= asOf),
  };
}

/** For each stage asked (all four by default), the highest version in it. */
export function latestVersions(view: ModelView, stages: readonly Stage[] = STAGES): VersionView[] {
  const out: VersionView[] = [];
  for (const stage of STAGES) {
    if (!stages.includes(stage)) continue;
    const v = view.versions.find((x) => x.stage === stage); // versions are highest first
    if (v) out.push(v);
  }
  return out;
}

export function versionOf(view: ModelView, version: number): VersionView | null {
  return view.versions.find((v) => v.version === version) ?? null;
}

export function versionByAlias(view: ModelView, alias: string): VersionView | null {
  // The names no alias may take (model-nodes.ts) name versions already: `latest` the highest, `v<n>` version n.
  if (alias === 'latest') return view.versions.reduce<VersionView | null>((top, v) => (!top || v.version > top.version ? v : top), null);
  const numbered = /^v(\d+)$/.exec(alias);
  if (numbered) return versionOf(view, Number(numbered[1]));
  const a = view.aliases.find((x) => x.alias === alias);
  return a ? versionOf(view, a.version) : null;
}
