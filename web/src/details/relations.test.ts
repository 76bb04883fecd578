import { describe, expect, it } from 'vitest';
import { assertionsOf, fieldType, groupRelations, propsWithPrefix, relationsOf, RELATION_GROUPS, type RelationPages, runState, droppedFields, returnedFields, transformationsOf, type Relation } from './relations.js';

const node = (id: string, kind: string, createdAt = '2026-03-01T00:00:00Z', props: unknown = {}) =>
  ({ id, kind, namespace: 'ns', name: id, props, createdAt, updatedAt: createdAt });
const rel = (kind: string, from: string, to: string, other: ReturnType<typeof node>, props: unknown = {}): Relation =>
  ({ edge: { kind, from, to, props, validFrom: '2026-03-01T00:00:00Z', validTo: null }, node: other });

describe('groupRelations', () => {
  it('groups a dataset\'s fields, versions (newest first), runs and consumers', () => {
    const ds = 'dataset:ns:t';
    const r = groupRelations(ds, [
      rel('HAS_FIELD', ds, 'f:b', node('f:b', 'Field')), rel('HAS_FIELD', ds, 'f:a', node('f:a', 'Field')), rel('HAS_FIELD', ds, 'feature:x', node('feature:x', 'Feature')),
      rel('HAS_VERSION', ds, 'v1', node('v1', 'DatasetVersion', '2026-03-01T00:00:00Z')), rel('HAS_VERSION', ds, 'v2', node('v2', 'DatasetVersion', '2026-03-02T00:00:00Z')),
      rel('READ_BY', ds, 'run1', node('run1', 'Run', '2026-03-01T00:00:00Z')), rel('WROTE', 'run2', ds, node('run2', 'Run', '2026-03-05T00:00:00Z')),
      rel('INPUT_TO', ds, 'job', node('job', 'Job')),
    ]);
    expect(r.fields.map((f) => f.id)).toEqual(['f:a', 'f:b']);
    expect(r.versions.map((v) => v.id)).toEqual(['v2', 'v1']);
    expect(r.runs.map((x) => [x.node.id, x.role])).toEqual([['run2', 'wrote'], ['run1', 'read']]);
    expect(r.inputs).toEqual([]); // a dataset is an input of the job, not the other way round
    expect(r.owner).toBeNull();
  });

  it('finds a job\'s inputs, outputs and runs, a version\'s owner and a field\'s derivations', () => {
    const job = groupRelations('j', [rel('INPUT_TO', 'd1', 'j', node('d1', 'Dataset')), rel('OUTPUT', 'j', 'd2', node('d2', 'Dataset')), rel('RUN_OF', 'r', 'j', node('r', 'Run'))]);
    expect([job.inputs[0].id, job.outputs[0].id, job.runs[0].role]).toEqual(['d1', 'd2', 'of']);
    expect(groupRelations('v', [rel('HAS_VERSION', 'j', 'v', node('j', 'Job'))]).owner?.id).toBe('j');
    const field = groupRelations('f', [rel('DERIVES', 'src', 'f', node('src', 'Field')), rel('DERIVES', 'f', 'out', node('out', 'Field'))]);
    expect([field.derivedFrom[0].node.id, field.derives[0].node.id]).toEqual(['src', 'out']);
  });
});

describe('props readers', () => {
  it('reads facets, quality assertions, run state, field type and transformations', () => {
    const props = {
      'facets.schema': { fields: [] }, 'facets.gone': null, 'quality.dataQualityAssertions': { assertions: [{ assertion: 'not_null', column: 'id', success: true }, { assertion: 'unique', success: false }, { bad: 1 }] },
      'at.START': '2026-03-01T00:00:00Z', 'at.FAIL': '2026-03-01T00:05:00Z', type: 'VARCHAR',
    };
    expect(propsWithPrefix(props, 'facets')).toEqual([{ name: 'schema', value: { fields: [] } }]);
    expect(assertionsOf(props)).toEqual([{ assertion: 'not_null', column: 'id', success: true }, { assertion: 'unique', column: null, success: false }]);
    expect(runState(props)).toBe('FAIL');
    expect(runState({})).toBeNull();
    expect(fieldType(props)).toBe('VARCHAR');
    expect(transformationsOf({ transformations: [{ type: 'DIRECT', subtype: 'TRANSFORMATION', masking: true }] })).toEqual([{ label: 'DIRECT/TRANSFORMATION', masked: true }]);
    expect(transformationsOf(null)).toEqual([]);
  });
});

describe('droppedFields', () => {
  it('lists the fields whose HAS_FIELD edge ended, latest drop first, and not a field current again', () => {
    const f = (id: string, kind = 'Field') => ({ id, kind });
    const items = [
      { edge: { validTo: null }, node: f('t#id') },
      { edge: { validTo: '2026-03-01T02:00:00.000Z' }, node: f('t#coupon') },
      { edge: { validTo: '2026-03-02T00:00:00.000Z' }, node: f('t#email') },
      { edge: { validTo: '2026-03-02T00:00:00.000Z' }, node: f('t#x', 'Feature') },
    ];
    expect(droppedFields(items)).toEqual([
      { node: f('t#email'), droppedAt: '2026-03-02T00:00:00.000Z' },
      { node: f('t#coupon'), droppedAt: '2026-03-01T02:00:00.000Z' },
    ]);
    expect(droppedFields([...items, { edge: { validTo: null }, node: f('t#coupon') }]).map((d) => d.node.id)).toEqual(['t#email']);
  });
});

describe('returnedFields', () => {
  it('names the current fields whose HAS_FIELD edge has gaps, with them; not ended ones, not features', () => {
    const gap = { from: '2026-03-01T02:00:00.000Z', to: '2026-03-01T05:00:00.000Z' };
    const items = [
      { edge: { validTo: null, gaps: [gap] }, node: { id: 't#email', kind: 'Field' } },
      { edge: { validTo: null, gaps: [] }, node: { id: 't#id', kind: 'Field' } },
      { edge: { validTo: '2026-03-02T00:00:00.000Z', gaps: [gap] }, node: { id: 't#coupon', kind: 'Field' } },
      { edge: { validTo: null, gaps: [gap] }, node: { id: 't#x', kind: 'Feature' } },
    ];
    expect([...returnedFields(items)]).toEqual([['t#email', [gap]]]);
  });
});

describe('relationsOf', () => {
  it('counts each section by its own total: a job reading 2,000 datasets still has its run and its output', () => {
    const job = 'job:ns:hub';
    const empty = Object.fromEntries(RELATION_GROUPS.map((g) => [g, { total: 0, items: [] }])) as unknown as RelationPages;
    const inputs = Array.from({ length: 300 }, (_, i) => rel('INPUT_TO', `d${i}`, job, node(`d${i}`, 'Dataset')));
    const r = relationsOf(job, {
      ...empty,
      inputs: { total: 2000, items: inputs },
      runs: { total: 1, items: [rel('RUN_OF', 'run1', job, node('run1', 'Run'))] },
      outputs: { total: 1, items: [rel('OUTPUT', job, 'out', node('out', 'Dataset'))] },
    });
    expect(r.counts).toMatchObject({ inputs: 2000, runs: 1, outputs: 1, versions: 0 });
    expect([r.inputs.length, r.runs.map((x) => x.node.id), r.outputs.map((n) => n.id), r.cut]).toEqual([300, ['run1'], ['out'], true]);
  });
});
