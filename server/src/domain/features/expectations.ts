/**
 * Data quality rules on a feature group, as Great Expectations names them, checked over each entity's
 * latest value of a feature (the online store): NOT_NULL (expect_column_values_to_not_be_null),
 * BETWEEN (expect_column_values_to_be_between), IN_SET (expect_column_values_to_be_in_set), MEAN_BETWEEN
 * (expect_column_mean_to_be_between). `mostly` (0..1, default 1) is the share of values that must pass, as
 * in Great Expectations. Pure: the checks, the SQL, and the verdicts.
 */
import { badInput } from '../errors.js';
import type { FeatureGroup, FeatureSpec } from './groups.js';

export const EXPECTATION_KINDS = ['NOT_NULL', 'BETWEEN', 'IN_SET', 'MEAN_BETWEEN'] as const;
export type ExpectationKind = (typeof EXPECTATION_KINDS)[number];

export interface Expectation { kind: ExpectationKind; feature: string; min?: number | null; max?: number | null; values?: string[] | null; mostly?: number | null }
export interface ExpectationResult { expectation: Expectation; success: boolean; observed: number | null; evaluated: number }

const GE_NAME: Record<ExpectationKind, string> = {
  NOT_NULL: 'expect_column_values_to_not_be_null', BETWEEN: 'expect_column_values_to_be_between',
  IN_SET: 'expect_column_values_to_be_in_set', MEAN_BETWEEN: 'expect_column_mean_to_be_between',
};
const NUMERIC = new Set(['INT64', 'FLOAT64', 'BOOL']);
export const MAX_EXPECTATIONS = 100;

export function checkExpectations(group: FeatureGroup, list: Expectation[]): Expectation[] {
  if (!Array.isArray(list) || list.length === 0) throw badInput('expectations', 'give at least one expectation (or define them once and validate without)');
  if (list.length > MAX_EXPECTATIONS) throw badInput('expectations', `at most ${MAX_EXPECTATIONS}`);
  return list.map((e, i) => {
    const at = `expectations[${i}]`;
    if (!EXPECTATION_KINDS.includes(e.kind)) throw badInput(`${at}.kind`, `must be one of ${EXPECTATION_KINDS.join(', ')}`);
    const spec = group.features.find((f) => f.name === e.feature);
    if (!spec) throw badInput(`${at}.feature`, `${e.feature} is not a feature of ${group.namespace}/${group.name}`);
    const mostly = e.mostly ?? 1;
    if (typeof mostly !== 'number' || !(mostly > 0 && mostly <= 1)) throw badInput(`${at}.mostly`, 'must be a share above 0 and at most 1');
    const out: Expectation = { kind: e.kind, feature: e.feature, mostly };
    if (e.kind === 'BETWEEN' || e.kind === 'MEAN_BETWEEN') {
      if (!NUMERIC.has(spec.type)) throw badInput(`${at}.feature`, `${e.feature} is ${spec.type}: ${e.kind} needs a numeric feature`);
      const min = e.min ?? null;
      const max = e.max ?? null;
      if (min === null && max === null) throw badInput(`${at}.min`, 'give min, max or both');
      if (min !== null && max !== null && min > max) throw badInput(`${at}.min`, 'must not be above max');
      Object.assign(out, { min, max });
    }
    if (e.kind === 'IN_SET') {
      if (spec.type !== 'STRING') throw badInput(`${at}.feature`, `${e.feature} is ${spec.type}: IN_SET needs a STRING feature`);
      if (!Array.isArray(e.values) || e.values.length === 0 || e.values.length > 1000) throw badInput(`${at}.values`, 'give 1 to 1,000 allowed values');
      out.values = e.values.map(String);
    }
    return out;
  });
}

/** The number column of a feature's type (INT64, BOOL: `int`; FLOAT64: `num`). */
const numberOf = (spec: FeatureSpec) => (spec.type === 'FLOAT64' ? 'num' : 'toFloat64(int)');

/**
 * One row per expectation (`i`): values evaluated, values passing (value rules), the mean (MEAN_BETWEEN),
 * over each entity's latest value of the feature.
 */
export function expectationsQuery(group: FeatureGroup, list: Expectation[]): { sql: string; params: Record<string, unknown> } {
  const params: Record<string, unknown> = { group: group.id };
  const parts = list.map((e, i) => {
    const spec = group.features.find((f) => f.name === e.feature)!;
    params[`f${i}`] = e.feature;
    const bound = (col: string) => [e.min != null ? `${col} >= {min${i}:Float64}` : null, e.max != null ? `${col} <= {max${i}:Float64}` : null].filter(Boolean).join(' AND ');
    if (e.min != null) params[`min${i}`] = e.min;
    if (e.max != null) params[`max${i}`] = e.max;
    let passing = 'countIf(NOT is_null)';
    let evaluated = 'count()';
    let mean = 'toFloat64(0)';
    if (e.kind === 'BETWEEN') { evaluated = 'countIf(NOT is_null)'; passing = `countIf(NOT is_null AND ${bound(numberOf(spec))})`; }
    if (e.kind === 'IN_SET') { evaluated = 'countIf(NOT is_null)'; passing = `countIf(NOT is_null AND str IN {v${i}:Array(String)})`; params[`v${i}`] = e.values; }
    if (e.kind === 'MEAN_BETWEEN') { evaluated = 'countIf(NOT is_null)'; passing = evaluated; mean = `avgIf(${numberOf(spec)}, NOT is_null)`; }
    return `SELECT ${i} AS i, ${evaluated} AS evaluated, ${passing} AS passing, ${mean} AS mean
FROM feature_online FINAL WHERE tenant_id = {tenant:String} AND group_id = {group:String} AND feature = {f${i}:String}`;
  });
  return { sql: parts.join('\nUNION ALL\n'), params };
}

export function verdicts(list: Expectation[], rows: { i: number | string; evaluated: number | string; passing: number | string; mean: number | string | null }[]): ExpectationResult[] {
  const byI = new Map(rows.map((r) => [Number(r.i), r]));
  return list.map((e, i) => {
    const r = byI.get(i);
    const evaluated = Number(r?.evaluated ?? 0);
    if (e.kind === 'MEAN_BETWEEN') {
      const mean = evaluated ? Number(r!.mean) : null;
      const success = mean !== null && (e.min == null || mean >= e.min) && (e.max == null || mean <= e.max);
      return { expectation: e, success, observed: mean, evaluated };
    }
    const share = evaluated ? Number(r!.passing) / evaluated : null;
    return { expectation: e, success: share !== null && share >= (e.mostly ?? 1), observed: share, evaluated };
  });
}

/** The results as an OpenLineage `dataQualityAssertions` facet: what promotion gates read upstream of a training run. */
export function assertionsFacet(results: ExpectationResult[]): { assertions: { assertion: string; column: string; success: boolean }[] } {
  return { assertions: results.map((r) => ({ assertion: GE_NAME[r.expectation.kind], column: r.expectation.feature, success: r.success })) };
}
