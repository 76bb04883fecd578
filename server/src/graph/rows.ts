/**
 * Engine-neutral helpers shared by the graph adapters: batch normalisation (dedupe, fixed row shape)
 * and row → domain mapping.
 */
import type { EdgeInput, GraphEdge, GraphNode, NodeInput, NodeKind, EdgeKind, Props } from '../domain/model.js';
import type { WriteBatch } from '../domain/ports/GraphStore.js';

export const storeKey = (tenant: string, id: string) => `${tenant}/${id}`;

export interface NodeRow { key: string; tenant: string; id: string; kind: string; kindIsDefault: boolean; namespace: string; name: string; props: Props; at: string }
export interface EdgeRow { from: string; to: string; kind: string; props: string; validFrom: string; recordedAt: string }

/** De-duplicate a batch (last write wins, props merged) and give every row one fixed shape. */
export function normaliseBatch(tenant: string, batch: WriteBatch, now: string): { nodes: NodeRow[]; edges: EdgeRow[] } {
  const nodes = new Map<string, NodeRow>();
  for (const n of batch.nodes) {
    const prev = nodes.get(n.id);
    const at = n.at ?? now;
    const keepPrevKind = !!prev && !prev.kindIsDefault && !!n.kindIsDefault;
    nodes.set(n.id, {
      key: storeKey(tenant, n.id), tenant, id: n.id, namespace: n.namespace, name: n.name,
      kind: keepPrevKind ? prev.kind : n.kind,
      kindIsDefault: keepPrevKind ? false : !!n.kindIsDefault,
      props: { ...(prev?.props ?? {}), ...(n.props ?? {}) },
      at: prev && prev.at > at ? prev.at : at,
    });
  }
  const edges = new Map<string, EdgeRow>();
  for (const e of batch.edges) {
    const k = `${e.kind}\u0000${e.from}\u0000${e.to}`;
    const prev = edges.get(k);
    const validFrom = prev && prev.validFrom < (e.validFrom ?? now) ? prev.validFrom : (e.validFrom ?? now);
    edges.set(k, {
      from: storeKey(tenant, e.from), to: storeKey(tenant, e.to), kind: e.kind,
      props: JSON.stringify({ ...(prev ? JSON.parse(prev.props) : {}), ...(e.props ?? {}) }),
      validFrom, recordedAt: now,
    });
  }
  return { nodes: [...nodes.values()], edges: [...edges.values()] };
}

/** The kind to store: a default kind never replaces a stored one. */
export function resolveKind(row: NodeRow, storedKind: unknown): string {
  return row.kindIsDefault && typeof storedKind === 'string' && storedKind ? storedKind : row.kind;
}

/** Merge new props over stored JSON props (shallow). */
export function mergeProps(stored: unknown, incoming: Props): string {
  const base = typeof stored === 'string' && stored ? (JSON.parse(stored) as Props) : {};
  return JSON.stringify({ ...base, ...incoming });
}

export function toNode(r: Record<string, unknown>): GraphNode {
  return {
    id: String(r.id), kind: r.kind as NodeKind, namespace: String(r.namespace ?? ''), name: String(r.name ?? ''),
    props: parseProps(r.props), createdAt: String(r.createdAt), updatedAt: String(r.updatedAt),
  };
}

export function toEdge(r: Record<string, unknown>, tenant: string): GraphEdge {
  const strip = (k: unknown) => String(k).slice(tenant.length + 1);
  return {
    kind: r.kind as EdgeKind, from: strip(r.fromKey), to: strip(r.toKey), props: parseProps(r.props),
    validFrom: String(r.validFrom), validTo: r.validTo == null ? null : String(r.validTo),
  };
}

function parseProps(v: unknown): Props {
  if (typeof v !== 'string' || v === '') return {};
  try { return JSON.parse(v) as Props; } catch { return {}; }
}

export type { EdgeInput, NodeInput };
