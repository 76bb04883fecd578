import { describe, expect, it } from 'vitest';
import { schemaDiff, schemaFields } from './schema-changes.js';
import { slackText } from '../registry/webhook-format.js';

const props = (fields: unknown[]) => ({ 'facets.schema': { _producer: 'x', fields } });

describe('schema changes', () => {
  it('reads a schema facet\'s fields, nested ones as parent.child', () => {
    const f = schemaFields(props([{ name: 'id', type: 'BIGINT' }, { name: 'address', type: 'STRUCT', fields: [{ name: 'city', type: 'STRING' }] }, { name: '' }, null, { name: 'note' }]));
    expect([...f!]).toEqual([['id', 'BIGINT'], ['address', 'STRUCT'], ['address.city', 'STRING'], ['note', null]]);
    expect(schemaFields({})).toBeNull();
    expect(schemaFields({ 'facets.schema': { fields: 'no' } })).toBeNull();
  });

  it('names what was added, removed and retyped; types compare without case; the same schema is no change', () => {
    const before = schemaFields(props([{ name: 'id', type: 'int' }, { name: 'email', type: 'varchar' }, { name: 'plan', type: 'STRING' }]))!;
    const after = schemaFields(props([{ name: 'id', type: 'BIGINT' }, { name: 'plan', type: 'string' }, { name: 'tier', type: 'STRING' }]))!;
    expect(schemaDiff(before, after)).toEqual({ added: [{ name: 'tier', type: 'STRING' }], removed: [{ name: 'email', type: 'varchar' }], changed: [{ name: 'id', from: 'int', to: 'BIGINT' }] });
    expect(schemaDiff(before, before)).toBeNull();
    expect(schemaDiff(after, schemaFields(props([{ name: 'tier', type: 'string' }, { name: 'id', type: 'bigint' }, { name: 'plan', type: 'STRING' }]))!)).toBeNull();
  });

  it('says it in one Slack line with what the dataset feeds', () => {
    const text = slackText('DATASET_SCHEMA_CHANGED', 'demo', {
      dataset: { namespace: 'postgres://db', name: 'public.customers' }, job: { namespace: 'airflow', name: 'etl.load' },
      added: [{ name: 'tier' }], removed: [{ name: 'email' }], changed: [{ name: 'id', from: 'int', to: 'bigint' }],
      impact: { total: 9, modelVersions: ['churn@2', 'churn@3'], usage: { llmCalls: 30 } },
    });
    expect(text).toBe(':warning: Dataset *postgres://db/public.customers* schema changed in demo by job airflow/etl.load: added `tier`; removed `email`; retyped `id` int → bigint\nIt feeds 8 node(s), 2 model version(s) (churn@2, churn@3), 30 LLM calls in 7 days');
  });
});
