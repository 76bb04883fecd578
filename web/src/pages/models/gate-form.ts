/**
 * The gate editor's form, pure: a model's gates → editable rows, rows → the GateInput list
 * setPromotionGates replaces the configuration with, and which row a server error names
 * (`extensions.field` like `input.gates[2].metric`). The browser checks only what it must parse
 * (numbers, JSON params); the rules (a metric named, a stage or alias guarded, an offered plugin)
 * are the server's, and its message comes back with the row's index.
 */
import type { Comparison, GateInput, GateKind, MetricSource, ModelStage } from '../../gql/graphql.js';
import type { GateConfig } from './gates.js';
import { STAGES } from './model-view.js';

export const GATE_KINDS: ReadonlyArray<GateKind> = ['METRIC_THRESHOLD', 'UPSTREAM_QUALITY', 'PLUGIN'];
export const SOURCES: ReadonlyArray<MetricSource> = ['EVALUATION', 'RUN'];
export const COMPARISONS: ReadonlyArray<Comparison> = ['GTE', 'GT', 'LTE', 'LT'];
const DEFAULT_DEPTH = 3;

/** One gate as typed: every kind's fields kept, so switching kind and back loses nothing; only the kind's are sent. */
export interface GateRow {
  /** Stable across edits (React key); not sent. */
  id: number;
  kind: GateKind;
  stages: ModelStage[];
  /** Comma-separated. */
  aliases: string;
  metric: string;
  source: MetricSource;
  op: Comparison;
  threshold: string;
  depth: string;
  plugin: string;
  /** JSON text; empty sends no params. */
  params: string;
}

export type RowField = Exclude<keyof GateRow, 'id'>;
/** A value the browser could not turn into what GateInput takes. */
export interface RowProblem { row: number; field: RowField; key: 'number' | 'integer' | 'json'; detail?: string }

/** A new gate: a metric threshold guarding Production (the plugin preset to the first offered gate). */
export function newRow(id: number, firstPlugin = ''): GateRow {
  return { id, kind: 'METRIC_THRESHOLD', stages: ['Production'], aliases: '', metric: '', source: 'EVALUATION', op: 'GTE', threshold: '', depth: String(DEFAULT_DEPTH), plugin: firstPlugin, params: '' };
}

/** The configured gates as rows, in the configuration's order (ids 0..n-1). */
export function gatesToRows(gates: ReadonlyArray<GateConfig>): GateRow[] {
  return [...gates].sort((a, b) => a.index - b.index).map((g, id) => ({
    id,
    kind: g.kind,
    stages: STAGES.filter((s) => g.stages.includes(s)),
    aliases: g.aliases.join(', '),
    metric: g.metric ?? '',
    source: g.source ?? 'EVALUATION',
    op: g.op ?? 'GTE',
    threshold: g.threshold === null || g.threshold === undefined ? '' : String(g.threshold),
    depth: String(g.depth ?? DEFAULT_DEPTH),
    plugin: g.plugin ?? '',
    params: g.params === null || g.params === undefined ? '' : JSON.stringify(g.params, null, 2),
  }));
}

/** A stage checked or unchecked, kept in the registry's stage order. */
export function toggleStage(stages: ReadonlyArray<ModelStage>, stage: ModelStage, on: boolean): ModelStage[] {
  return STAGES.filter((s) => (s === stage ? on : stages.includes(s)));
}

/** `"champion, challenger,"` → `["champion", "challenger"]`. */
export function splitAliases(text: string): string[] {
  return text.split(',').map((a) => a.trim()).filter(Boolean);
}

type Parsed<T> = { value: T } | { problem: Omit<RowProblem, 'row'> };

function parseNumber(text: string, field: RowField, integer: boolean): Parsed<number | null> {
  if (!text.trim()) return { value: null };
  const n = Number(text.trim());
  if (!Number.isFinite(n)) return { problem: { field, key: 'number' } };
  if (integer && !Number.isInteger(n)) return { problem: { field, key: 'integer' } };
  return { value: n };
}

function parseParams(text: string): Parsed<unknown> {
  if (!text.trim()) return { value: null };
  try {
    return { value: JSON.parse(text) as unknown };
  } catch (error) {
    return { problem: { field: 'params', key: 'json', detail: (error as Error).message } };
  }
}

/** One row → its GateInput (only its kind's fields), or what could not be parsed (a new GateKind breaks the build here). */
function rowToInput(row: GateRow): Parsed<GateInput> {
  const scope = { kind: row.kind, stages: row.stages, aliases: splitAliases(row.aliases) };
  switch (row.kind) {
    case 'METRIC_THRESHOLD': {
      const threshold = parseNumber(row.threshold, 'threshold', false);
      if ('problem' in threshold) return threshold;
      return { value: { ...scope, metric: row.metric.trim() || null, source: row.source, op: row.op, threshold: threshold.value } };
    }
    case 'UPSTREAM_QUALITY': {
      const depth = parseNumber(row.depth, 'depth', true);
      if ('problem' in depth) return depth;
      return { value: { ...scope, depth: depth.value } };
    }
    case 'PLUGIN': {
      const params = parseParams(row.params);
      if ('problem' in params) return params;
      return { value: { ...scope, plugin: row.plugin || null, params: params.value } };
    }
    default: {
      const unknown: never = row.kind;
      throw new Error(`unknown gate kind ${String(unknown)}`);
    }
  }
}

/** The rows as setPromotionGates' `gates`, or every row's problem (nothing is sent then). */
export function rowsToInput(rows: ReadonlyArray<GateRow>): { gates: GateInput[] } | { problems: RowProblem[] } {
  const gates: GateInput[] = [];
  const problems: RowProblem[] = [];
  rows.forEach((row, index) => {
    const parsed = rowToInput(row);
    if ('problem' in parsed) problems.push({ row: index, ...parsed.problem });
    else gates.push(parsed.value);
  });
  return problems.length ? { problems } : { gates };
}

/** The row (position in the sent list) and field a server error's `extensions.field` names; null when it names no gate. */
export function gateOfField(field: string | null | undefined): { row: number; field: string | null } | null {
  const match = /^input\.gates\[(\d+)\](?:\.(\w+))?/.exec(field ?? '');
  return match ? { row: Number(match[1]), field: match[2] ?? null } : null;
}
