/**
 * Registry history: every stage transition, alias or label move and gate change is one immutable
 * RegistryEvent node (who, when, why, applied or rejected), numbered per model or prompt. Nothing is
 * overwritten: the state at any time T is a replay of the applied events up to T.
 */
import type { GraphNode, NodeInput } from '../model.js';
import { REGISTRY_NAMESPACE, registryEventId } from '../ids.js';

export const STAGES = ['None', 'Staging', 'Production', 'Archived'] as const;
export type Stage = (typeof STAGES)[number];

export const EVENT_TYPES = ['STAGE_TRANSITION', 'ALIAS_SET', 'ALIAS_DELETED', 'LABEL_SET', 'LABEL_REMOVED', 'GATES_SET'] as const;
export type EventType = (typeof EVENT_TYPES)[number];
export type Subject = 'model' | 'prompt';

export interface GateOutcome { gate: number; kind: string; passed: boolean; detail: string }

export interface RegistryEvent {
  id: string;
  seq: number;
  type: EventType;
  subject: Subject;
  /** The model or prompt name. */
  name: string;
  /** The version moved (STAGE_TRANSITION, ALIAS_SET, LABEL_SET), or the version an alias/label left (deletes). */
  version: number | null;
  fromStage: Stage | null;
  toStage: Stage | null;
  /** The alias or label moved. */
  pointer: string | null;
  /** Where the alias/label pointed before. */
  previousVersion: number | null;
  actor: string | null;
  role: string;
  reason: string | null;
  at: string;
  outcome: 'APPLIED' | 'REJECTED';
  rejection: { code: string; message: string } | null;
  gates: GateOutcome[];
  /** The event that caused this one (e.g. archiving the previous Production version on a promotion). */
  cause: number | null;
  /** GATES_SET: the new configuration. */
  config: unknown;
}

export type EventDraft = Omit<RegistryEvent, 'id' | 'seq' | 'subject' | 'name' | 'at' | 'fromStage' | 'toStage' | 'pointer' | 'previousVersion' | 'rejection' | 'gates' | 'cause' | 'config' | 'version'>
  & Partial<Pick<RegistryEvent, 'fromStage' | 'toStage' | 'pointer' | 'previousVersion' | 'rejection' | 'gates' | 'cause' | 'config' | 'version'>>;

export function eventNode(subject: Subject, name: string, seq: number, at: string, d: EventDraft): NodeInput {
  const props: Omit<RegistryEvent, 'id'> = {
    seq, subject, name, at, type: d.type, version: d.version ?? null, fromStage: d.fromStage ?? null, toStage: d.toStage ?? null,
    pointer: d.pointer ?? null, previousVersion: d.previousVersion ?? null, actor: d.actor, role: d.role, reason: d.reason,
    outcome: d.outcome, rejection: d.rejection ?? null, gates: d.gates ?? [], cause: d.cause ?? null, config: d.config ?? null,
  };
  return { id: registryEventId(subject, name, seq), kind: 'RegistryEvent', namespace: REGISTRY_NAMESPACE, name: `${subject}/${name}`, props, at };
}

export function toEvent(node: GraphNode): RegistryEvent {
  const p = node.props as Partial<RegistryEvent>;
  return {
    id: node.id, seq: Number(p.seq), type: p.type as EventType, subject: p.subject as Subject, name: String(p.name),
    version: p.version ?? null, fromStage: p.fromStage ?? null, toStage: p.toStage ?? null, pointer: p.pointer ?? null,
    previousVersion: p.previousVersion ?? null, actor: p.actor ?? null, role: String(p.role ?? ''), reason: p.reason ?? null,
    at: String(p.at), outcome: p.outcome ?? 'APPLIED', rejection: p.rejection ?? null, gates: p.gates ?? [], cause: p.cause ?? null,
    config: p.config ?? null,
  };
}

/** Applied events up to `asOf` (all when undefined), in the order they happened. */
export function appliedUntil(events: readonly RegistryEvent[], asOf?: string): RegistryEvent[] {
  return events.filter((e) => e.outcome === 'APPLIED' && (asOf === undefined || e.at <= asOf)).sort((a, b) => a.seq - b.seq);
}

/** The stage of every version that has left None by `asOf`, with the time it got there. */
export function stagesAt(events: readonly RegistryEvent[], asOf?: string): Map<number, { stage: Stage; since: string }> {
  const out = new Map<number, { stage: Stage; since: string }>();
  for (const e of appliedUntil(events, asOf)) {
    if (e.type === 'STAGE_TRANSITION' && e.version !== null && e.toStage) out.set(e.version, { stage: e.toStage, since: e.at });
  }
  return out;
}

/** Where each alias (models) or label (prompts) pointed at `asOf`, with the time it got there. */
export function pointersAt(events: readonly RegistryEvent[], asOf?: string): Map<string, { version: number; since: string }> {
  const out = new Map<string, { version: number; since: string }>();
  for (const e of appliedUntil(events, asOf)) {
    if (!e.pointer) continue;
    if ((e.type === 'ALIAS_SET' || e.type === 'LABEL_SET') && e.version !== null) out.set(e.pointer, { version: e.version, since: e.at });
    if (e.type === 'ALIAS_DELETED' || e.type === 'LABEL_REMOVED') out.delete(e.pointer);
  }
  return out;
}

/** The pointers naming each version (inverse of pointersAt). */
export function pointersByVersion(pointers: Map<string, { version: number }>): Map<number, string[]> {
  const out = new Map<number, string[]>();
  for (const [name, { version }] of [...pointers].sort((a, b) => (a[0] < b[0] ? -1 : 1))) out.set(version, [...(out.get(version) ?? []), name]);
  return out;
}

/** The gate configuration in force at `asOf`. */
export function configAt(events: readonly RegistryEvent[], asOf?: string): unknown {
  let config: unknown = [];
  for (const e of appliedUntil(events, asOf)) if (e.type === 'GATES_SET') config = e.config;
  return config;
}
