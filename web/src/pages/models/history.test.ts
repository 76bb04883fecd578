import { describe, expect, it } from 'vitest';
import { describeEntry } from './history.js';

describe('describeEntry', () => {
  it('names stage transitions with both stages', () => {
    expect(describeEntry({ type: 'STAGE_TRANSITION', version: 3, fromStage: 'Staging', toStage: 'Production' }, 'model')).toMatchObject({ key: 'transition', vars: { version: 3, from: 'Staging', to: 'Production' } });
    expect(describeEntry({ type: 'STAGE_TRANSITION', version: 1, fromStage: null, toStage: 'Staging' }, 'model').vars.from).toBe('None');
  });

  it('tells a moved alias or label from a newly set one', () => {
    expect(describeEntry({ type: 'ALIAS_SET', version: 2, pointer: 'champion', previousVersion: 1 }, 'model')).toMatchObject({ key: 'pointerMoved', vars: { pointer: 'champion', previous: 1, version: 2 } });
    expect(describeEntry({ type: 'ALIAS_SET', version: 2, pointer: 'champion', previousVersion: null }, 'model').key).toBe('pointerSet');
    expect(describeEntry({ type: 'LABEL_SET', version: 4, pointer: 'production', previousVersion: 4 }, 'prompt').key).toBe('pointerSet');
    expect(describeEntry({ type: 'LABEL_REMOVED', pointer: 'staging', previousVersion: 2 }, 'prompt')).toMatchObject({ key: 'pointerRemoved', vars: { previous: 2 } });
  });

  it('words registrations per subject and keeps unknown types visible', () => {
    expect(describeEntry({ type: 'VERSION_REGISTERED', version: 1 }, 'model').key).toBe('registered');
    expect(describeEntry({ type: 'VERSION_REGISTERED', version: 1 }, 'prompt').key).toBe('created');
    expect(describeEntry({ type: 'GATES_SET' }, 'model').key).toBe('gatesSet');
    expect(describeEntry({ type: 'SOMETHING_NEW' }, 'model')).toMatchObject({ key: 'unknown', vars: { type: 'SOMETHING_NEW' } });
  });
});
