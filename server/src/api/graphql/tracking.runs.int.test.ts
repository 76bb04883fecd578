import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, ok } from './registry.testkit.js';

const RUNS = `query ($experiment: String, $statuses: [RunStatus!], $text: String, $first: Int!, $offset: Int!) {
  runs(experiment: $experiment, statuses: $statuses, text: $text, first: $first, offset: $offset) { total truncated items { runId name experiment status } } }`;
const CREATE_RUN = 'mutation ($input: CreateRunInput!) { createRun(input: $input) { runId } }';
const at = (day: number) => new Date(Date.UTC(2026, 2, day)).toISOString();

describe('the runs listing across experiments', () => {
  let loom: TestLoom;
  let rivalKey: string;
  let key: string; // a fresh tenant: the harness seeds the demo tenant with OpenLineage runs
  const ids: Record<string, string> = {};

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    await loom.services.tenancy.createTenant('lab');
    key = await loom.services.tenancy.createApiKey('lab', 'admin');
    const runs = [['base', 'churn', 1], ['deep', 'churn', 2], ['wide', 'fraud', 3], ['tiny', 'fraud', 4]] as const;
    for (const [name, experiment, day] of runs) {
      ids[name] = (await ok(loom, CREATE_RUN, { input: { experiment, name: `${name}-trees`, startTime: at(day) } }, key)).createRun.runId;
    }
    await ok(loom, 'mutation ($r: String!) { setRunStatus(runId: $r, status: COMPLETED) { status } }', { r: ids.base }, key);
    await ok(loom, 'mutation ($r: String!) { setRunStatus(runId: $r, status: FAILED) { status } }', { r: ids.wide }, key);
    await ok(loom, CREATE_RUN, { input: { experiment: 'churn', name: 'rival-run' } }, rivalKey);
  });
  afterAll(() => loom?.close());

  const list = async (vars: Record<string, unknown>, as?: string) => (await ok(loom, RUNS, { first: 50, offset: 0, ...vars }, as ?? key)).runs;

  it('lists every run of the tenant newest first, and pages', async () => {
    const all = await list({});
    expect(all.truncated).toBe(false);
    expect(all.total).toBe(4);
    expect(all.items.map((r: any) => r.name)).toEqual(['tiny-trees', 'wide-trees', 'deep-trees', 'base-trees']);
    const page2 = await list({ first: 2, offset: 2 });
    expect(page2).toMatchObject({ total: 4, items: [{ name: 'deep-trees' }, { name: 'base-trees' }] });
  });

  it('filters by experiment, statuses and text', async () => {
    expect((await list({ experiment: 'churn' })).items.map((r: any) => [r.name, r.experiment])).toEqual([['deep-trees', 'churn'], ['base-trees', 'churn']]);
    expect((await list({ statuses: ['COMPLETED', 'FAILED'] })).items.map((r: any) => [r.name, r.status])).toEqual([['wide-trees', 'FAILED'], ['base-trees', 'COMPLETED']]);
    expect((await list({ experiment: 'fraud', statuses: ['RUNNING'] })).items.map((r: any) => r.name)).toEqual(['tiny-trees']);
    expect((await list({ text: 'DEEP' })).items.map((r: any) => r.runId)).toEqual([ids.deep]);
    expect((await list({ text: ids.wide.slice(0, 8) })).items.map((r: any) => r.name)).toEqual(['wide-trees']);
    expect(await list({ experiment: 'nope' })).toEqual({ total: 0, truncated: false, items: [] });
  });

  it('keeps tenants apart and rejects bad paging', async () => {
    expect((await list({}, rivalKey)).items.map((r: any) => r.name)).toEqual(['rival-run']);
    const bad = await fails(loom, RUNS, { first: 0, offset: 0 }, key);
    expect((await list({}, undefined)).total).toBe(4);
    expect((await ok(loom, RUNS, { first: 500, offset: 0 })).runs.items.some((r: any) => r.experiment === 'churn')).toBe(false);
    expect(bad.extensions?.code).toBe('BAD_USER_INPUT');
  });
});
