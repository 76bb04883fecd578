/**
 * Promotion gates, configured per model: checks that must pass before a version enters a stage or
 * takes an alias. A blocked change fails with the reason of every failing gate (and is recorded).
 */
import { badInput } from '../errors.js';
import { STAGES, type GateOutcome, type Stage } from './history.js';
import { checkAlias } from './model-nodes.js';
import { checkKey } from './validate.js';

export const COMPARISONS = { GTE: '>=', GT: '>', LTE: '<=', LT: '<' } as const;
export type Comparison = keyof typeof COMPARISONS;
export type MetricSource = 'RUN' | 'EVALUATION';

interface GateScope {
  /** Stages this gate guards (entering them). */
  stages: Stage[];
  /** Aliases this gate guards (moving them). */
  aliases: string[];
}
export type Gate =
  | (GateScope & { kind: 'METRIC_THRESHOLD'; metric: string; source: MetricSource; op: Comparison; threshold: number })
  | (GateScope & { kind: 'UPSTREAM_QUALITY'; depth: number })
  /** A gate a plugin offers (ports/Extensions.ts), asked with the configured params. */
  | (GateScope & { kind: 'PLUGIN'; plugin: string; params: unknown });

export interface GateInput {
  kind: Gate['kind'];
  stages?: string[] | null;
  aliases?: string[] | null;
  metric?: string | null;
  source?: MetricSource | null;
  op?: Comparison | null;
  threshold?: number | null;
  depth?: number | null;
  plugin?: string | null;
  params?: unknown;
}

/** What a gate needs to know about a version; the registry service answers from the graph and the analytics store. */
export interface GateFacts {
  /** The last value of a metric on the version's source run (null: never logged, or no source run). */
  runMetric(key: string): Promise<number | null>;
  /** The metric from the latest evaluation of the version that has it. */
  evaluationMetric(key: string): Promise<{ value: number; evaluation: string } | null>;
  /** Failing data quality results on the dataset versions upstream of the source run. */
  upstreamQualityFailures(depth: number): Promise<{ checked: number; failures: string[] } | null>;
  /** A plugin gate's verdict on the version (it fails closed: see ports/Extensions.ts). */
  pluginGate(name: string, params: unknown): Promise<{ passed: boolean; detail: string }>;
}

export const MAX_GATES = 20;
export const MAX_QUALITY_DEPTH = 5;
const MAX_PARAMS_BYTES = 10_000;

/** `pluginGates`: the gates the loaded plugins offer (a PLUGIN gate must name one). */
export function parseGates(inputs: readonly GateInput[], pluginGates: readonly string[], field = 'input.gates'): Gate[] {
  if (inputs.length > MAX_GATES) throw badInput(field, `at most ${MAX_GATES} gates`);
  return inputs.map((g, i) => parseGate(g, `${field}[${i}]`, pluginGates));
}

function parseGate(g: GateInput, field: string, pluginGates: readonly string[]): Gate {
  const stages = (g.stages ?? []).map((s, j) => {
    if (!STAGES.includes(s as Stage)) throw badInput(`${field}.stages[${j}]`, `must be one of ${STAGES.join(', ')}`);
    return s as Stage;
  });
  const aliases = (g.aliases ?? []).map((a, j) => checkAlias(a, `${field}.aliases[${j}]`)); // a model's own aliases: never latest or v<n>
  if (!stages.length && !aliases.length) throw badInput(`${field}.stages`, 'name at least one stage or alias the gate guards');
  refuseOtherKinds(g, field);
  if (g.kind === 'METRIC_THRESHOLD') {
    if (!g.metric) throw badInput(`${field}.metric`, 'required for METRIC_THRESHOLD');
    checkKey(`${field}.metric`, g.metric);
    if (!g.op || !(g.op in COMPARISONS)) throw badInput(`${field}.op`, `required for METRIC_THRESHOLD: one of ${Object.keys(COMPARISONS).join(', ')}`);
    if (typeof g.threshold !== 'number' || !Number.isFinite(g.threshold)) throw badInput(`${field}.threshold`, 'required for METRIC_THRESHOLD: a finite number');
    const source = g.source ?? 'EVALUATION';
    if (source !== 'RUN' && source !== 'EVALUATION') throw badInput(`${field}.source`, 'must be RUN or EVALUATION');
    return { kind: 'METRIC_THRESHOLD', stages, aliases, metric: g.metric, source, op: g.op, threshold: g.threshold };
  }
  if (g.kind === 'UPSTREAM_QUALITY') {
    const depth = g.depth ?? 3;
    if (!Number.isInteger(depth) || depth < 1 || depth > MAX_QUALITY_DEPTH) throw badInput(`${field}.depth`, `must be an integer 1..${MAX_QUALITY_DEPTH}`);
    return { kind: 'UPSTREAM_QUALITY', stages, aliases, depth };
  }
  if (g.kind === 'PLUGIN') {
    if (!g.plugin) throw badInput(`${field}.plugin`, 'required for PLUGIN: the name of a gate a plugin offers');
    if (!pluginGates.includes(g.plugin)) {
      throw badInput(`${field}.plugin`, `no plugin offers a gate named ${g.plugin} in this Loom (${pluginGates.length ? `offered: ${pluginGates.join(', ')}` : 'no plugin offers gates: see LOOM_PLUGINS'})`);
    }
    const params = g.params ?? null;
    if (JSON.stringify(params).length > MAX_PARAMS_BYTES) throw badInput(`${field}.params`, `at most ${MAX_PARAMS_BYTES} characters of JSON`);
    return { kind: 'PLUGIN', stages, aliases, plugin: g.plugin, params };
  }
  throw badInput(`${field}.kind`, 'must be METRIC_THRESHOLD, UPSTREAM_QUALITY or PLUGIN');
}

