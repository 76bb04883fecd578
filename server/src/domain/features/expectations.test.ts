import { describe, expect, it } from 'vitest';
import { checkFeatureGroup, type FeatureGroup } from './groups.js';
import { assertionsFacet, checkExpectations, verdicts, type Expectation } from './expectations.js';

const def = checkFeatureGroup({ namespace: 'fs', name: 'users', entity: 'user_id', features: [{ name: 'age', type: 'INT64' }, { name: 'tier', type: 'STRING' }] });
const group: FeatureGroup = { ...def, id: 'dataset:fs:users', source: null, version: 1, definedAt: '', definedBy: null, createdAt: '', expectations: [], validation: null };

describe('feature expectations', () => {
  it('checks each rule against the feature it names', () => {
    expect(checkExpectations(group, [{ kind: 'BETWEEN', feature: 'age', max: 120 }])).toEqual([{ kind: 'BETWEEN', feature: 'age', min: null, max: 120, mostly: 1 }]);
    const bad: [Expectation, RegExp][] = [
      [{ kind: 'BETWEEN', feature: 'tier', min: 0 }, /^expectations\[0\]\.feature: tier is STRING/],
      [{ kind: 'IN_SET', feature: 'age', values: ['1'] }, /^expectations\[0\]\.feature: age is INT64/],
      [{ kind: 'BETWEEN', feature: 'age' }, /^expectations\[0\]\.min: give min, max or both/],
      [{ kind: 'BETWEEN', feature: 'age', min: 5, max: 1 }, /^expectations\[0\]\.min: must not be above max/],
      [{ kind: 'NOT_NULL', feature: 'age', mostly: 0 }, /^expectations\[0\]\.mostly/],
      [{ kind: 'NOT_NULL', feature: 'nope' }, /^expectations\[0\]\.feature: nope is not a feature/],
    ];
    for (const [e, message] of bad) expect(() => checkExpectations(group, [e])).toThrow(message);
    expect(() => checkExpectations(group, [])).toThrow(/^expectations:/);
  });

  it('passes a rule when at least `mostly` of the values pass, a mean when it is in range', () => {
    const rules = checkExpectations(group, [
      { kind: 'NOT_NULL', feature: 'age', mostly: 0.9 }, { kind: 'NOT_NULL', feature: 'tier' }, { kind: 'MEAN_BETWEEN', feature: 'age', min: 30, max: 40 },
      { kind: 'IN_SET', feature: 'tier', values: ['a'] },
    ]);
    const results = verdicts(rules, [
      { i: 0, evaluated: 10, passing: 9, mean: 0 }, { i: '1', evaluated: '10', passing: '9', mean: 0 }, { i: 2, evaluated: 10, passing: 10, mean: 41 },
    ]);
    expect(results.map((r) => [r.success, r.observed, r.evaluated])).toEqual([[true, 0.9, 10], [false, 0.9, 10], [false, 41, 10], [false, null, 0]]);
    expect(assertionsFacet(results).assertions[1]).toEqual({ assertion: 'expect_column_values_to_not_be_null', column: 'tier', success: false });
  });
});
