import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, instant, ok } from './registry.testkit.js';

const MV = 'id model version stage stageSince aliases runId modelUri flavor registeredBy { name role } asOf';
const REGISTER = `mutation ($input: RegisterModelVersionInput!) { registerModelVersion(input: $input) { ${MV} } }`;
const TRANSITION = `mutation ($input: TransitionStageInput!) { transitionModelVersionStage(input: $input) { ${MV} } }`;
const ALIAS = `mutation ($input: SetModelAliasInput!) { setModelAlias(input: $input) { ${MV} } }`;
const LATEST = `query ($name: String!, $stages: [ModelStage!], $asOf: DateTime) { latestModelVersions(name: $name, stages: $stages, asOf: $asOf) { version stage aliases } }`;
const BY_ALIAS = `query ($name: String!, $alias: String, $asOf: DateTime) { modelVersion(name: $name, alias: $alias, asOf: $asOf) { version stage } }`;
const HISTORY = `query ($name: String!, $version: Int, $asOf: DateTime) { registeredModel(name: $name, asOf: $asOf) { name versionCount
  aliases { alias version } history(version: $version) { seq type version fromStage toStage pointer previousVersion actor { name role } reason at outcome rejectionCode rejectionMessage cause } } }`;

async function newRun(loom: TestLoom, experiment: string, key?: string): Promise<string> {
  const d = await ok(loom, 'mutation ($e: String!) { createRun(input: {experiment: $e}) { runId } }', { e: experiment }, key);
  return d.createRun.runId;
}

