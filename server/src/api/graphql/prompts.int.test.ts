import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { startTestLoom, type TestLoom } from '../../testing/harness.js';
import { fails, instant, ok } from './registry.testkit.js';

const CREATE = 'mutation ($input: CreatePromptVersionInput!) { createPromptVersion(input: $input) { id version type text messages { role content } variables { name required default } config commitMessage labels createdBy { name role } } }';
const GET = 'query ($name: String!, $version: Int, $label: String, $asOf: DateTime) { promptVersion(name: $name, version: $version, label: $label, asOf: $asOf) { version text labels } }';
const RENDER = 'query ($name: String!, $vars: JSON!, $label: String, $version: Int) { renderPrompt(name: $name, variables: $vars, label: $label, version: $version) { version { version } type text messages { role content } config } }';
const LABEL = 'mutation ($input: SetPromptLabelInput!) { setPromptLabel(input: $input) { version labels } }';

describe('prompt registry through GraphQL', () => {
  let loom: TestLoom;
  let rivalKey: string;
  let editorKey: string;

  beforeAll(async () => {
    loom = await startTestLoom();
    await loom.services.tenancy.createTenant('rival');
    rivalKey = await loom.services.tenancy.createApiKey('rival', 'admin');
    editorKey = await loom.services.tenancy.createApiKey('demo', 'editor');
  });
  afterAll(() => loom?.close());

  it('keeps immutable versions, moves labels with history, and answers by label, version or as of a time', async () => {
    const v1 = await ok(loom, CREATE, { input: {
      name: 'support-answer', template: { text: 'Answer {{question}} in {{ language }}.' }, variables: [{ name: 'language', default: 'English' }],
      config: { model: 'gpt-4o', temperature: 0.2 }, commitMessage: 'first', labels: ['production'], actor: 'carol',
    } });
    expect(v1.createPromptVersion).toMatchObject({
      id: 'prompt:registry:support-answer@1', version: 1, type: 'TEXT', labels: ['latest', 'production'], createdBy: { name: 'carol', role: 'admin' },
      variables: [{ name: 'question', required: true, default: null }, { name: 'language', required: false, default: 'English' }],
    });
    const t1 = await instant();
    await ok(loom, CREATE, { input: { name: 'support-answer', template: { text: 'Answer {{question}} briefly in {{language}}.\nCite sources.' }, variables: [{ name: 'language', default: 'English' }], config: { model: 'gpt-4o', temperature: 0 }, commitMessage: 'shorter', labels: ['staging'] } });
    const t2 = await instant();
    await ok(loom, LABEL, { input: { name: 'support-answer', label: 'production', version: 2, reason: 'staging looked good' } });
    const dup = await fails(loom, CREATE, { input: { name: 'support-answer', version: 2, template: { text: 'x' } } });
    expect(dup.extensions?.code).toBe('CONFLICT');

    expect((await ok(loom, GET, { name: 'support-answer', label: 'production' })).promptVersion).toMatchObject({ version: 2, labels: ['latest', 'production', 'staging'] });
    expect((await ok(loom, GET, { name: 'support-answer', label: 'production', asOf: t2 })).promptVersion).toMatchObject({ version: 1, labels: ['production'] });
    expect((await ok(loom, GET, { name: 'support-answer', asOf: t1 })).promptVersion).toMatchObject({ version: 1, labels: ['latest', 'production'] });
    expect((await ok(loom, GET, { name: 'support-answer', version: 1 })).promptVersion.text).toBe('Answer {{question}} in {{ language }}.');
    expect((await fails(loom, GET, { name: 'support-answer', label: 'staging', asOf: t1 })).extensions?.code).toBe('NOT_FOUND');
    const prompt = await ok(loom, '{ prompt(name: "support-answer") { versionCount labels { label version } history { type version pointer previousVersion reason outcome actor { name } } } }');
    expect(prompt.prompt.labels).toEqual([{ label: 'latest', version: 2 }, { label: 'production', version: 2 }, { label: 'staging', version: 2 }]);
    expect(prompt.prompt.history.map((e: any) => [e.type, e.version, e.pointer, e.previousVersion])).toEqual([
      ['LABEL_SET', 2, 'production', 1], ['LABEL_SET', 2, 'staging', null], ['VERSION_REGISTERED', 2, null, null],
      ['LABEL_SET', 1, 'production', null], ['VERSION_REGISTERED', 1, null, null],
    ]);
    expect(prompt.prompt.history[0]).toMatchObject({ reason: 'staging looked good', outcome: 'APPLIED' });
  });

  it('renders with variables (defaults, missing and unknown ones) and chat templates', async () => {
    const r = await ok(loom, RENDER, { name: 'support-answer', label: 'production', vars: { question: 'why?' } });
    expect(r.renderPrompt).toEqual({ version: { version: 2 }, type: 'TEXT', text: 'Answer why? briefly in English.\nCite sources.', messages: null, config: { model: 'gpt-4o', temperature: 0 } });
    expect((await fails(loom, RENDER, { name: 'support-answer', vars: { language: 'French' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables.question' });
    expect((await fails(loom, RENDER, { name: 'support-answer', vars: { question: 'q', tone: 'x' } })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'variables.tone' });
    await ok(loom, CREATE, { input: { name: 'triage', template: { messages: [{ role: 'system', content: 'You triage {{product}} tickets.' }, { role: 'user', content: '{{ticket}}' }] } } });
    const chat = await ok(loom, RENDER, { name: 'triage', vars: { product: 'Loom', ticket: { id: 7, text: 'broken' } } });
    expect(chat.renderPrompt.messages).toEqual([{ role: 'system', content: 'You triage Loom tickets.' }, { role: 'user', content: '{"id":7,"text":"broken"}' }]);
  });

  it('diffs two versions: template lines, variables and config', async () => {
    const { diffPromptVersions: d } = await ok(loom, '{ diffPromptVersions(name: "support-answer", from: 1, to: 2) { lines { op text } unified variablesAdded variablesRemoved configChanges { key from to } typeChanged } }');
    expect(d.lines).toEqual([
      { op: 'REMOVED', text: 'Answer {{question}} in {{ language }}.' },
      { op: 'ADDED', text: 'Answer {{question}} briefly in {{language}}.' },
      { op: 'ADDED', text: 'Cite sources.' },
    ]);
    expect(d.unified).toBe('-Answer {{question}} in {{ language }}.\n+Answer {{question}} briefly in {{language}}.\n+Cite sources.');
    expect(d).toMatchObject({ variablesAdded: [], variablesRemoved: [], typeChanged: false, configChanges: [{ key: 'temperature', from: 0.2, to: 0 }] });
  });

  it('links evaluations to the prompt version they scored', async () => {
    await ok(loom, `mutation { recordEvaluation(input: {name: "judge", prompt: {name: "support-answer", version: 2},
      metrics: [{key: "relevance", value: 0.9}, {key: "correctness", value: 0.75}]}) { id } }`);
    const { promptVersion } = await ok(loom, '{ promptVersion(name: "support-answer", version: 2) { evaluations { name target metrics { key value } } } }');
    expect(promptVersion.evaluations).toEqual([{ name: 'judge', target: 'prompt:registry:support-answer@2', metrics: [{ key: 'correctness', value: 0.75 }, { key: 'relevance', value: 0.9 }] }]);
    const missing = await fails(loom, 'mutation { recordEvaluation(input: {prompt: {name: "support-answer", version: 99}, metrics: [{key: "x", value: 1}]}) { id } }');
    expect(missing.extensions?.code).toBe('NOT_FOUND');
    const both = await fails(loom, 'mutation { recordEvaluation(input: {metrics: [{key: "x", value: 1}]}) { id } }');
    expect(both.extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'input.model' });
  });

  it('rejects bad input with field paths, and leaves the production label to admins', async () => {
    const cases: [Record<string, unknown>, string][] = [
      [{ name: 'p', template: {} }, 'input.template'],
      [{ name: 'p', template: { text: 'hi {{a}}' }, variables: [{ name: 'b' }] }, 'input.variables[0].name'],
      [{ name: 'p', template: { messages: [{ role: 'robot', content: 'x' }] } }, 'input.template.messages[0].role'],
      [{ name: 'p', template: { text: 'x' }, labels: ['latest'] }, 'input.labels[0]'],
      [{ name: 'p', template: { text: 'x' }, config: [1, 2] }, 'input.config'],
    ];
    for (const [input, field] of cases) expect((await fails(loom, CREATE, { input })).extensions).toMatchObject({ code: 'BAD_USER_INPUT', field });
    expect((await ok(loom, '{ prompt(name: "p") { name } }')).prompt).toBeNull();
    await ok(loom, CREATE, { input: { name: 'support-answer', template: { text: 'v3 {{question}}' }, labels: ['staging'] } }, editorKey);
    expect((await fails(loom, LABEL, { input: { name: 'support-answer', label: 'production', version: 3 } }, editorKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await fails(loom, CREATE, { input: { name: 'support-answer', template: { text: 'x' }, labels: ['production'] } }, editorKey)).extensions?.code).toBe('FORBIDDEN');
    expect((await ok(loom, GET, { name: 'support-answer', label: 'production' })).promptVersion.version).toBe(2);
    expect((await ok(loom, '{ prompt(name: "support-answer") { versionCount } }')).prompt.versionCount).toBe(3);
  });

  it('keeps another tenant from seeing or labelling', async () => {
    expect(await ok(loom, '{ prompt(name: "support-answer") { name } prompts { name } }', {}, rivalKey)).toEqual({ prompt: null, prompts: [] });
    expect((await fails(loom, GET, { name: 'support-answer', label: 'production' }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, RENDER, { name: 'support-answer', vars: { question: 'q' } }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await fails(loom, LABEL, { input: { name: 'support-answer', label: 'production', version: 1 } }, rivalKey)).extensions?.code).toBe('NOT_FOUND');
    expect((await ok(loom, GET, { name: 'support-answer', label: 'production' })).promptVersion.version).toBe(2);
  });
});
