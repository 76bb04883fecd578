import { describe, expect, it } from 'vitest';
import { evaluateGates, gatesFor, parseGates, type GateFacts } from './gates.js';
import { failingAssertions } from './quality.js';
import type { GraphNode } from '../model.js';

const facts = (over: Partial<GateFacts> = {}): GateFacts => ({
  runMetric: async () => null, evaluationMetric: async () => null, upstreamQualityFailures: async () => ({ checked: 0, failures: [] }),
  pluginGate: async () => ({ passed: false, detail: 'not asked' }), ...over,
});

describe('promotion gates', () => {
  const gates = parseGates([
    { kind: 'METRIC_THRESHOLD', stages: ['Production'], metric: 'auc', source: 'RUN', op: 'GT', threshold: 0.8 },
    { kind: 'UPSTREAM_QUALITY', stages: ['Production', 'Staging'], aliases: ['champion'] },
  ], []);

  it('parses with defaults and applies to the stages and aliases named', () => {
    expect(gates[1]).toEqual({ kind: 'UPSTREAM_QUALITY', stages: ['Production', 'Staging'], aliases: ['champion'], depth: 3 });
    expect(gatesFor(gates, { stage: 'Production' }).map((g) => g.index)).toEqual([0, 1]);
    expect(gatesFor(gates, { alias: 'champion' }).map((g) => g.index)).toEqual([1]);
    expect(gatesFor(gates, { stage: 'Archived' })).toEqual([]);
  });

  it('passes and fails with the measured value in the reason', async () => {
    const pass = await evaluateGates(gates, { stage: 'Production' }, facts({ runMetric: async () => 0.9 }));
    expect(pass.map((g) => g.passed)).toEqual([true, true]);
    const fail = await evaluateGates(gates, { stage: 'Production' }, facts({ runMetric: async () => 0.8, upstreamQualityFailures: async () => ({ checked: 2, failures: ['x failed'] }) }));
    expect(fail.map((g) => [g.passed, g.detail])).toEqual([
      [false, 'auc = 0.8 from the source run (needs auc > 0.8)'], [false, 'failing data quality upstream: x failed'],
    ]);
    const noRun = await evaluateGates(gates, { alias: 'champion' }, facts({ upstreamQualityFailures: async () => null }));
    expect(noRun[0].passed).toBe(false);
  });

  it('asks a plugin gate with its params, and takes only gates a plugin offers', async () => {
    const [gate] = parseGates([{ kind: 'PLUGIN', stages: ['Production'], plugin: 'change-ticket', params: { board: 'ML' } }], ['change-ticket']);
    expect(gate).toEqual({ kind: 'PLUGIN', stages: ['Production'], aliases: [], plugin: 'change-ticket', params: { board: 'ML' } });
    const asked: unknown[] = [];
    const [outcome] = await evaluateGates([gate], { stage: 'Production' }, facts({ pluginGate: async (name, params) => (asked.push([name, params]), { passed: true, detail: 'ticket ML-1 approved' }) }));
    expect(outcome).toEqual({ gate: 0, kind: 'PLUGIN', passed: true, detail: 'ticket ML-1 approved' });
    expect(asked).toEqual([['change-ticket', { board: 'ML' }]]);
    const refused = (input: object, offered: string[]) => { try { parseGates([{ kind: 'PLUGIN', stages: ['Production'], ...input }], offered); } catch (e) { return (e as { field?: string; message: string }); } return null; };
    expect(refused({}, ['change-ticket'])).toMatchObject({ message: expect.stringContaining('input.gates[0].plugin') });
    expect(refused({ plugin: 'nope' }, ['change-ticket'])).toMatchObject({ message: expect.stringContaining('offered: change-ticket') });
    expect(refused({ plugin: 'nope' }, [])).toMatchObject({ message: expect.stringContaining('LOOM_PLUGINS') });
    expect(refused({ plugin: 'change-ticket', params: { big: 'x'.repeat(10_001) } }, ['change-ticket'])).toMatchObject({ message: expect.stringContaining('input.gates[0].params') });
  });

  it('reads failing assertions from dataset version and dataset facets', () => {
    const node = (props: Record<string, unknown>): GraphNode => ({ id: 'dv', kind: 'DatasetVersion', namespace: 'n', name: 'd', props, createdAt: '', updatedAt: '', validTo: null });
    expect(failingAssertions(node({ 'quality.dataQualityAssertions': { assertions: [{ assertion: 'unique', success: false, column: 'id' }, { assertion: 'ok', success: true }] } })))
      .toEqual(['dv: assertion unique on column id failed']);
    expect(failingAssertions(node({ 'facets.dataQualityAssertions': { assertions: [{ assertion: 'rows', success: false }] } }))).toEqual(['dv: assertion rows failed']);
    expect(failingAssertions(node({ 'quality.dataQualityMetrics': { rowCount: 1 } }))).toEqual([]);
  });
});
