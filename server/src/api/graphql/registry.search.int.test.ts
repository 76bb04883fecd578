import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, instant, ok } from './registry.testkit.js';

const MODELS = 'query ($s: String, $first: Int!, $offset: Int!, $asOf: DateTime) { registeredModels(search: $s, first: $first, offset: $offset, asOf: $asOf) { name versionCount } }';
const PROMPTS = 'query ($s: String, $first: Int!, $offset: Int!, $asOf: DateTime) { prompts(search: $s, first: $first, offset: $offset, asOf: $asOf) { name versionCount } }';
const REGISTER = 'mutation ($n: String!) { registerModelVersion(input: {name: $n, modelUri: "s3://m/x"}) { version } }';
const PROMPT = 'mutation ($n: String!) { createPromptVersion(input: {name: $n, template: {text: "hi"}}) { version } }';

describe('searching the model and prompt registries by name', () => {
  let loom: TestLoom;
  let rivalKey: string;
  let before = '';

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    await ok(loom, REGISTER, { n: 'srch-fraud-xgb' });
    before = await instant();
    for (const n of ['srch-Churn-b', 'srch-churn-a', 'srch-churn-a']) await ok(loom, REGISTER, { n });
    await ok(loom, REGISTER, { n: 'srch-churn-rival' }, rivalKey);
    for (const n of ['srch-support-answer', 'srch-support-triage', 'srch-churn-explainer']) await ok(loom, PROMPT, { n });
    await ok(loom, PROMPT, { n: 'srch-support-rival' }, rivalKey);
  });
  afterAll(() => loom?.close());

  it('finds models whose name contains the text, case-insensitively, in name order, paged, within the tenant', async () => {
    const all = await ok(loom, MODELS, { s: 'SRCH-CHURN', first: 10, offset: 0 });
    expect(all.registeredModels).toEqual([{ name: 'srch-Churn-b', versionCount: 1 }, { name: 'srch-churn-a', versionCount: 2 }]);
    expect((await ok(loom, MODELS, { s: 'srch-churn', first: 1, offset: 1 })).registeredModels.map((m: any) => m.name)).toEqual(['srch-churn-a']);
    expect((await ok(loom, MODELS, { s: 'rival', first: 10, offset: 0 })).registeredModels).toEqual([]);
    expect((await ok(loom, MODELS, { s: 'churn', first: 10, offset: 0 }, rivalKey)).registeredModels.map((m: any) => m.name)).toEqual(['srch-churn-rival']);
  });

  it('matches names only (not the registry namespace of their ids) and honours asOf', async () => {
    expect((await ok(loom, MODELS, { s: 'registry', first: 10, offset: 0 })).registeredModels).toEqual([]);
    expect((await ok(loom, MODELS, { s: 'srch', first: 10, offset: 0, asOf: before })).registeredModels.map((m: any) => m.name)).toEqual(['srch-fraud-xgb']);
    // A blank search is no search: the plain list.
    const plain = await ok(loom, MODELS, { s: '  ', first: 100, offset: 0 });
    expect(plain.registeredModels.map((m: any) => m.name)).toEqual(expect.arrayContaining(['srch-fraud-xgb', 'srch-churn-a', 'srch-Churn-b']));
  });

  it('searches prompts the same way', async () => {
    expect((await ok(loom, PROMPTS, { s: 'Support', first: 10, offset: 0 })).prompts.map((p: any) => p.name)).toEqual(['srch-support-answer', 'srch-support-triage']);
    expect((await ok(loom, PROMPTS, { s: 'support', first: 10, offset: 0 }, rivalKey)).prompts.map((p: any) => p.name)).toEqual(['srch-support-rival']);
  });

  it('rejects bad paging and overlong text, naming the argument', async () => {
    expect((await fails(loom, MODELS, { s: 'churn', first: 0, offset: 0 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'first' });
    expect((await fails(loom, PROMPTS, { s: 'x'.repeat(201), first: 10, offset: 0 })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'search' });
  });
});
