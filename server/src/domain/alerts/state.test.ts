import { describe, expect, it } from 'vitest';
import { decide } from './state.js';
import { breaches, checkRule, type AlertRuleInput } from './rules.js';
import { signalQuery } from './queries.js';
import type { LoomError } from '../errors.js';

const T = Date.parse('2026-12-06T10:00:00Z');
const rule = { op: 'GT' as const, threshold: 50, forSeconds: 120 };
const pending = { state: 'PENDING' as const, pendingSince: new Date(T).toISOString() };

describe('an alert\'s life', () => {
  it('opens PENDING, or FIRING at once without forSeconds; nothing while the series keeps to the rule', () => {
    expect(decide(rule, undefined, 51, T)).toEqual({ action: 'open', state: 'PENDING' });
    expect(decide({ ...rule, forSeconds: 0 }, undefined, 51, T)).toEqual({ action: 'open', state: 'FIRING' });
    expect(decide(rule, undefined, 50, T)).toEqual({ action: 'none' });
    expect(decide(rule, undefined, undefined, T)).toEqual({ action: 'none' });
    expect(decide(rule, undefined, Number.NaN, T)).toEqual({ action: 'none' });
  });

  it('fires a PENDING alert once the breach is forSeconds old, not a millisecond before', () => {
    expect(decide(rule, pending, 60, T + 119_999)).toEqual({ action: 'update', fire: false });
    expect(decide(rule, pending, 60, T + 120_000)).toEqual({ action: 'update', fire: true });
    expect(decide(rule, { ...pending, state: 'FIRING' }, 60, T + 999_000)).toEqual({ action: 'update', fire: false });
  });

  it('resolves a FIRING alert and cancels a PENDING one when the breach ends or the data stops', () => {
    expect(decide(rule, { ...pending, state: 'FIRING' }, 10, T)).toEqual({ action: 'close', state: 'RESOLVED' });
    expect(decide(rule, { ...pending, state: 'FIRING' }, undefined, T)).toEqual({ action: 'close', state: 'RESOLVED' });
    expect(decide(rule, pending, 50, T)).toEqual({ action: 'close', state: 'CANCELLED' });
  });

  it('takes the absence of data as a breach only when the rule says so', () => {
    expect(decide(rule, undefined, undefined, T, true)).toEqual({ action: 'open', state: 'PENDING' });
    expect(decide(rule, { ...pending, state: 'FIRING' }, undefined, T, true)).toEqual({ action: 'update', fire: false });
    expect(decide(rule, { ...pending, state: 'FIRING' }, 10, T, true)).toEqual({ action: 'close', state: 'RESOLVED' });
    expect(decide(rule, { ...pending, state: 'FIRING' }, undefined, T, false)).toEqual({ action: 'close', state: 'RESOLVED' });
  });

  it('compares with each operator at the threshold itself', () => {
    expect([breaches({ op: 'GT', threshold: 1 }, 1), breaches({ op: 'GTE', threshold: 1 }, 1), breaches({ op: 'LT', threshold: 1 }, 1), breaches({ op: 'LTE', threshold: 1 }, 1)])
      .toEqual([false, true, false, true]);
  });
});