/** The fields each kind reads: a field of another kind given is refused, not dropped (a gate saved is the gate asked for). */
const KIND_FIELDS: Record<Gate['kind'], readonly (keyof GateInput)[]> = {
  METRIC_THRESHOLD: ['metric', 'source', 'op', 'threshold'], UPSTREAM_QUALITY: ['depth'], PLUGIN: ['plugin', 'params'],
};
const ALL_KIND_FIELDS = [...new Set(Object.values(KIND_FIELDS).flat())];

function refuseOtherKinds(g: GateInput, field: string): void {
  const own = KIND_FIELDS[g.kind];
  if (!own) return; // an unknown kind is refused by name below
  const stray = ALL_KIND_FIELDS.find((f) => !own.includes(f) && g[f] !== undefined && g[f] !== null);
  if (stray) {
    const owner = (Object.keys(KIND_FIELDS) as Gate['kind'][]).filter((k) => KIND_FIELDS[k].includes(stray)).join(' or ');
    throw badInput(`${field}.${stray}`, `is a field of ${owner} gates, not of ${g.kind}: leave it out`);
  }
}

export function gatesFor(gates: readonly Gate[], target: { stage?: Stage; alias?: string }): { gate: Gate; index: number }[] {
  return gates.map((gate, index) => ({ gate, index }))
    .filter(({ gate }) => (target.stage !== undefined && gate.stages.includes(target.stage)) || (target.alias !== undefined && gate.aliases.includes(target.alias)));
}

const compare = (v: number, op: Comparison, t: number) => (op === 'GTE' ? v >= t : op === 'GT' ? v > t : op === 'LTE' ? v <= t : v < t);

export async function evaluateGate(gate: Gate, index: number, facts: GateFacts): Promise<GateOutcome> {
  if (gate.kind === 'METRIC_THRESHOLD') {
    const want = `${gate.metric} ${COMPARISONS[gate.op]} ${gate.threshold}`;
    const found = gate.source === 'RUN'
      ? await facts.runMetric(gate.metric).then((v) => (v === null ? null : { value: v, from: 'the source run' }))
      : await facts.evaluationMetric(gate.metric).then((e) => (e === null ? null : { value: e.value, from: `evaluation ${e.evaluation}` }));
    if (!found) return { gate: index, kind: gate.kind, passed: false, detail: `needs ${want}, but no ${gate.source === 'RUN' ? 'source run metric' : 'evaluation'} ${gate.metric} exists` };
    const passed = compare(found.value, gate.op, gate.threshold);
    return { gate: index, kind: gate.kind, passed, detail: `${gate.metric} = ${found.value} from ${found.from} (needs ${want})` };
  }
  if (gate.kind === 'PLUGIN') return { gate: index, kind: gate.kind, ...(await facts.pluginGate(gate.plugin, gate.params)) };
  const q = await facts.upstreamQualityFailures(gate.depth);
  if (!q) return { gate: index, kind: gate.kind, passed: false, detail: 'the version has no source run, so its upstream data cannot be checked' };
  if (q.failures.length) return { gate: index, kind: gate.kind, passed: false, detail: `failing data quality upstream: ${q.failures.slice(0, 5).join('; ')}${q.failures.length > 5 ? ` (and ${q.failures.length - 5} more)` : ''}` };
  return { gate: index, kind: gate.kind, passed: true, detail: `no failing data quality result on ${q.checked} upstream dataset version(s)` };
}

export async function evaluateGates(gates: readonly Gate[], target: { stage?: Stage; alias?: string }, facts: GateFacts): Promise<GateOutcome[]> {
  const out: GateOutcome[] = [];
  for (const { gate, index } of gatesFor(gates, target)) out.push(await evaluateGate(gate, index, facts));
  return out;
}

/** The stored configuration (a GATES_SET event's config) read back. */
export const storedGates = (config: unknown): Gate[] => (Array.isArray(config) ? (config as Gate[]) : []);