describe('model registry through GraphQL', () => {
  let loom: TestLoom;
  let rivalKey: string;
  let editorKey: string;
  let viewerKey: string;

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    editorKey = await loom.services.tenancy.createApiKey('demo', 'editor');
    viewerKey = await loom.services.tenancy.createApiKey('demo', 'viewer');
  });
  afterAll(() => loom?.close());

  it('registers versions linked to their source runs, numbers them, and refuses duplicates and bad input', async () => {
    const before = await instant();
    const run = await newRun(loom, 'churn');
    const v1 = await ok(loom, REGISTER, { input: { name: 'churn', runId: run, modelUri: 's3://models/churn/1', flavor: 'sklearn', actor: 'alice' } });
    expect(v1.registerModelVersion).toMatchObject({ id: 'model:registry:churn@1', version: 1, stage: 'None', runId: run, registeredBy: { name: 'alice', role: 'admin' } });
    expect((await ok(loom, REGISTER, { input: { name: 'churn', modelUri: 's3://models/churn/2' } })).registerModelVersion.version).toBe(2);
    expect((await ok(loom, REGISTER, { input: { name: 'churn', version: 5, modelUri: 's3://models/churn/5' } })).registerModelVersion.version).toBe(5);
    expect((await ok(loom, REGISTER, { input: { name: 'churn', modelUri: 's3://models/churn/6' } })).registerModelVersion.version).toBe(6);
    const dup = await fails(loom, REGISTER, { input: { name: 'churn', version: 2, modelUri: 's3://x' } });
    expect(dup.extensions?.code).toBe('CONFLICT');
    expect((await fails(loom, REGISTER, { input: { name: 'churn', modelUri: 'not a uri' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.modelUri' });
    expect((await fails(loom, REGISTER, { input: { name: 'bad name!', modelUri: 's3://x' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.name' });
    expect((await fails(loom, REGISTER, { input: { name: 'churn', version: 0, modelUri: 's3://x' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.version' });
    expect((await fails(loom, REGISTER, { input: { name: 'churn', runId: 'no-such-run', modelUri: 's3://x' } })).extensions?.code).toBe('NOT_FOUND');
    const m = await ok(loom, `{ registeredModel(name: "churn") { versionCount versions { version } } }`);
    expect(m.registeredModel).toEqual({ versionCount: 4, versions: [{ version: 6 }, { version: 5 }, { version: 2 }, { version: 1 }] });
    const src = await ok(loom, '{ modelVersion(name: "churn", version: 1) { run { runId experiment } } }');
    expect(src.modelVersion.run).toEqual({ runId: run, experiment: 'churn' });
    expect((await ok(loom, HISTORY, { name: 'churn', asOf: before })).registeredModel).toBeNull();
    // The highest version: a version past it is refused, saying the range; so is numbering past it (what was made stays manageable)
    expect((await fails(loom, REGISTER, { input: { name: 'top', version: 2147483646, modelUri: 's3://x' } })).message).toMatch(/input\.version: must be an integer from 1 to 1,000,000,000/);
    expect((await ok(loom, REGISTER, { input: { name: 'top', version: 1_000_000_000, modelUri: 's3://x' } })).registerModelVersion.version).toBe(1_000_000_000);
    const past = await fails(loom, REGISTER, { input: { name: 'top', modelUri: 's3://y' } });
    expect(past.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.version' });
    expect(past.message).toMatch(/the highest version, 1,000,000,000, is taken/);
  });

  it('moves stages and aliases with who/when/why, answers as of any past time, and keeps the full history', async () => {
    for (let i = 1; i <= 3; i++) await ok(loom, REGISTER, { input: { name: 'fraud', modelUri: `s3://models/fraud/${i}` } });
    const t0 = await instant();
    await ok(loom, TRANSITION, { input: { name: 'fraud', version: 1, stage: 'Staging', reason: 'offline eval ok', actor: 'alice' } });
    await ok(loom, TRANSITION, { input: { name: 'fraud', version: 1, stage: 'Production', reason: 'canary ok', actor: 'alice' } });
    await ok(loom, ALIAS, { input: { name: 'fraud', alias: 'champion', version: 1, reason: 'first prod model' } });
    await ok(loom, ALIAS, { input: { name: 'fraud', alias: 'challenger', version: 2 } });
    const t1 = await instant();
    const refused = await fails(loom, TRANSITION, { input: { name: 'fraud', version: 2, stage: 'Production', reason: 'try v2' } });
    expect(refused.extensions?.code).toBe('CONFLICT');
    expect(refused.message).toContain('archiveExistingVersions');
    const promoted = await ok(loom, TRANSITION, { input: { name: 'fraud', version: 2, stage: 'Production', archiveExistingVersions: true, reason: 'v2 wins A/B', actor: 'bob' } });
    expect(promoted.transitionModelVersionStage).toMatchObject({ version: 2, stage: 'Production', aliases: ['challenger'] });
    await ok(loom, ALIAS, { input: { name: 'fraud', alias: 'champion', version: 2, reason: 'v2 wins A/B' } });
    await ok(loom, 'mutation { deleteModelAlias(input: {name: "fraud", alias: "challenger", reason: "done"}) { name } }');
    const t2 = await instant();

    expect((await ok(loom, LATEST, { name: 'fraud', stages: ['Production'] })).latestModelVersions).toEqual([{ version: 2, stage: 'Production', aliases: ['champion'] }]);
    expect((await ok(loom, LATEST, { name: 'fraud', stages: ['Production'], asOf: t1 })).latestModelVersions).toEqual([{ version: 1, stage: 'Production', aliases: ['champion'] }]);
    expect((await ok(loom, LATEST, { name: 'fraud', stages: ['Production'], asOf: t0 })).latestModelVersions).toEqual([]);
    expect((await ok(loom, LATEST, { name: 'fraud' })).latestModelVersions).toEqual([
      { version: 3, stage: 'None', aliases: [] }, { version: 2, stage: 'Production', aliases: ['champion'] }, { version: 1, stage: 'Archived', aliases: [] },
    ]);
    expect((await ok(loom, BY_ALIAS, { name: 'fraud', alias: 'champion', asOf: t1 })).modelVersion).toEqual({ version: 1, stage: 'Production' });
    expect((await ok(loom, BY_ALIAS, { name: 'fraud', alias: 'champion', asOf: t2 })).modelVersion).toEqual({ version: 2, stage: 'Production' });
    expect((await ok(loom, BY_ALIAS, { name: 'fraud', alias: 'challenger', asOf: t1 })).modelVersion).toEqual({ version: 2, stage: 'None' });
    expect((await ok(loom, BY_ALIAS, { name: 'fraud', alias: 'challenger' })).modelVersion).toBeNull();
    // the names no alias may take name versions already: latest the highest, v<n> version n (as of a time too)
    expect((await ok(loom, BY_ALIAS, { name: 'fraud', alias: 'latest' })).modelVersion).toMatchObject({ version: 3 });
    expect((await ok(loom, BY_ALIAS, { name: 'fraud', alias: 'v1' })).modelVersion).toMatchObject({ version: 1 });
    expect((await ok(loom, BY_ALIAS, { name: 'fraud', alias: 'v9' })).modelVersion).toBeNull();
    const atT1 = await ok(loom, HISTORY, { name: 'fraud', asOf: t1 });
    expect(atT1.registeredModel.aliases).toEqual([{ alias: 'challenger', version: 2 }, { alias: 'champion', version: 1 }]);

    const { registeredModel } = await ok(loom, HISTORY, { name: 'fraud' });
    const h = [...registeredModel.history].reverse();
    expect(h.map((e: any) => [e.type, e.version, e.outcome])).toEqual([
      ['VERSION_REGISTERED', 1, 'APPLIED'], ['VERSION_REGISTERED', 2, 'APPLIED'], ['VERSION_REGISTERED', 3, 'APPLIED'],
      ['STAGE_TRANSITION', 1, 'APPLIED'], ['STAGE_TRANSITION', 1, 'APPLIED'], ['ALIAS_SET', 1, 'APPLIED'], ['ALIAS_SET', 2, 'APPLIED'],
      ['STAGE_TRANSITION', 2, 'REJECTED'], ['STAGE_TRANSITION', 2, 'APPLIED'], ['STAGE_TRANSITION', 1, 'APPLIED'],
      ['ALIAS_SET', 2, 'APPLIED'], ['ALIAS_DELETED', 2, 'APPLIED'],
    ]);
    expect(h[4]).toMatchObject({ fromStage: 'Staging', toStage: 'Production', reason: 'canary ok', actor: { name: 'alice', role: 'admin' } });
    expect(h[7]).toMatchObject({ toStage: 'Production', reason: 'try v2', rejectionCode: 'CONFLICT' });
    expect(h[9]).toMatchObject({ fromStage: 'Production', toStage: 'Archived', cause: h[8].seq, reason: 'replaced by version 2 in Production' });
    expect(h[10]).toMatchObject({ pointer: 'champion', previousVersion: 1, reason: 'v2 wins A/B' });
    for (let i = 1; i < h.length; i++) expect(h[i].at >= h[i - 1].at).toBe(true);
    const v1History = await ok(loom, HISTORY, { name: 'fraud', version: 1 });
    expect(v1History.registeredModel.history.every((e: any) => e.version === 1)).toBe(true);
  });

  it('lets exactly one of two racing promotions to Production win, and records both attempts', async () => {
    for (let i = 1; i <= 2; i++) await ok(loom, REGISTER, { input: { name: 'race', modelUri: `s3://models/race/${i}` } });
    const results = await Promise.all([1, 2].map((version) => loom.gql(TRANSITION, { input: { name: 'race', version, stage: 'Production', reason: `race ${version}` } })));
    expect(results.filter((r) => !r.errors).length).toBe(1);
    expect(results.filter((r) => r.errors?.[0]?.extensions?.code === 'CONFLICT').length).toBe(1);
    expect((await ok(loom, LATEST, { name: 'race' })).latestModelVersions.filter((v: any) => v.stage === 'Production')).toHaveLength(1);
    const { registeredModel } = await ok(loom, HISTORY, { name: 'race' });
    const attempts = registeredModel.history.filter((e: any) => e.type === 'STAGE_TRANSITION');
    expect(attempts.map((e: any) => e.outcome).sort()).toEqual(['APPLIED', 'REJECTED']);
    expect(attempts.map((e: any) => e.reason).sort()).toEqual(['race 1', 'race 2']);

    // Eight racers, each replacing whoever is there: every attempt applies in turn, one version ends in Production.
    for (let i = 3; i <= 10; i++) await ok(loom, REGISTER, { input: { name: 'race', modelUri: `s3://models/race/${i}` } });
    const many = await Promise.all([3, 4, 5, 6, 7, 8, 9, 10].map((version) =>
      loom.gql(TRANSITION, { input: { name: 'race', version, stage: 'Production', archiveExistingVersions: true } })));
    expect(many.every((r) => !r.errors)).toBe(true);
    const stages = (await ok(loom, '{ registeredModel(name: "race") { versions { version stage } } }')).registeredModel.versions;
    expect(stages.filter((v: any) => v.stage === 'Production')).toHaveLength(1);
    const after = (await ok(loom, HISTORY, { name: 'race' })).registeredModel.history.filter((e: any) => e.type === 'STAGE_TRANSITION' && e.toStage === 'Production');
    expect(after.filter((e: any) => e.outcome === 'APPLIED')).toHaveLength(9);
  });

  it('lets editors stage but only admins promote to Production or set gates; viewers change nothing', async () => {
    await ok(loom, REGISTER, { input: { name: 'roles', modelUri: 's3://models/roles/1' } }, editorKey);
    await ok(loom, TRANSITION, { input: { name: 'roles', version: 1, stage: 'Staging' } }, editorKey);
    await ok(loom, ALIAS, { input: { name: 'roles', alias: 'candidate', version: 1 } }, editorKey);
    const editorProd = await fails(loom, TRANSITION, { input: { name: 'roles', version: 1, stage: 'Production' } }, editorKey);
    expect(editorProd.extensions?.code).toBe('FORBIDDEN');
    expect(editorProd.message).toContain('editor');
    expect((await fails(loom, 'mutation { setPromotionGates(input: {name: "roles", gates: []}) { name } }', {}, editorKey)).extensions?.code).toBe('FORBIDDEN');
    for (const [q, v] of [[REGISTER, { input: { name: 'roles', modelUri: 's3://x' } }], [TRANSITION, { input: { name: 'roles', version: 1, stage: 'Archived' } }],
      [ALIAS, { input: { name: 'roles', alias: 'x', version: 1 } }]] as const) {
      expect((await fails(loom, q, v, viewerKey)).extensions?.code).toBe('FORBIDDEN');
    }
    const view = await ok(loom, '{ registeredModel(name: "roles") { versionCount versions { stage aliases } } }', {}, viewerKey);
    expect(view.registeredModel).toEqual({ versionCount: 1, versions: [{ stage: 'Staging', aliases: ['candidate'] }] });
    // the history holds every change refused, for want of permission too (a report's MODELS section counts them)
    const refused = (await ok(loom, HISTORY, { name: 'roles' })).registeredModel.history.filter((e: any) => e.outcome === 'REJECTED');
    expect(refused.map((e: any) => [e.type, e.actor.role, e.rejectionCode])).toEqual([['ALIAS_SET', 'viewer', 'FORBIDDEN'], ['STAGE_TRANSITION', 'viewer', 'FORBIDDEN'], ['STAGE_TRANSITION', 'editor', 'FORBIDDEN']]);
    expect((await fails(loom, TRANSITION, { input: { name: 'roles', version: 1, stage: 'Staging' } }, viewerKey)).extensions?.code).toBe('FORBIDDEN'); // no change: not recorded
    await ok(loom, TRANSITION, { input: { name: 'roles', version: 1, stage: 'Production' } });
  });

  it('keeps another tenant from seeing or promoting', async () => {
    await ok(loom, REGISTER, { input: { name: 'secret', modelUri: 's3://models/secret/1' } });
    expect((await ok(loom, '{ registeredModel(name: "secret") { name } registeredModels { name } }', {}, rivalKey))).toEqual({ registeredModel: null, registeredModels: [] });
    expect((await fails(loom, LATEST, { name: 'secret' }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, TRANSITION, { input: { name: 'secret', version: 1, stage: 'Production' } }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, ALIAS, { input: { name: 'secret', alias: 'champion', version: 1 } }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await ok(loom, '{ node(id: "model:registry:secret@1") { id } }', {}, rivalKey)).node).toBeNull();
    // The rival's model of the same name is its own.
    await ok(loom, REGISTER, { input: { name: 'secret', modelUri: 's3://rival/secret/1' } }, rivalKey);
    await ok(loom, TRANSITION, { input: { name: 'secret', version: 1, stage: 'Production' } }, rivalKey);
    expect((await ok(loom, LATEST, { name: 'secret' })).latestModelVersions).toEqual([{ version: 1, stage: 'None', aliases: [] }]);
    expect((await ok(loom, HISTORY, { name: 'secret' })).registeredModel.history.map((e: any) => e.type)).toEqual(['VERSION_REGISTERED']);
  });
});