describe('alert rules', () => {
  const gpu: AlertRuleInput = { name: 'idle', source: 'GPU', metric: 'utilization', op: 'LT', threshold: 10 };
  const field = (input: AlertRuleInput) => {
    try { checkRule(input); } catch (err) { return (err as LoomError).field; }
    return null;
  };

  it('fills the defaults', () => {
    expect(checkRule(gpu)).toMatchObject({ aggregation: 'AVG', windowSeconds: 300, forSeconds: 0, severity: 'WARNING', labels: [], measure: null, llmOnly: false });
    expect(checkRule({ name: 'e', source: 'TRACES', measure: 'ERROR_RATE', op: 'GT', threshold: 0.1 })).toMatchObject({ llmOnly: true, metric: null, aggregation: null });
  });

  it('names the field at fault', () => {
    expect(field({ ...gpu, threshold: Number.POSITIVE_INFINITY })).toBe('input.threshold');
    expect(field({ ...gpu, source: 'LOGS' as never })).toBe('input.source');
    expect(field({ ...gpu, aggregation: 'MEDIAN' as never })).toBe('input.aggregation');
    expect(field({ ...gpu, service: 'x' })).toBe('input.service');
    expect(field({ ...gpu, measure: 'COUNT' })).toBe('input.measure');
    expect(field({ ...gpu, windowSeconds: 86_401 })).toBe('input.windowSeconds');
    expect(field({ ...gpu, forSeconds: 1.5 })).toBe('input.forSeconds');
    expect(field({ ...gpu, severity: 'PAGE' as never })).toBe('input.severity');
    expect(field({ ...gpu, labels: Array.from({ length: 21 }, () => ({ key: 'pod', value: 'p' })) })).toBe('input.labels');
    expect(field({ ...gpu, labels: [{ key: 'pod', value: 'x'.repeat(1001) }] })).toBe('input.labels[0].value');
    expect(field({ name: 't', source: 'TRACES', measure: 'COUNT', metric: 'm', op: 'GT', threshold: 1 })).toBe('input.metric');
    expect(field({ name: 't', source: 'TRACES', measure: 'COUNT', labels: [{ key: 'a', value: 'b' }], op: 'GT', threshold: 1 })).toBe('input.labels');
    expect(field({ ...gpu, name: 'n'.repeat(201) })).toBe('input.name');
    const runs: AlertRuleInput = { name: 'r', source: 'RUNS', measure: 'FAILED_RUNS', op: 'GT', threshold: 0 };
    expect(field(runs)).toBeNull();
    expect(field({ ...runs, measure: 'COUNT' })).toBe('input.measure');
    expect(field({ ...runs, measure: null })).toBe('input.measure');
    expect(field({ ...runs, metric: 'x' })).toBe('input.metric');
    expect(field({ ...runs, labels: [{ key: 'namespace', value: 'x' }] })).toBe('input.labels[0].key');
    expect(field({ name: 't', source: 'TRACES', measure: 'FAILED_RUNS', op: 'GT', threshold: 1 })).toBe('input.measure');
  });

  it('binds every value as a parameter: a GPU label names a column only from the allowed list', () => {
    const r = { ...checkRule({ ...gpu, labels: [{ key: 'pod', value: "x' OR 1=1 --" }] }), id: 'r', enabled: true } as never;
    const q = signalQuery(r, '1', '2', 501);
    expect(q.sql).toContain('pod = {lv0:String}');
    expect(q.sql).not.toContain('OR 1=1');
    expect(q.params).toMatchObject({ lv0: "x' OR 1=1 --", metric: 'utilization', limit: 501 });
    const m = { ...checkRule({ name: 'm', source: 'METRIC', metric: 'up', labels: [{ key: "job'", value: 'v' }], op: 'LT', threshold: 1 }), id: 'r' } as never;
    expect(signalQuery(m, '1', '2', 10).sql).toContain('labels[{lk0:String}] = {lv0:String}');
    // Read past the limit, the series kept are the ones nearest to breaking: the highest for GT, the lowest for LT.
    expect(signalQuery(m, '1', '2', 10).sql).toContain('ORDER BY a_value ASC, a_key');
    const r2 = { ...checkRule({ name: 'r', source: 'RUNS', measure: 'ABORTED_RUNS', labels: [{ key: 'job_name', value: 'x' }], op: 'GTE', threshold: 1 }), id: 'r' } as never;
    const q2 = signalQuery(r2, '1', '2', 10);
    expect(q2.sql).toContain('ORDER BY a_value DESC, a_key');
    expect(q2.sql).toContain('job_name = {lv0:String}');
    expect(q2.params).toMatchObject({ eventType: 'ABORT', lv0: 'x' });
  });
});
