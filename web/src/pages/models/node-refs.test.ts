import { describe, expect, it } from 'vitest';
import { evaluationMetrics, stringProp, versionPage, versionRef } from './node-refs.js';

describe('registry node references', () => {
  it('splits a version node name at its last @', () => {
    expect(versionRef('churn@3')).toEqual({ name: 'churn', version: 3 });
    expect(versionRef('team@corp/model@12')).toEqual({ name: 'team@corp/model', version: 12 });
    expect(versionRef('churn')).toBeNull();
    expect(versionRef('@3')).toBeNull();
    expect(versionRef('churn@latest')).toBeNull();
  });

  it('finds the page of a registry version id, and only of the registry namespace', () => {
    expect(versionPage('model:registry:churn@2')).toEqual({ kind: 'model', name: 'churn', version: 2 });
    expect(versionPage('prompt:registry:support-answer@1')).toEqual({ kind: 'prompt', name: 'support-answer', version: 1 });
    expect(versionPage('model:s3://models:churn/xgboost@7')).toBeNull();
    expect(versionPage('dataset:registry:x@1')).toBeNull();
  });

  it('reads evaluation metrics and string props', () => {
    expect(evaluationMetrics({ 'metric.f1': 0.82, 'metric.auc': 0.9, target: 'model:registry:churn@2', 'metric.bad': 'x' })).toEqual([{ key: 'auc', value: 0.9 }, { key: 'f1', value: 0.82 }]);
    expect(evaluationMetrics(null)).toEqual([]);
    expect(stringProp({ target: 'x', n: 1, e: '' }, 'target')).toBe('x');
    expect(stringProp({ n: 1, e: '' }, 'n')).toBeNull();
    expect(stringProp({ e: '' }, 'e')).toBeNull();
  });
});
