import { describe, expect, it } from 'vitest';
import { gateOfField, gatesToRows, newRow, rowsToInput, splitAliases, toggleStage, type GateRow } from './gate-form.js';
import type { GateConfig } from './gates.js';

const config = (over: Partial<GateConfig>): GateConfig => ({
  index: 0, kind: 'METRIC_THRESHOLD', stages: ['Production'], aliases: [], metric: null, source: null, op: null, threshold: null, depth: null, plugin: null, params: null, ...over,
});
const row = (over: Partial<GateRow>): GateRow => ({ ...newRow(0), ...over });

describe('gatesToRows', () => {
  it('turns each kind of configured gate into a row, in the configuration\'s order', () => {
    const rows = gatesToRows([
      config({ index: 2, kind: 'PLUGIN', plugin: 'change-approval', params: { url: 'http://x' }, stages: [], aliases: ['champion', 'canary'] }),
      config({ index: 0, metric: 'auc', source: 'RUN', op: 'GT', threshold: 0.9, stages: ['Staging', 'Production'] }),
      config({ index: 1, kind: 'UPSTREAM_QUALITY', depth: 2 }),
    ]);
    expect(rows.map((r) => [r.id, r.kind])).toEqual([[0, 'METRIC_THRESHOLD'], [1, 'UPSTREAM_QUALITY'], [2, 'PLUGIN']]);
    expect(rows[0]).toMatchObject({ metric: 'auc', source: 'RUN', op: 'GT', threshold: '0.9', stages: ['Production', 'Staging'], aliases: '' });
    expect(rows[1]).toMatchObject({ depth: '2' });
    expect(rows[2]).toMatchObject({ plugin: 'change-approval', params: '{\n  "url": "http://x"\n}', aliases: 'champion, canary', stages: [] });
  });

  it('fills what a gate leaves unset with the server\'s defaults', () => {
    expect(gatesToRows([config({})])[0]).toMatchObject({ metric: '', source: 'EVALUATION', op: 'GTE', threshold: '', depth: '3', plugin: '', params: '' });
  });
});

describe('rowsToInput', () => {
  it('sends only the fields of each row\'s kind', () => {
    const rows = [
      row({ metric: ' auc ', source: 'RUN', op: 'GTE', threshold: '0.9', aliases: 'champion, , canary ', plugin: 'left-over' }),
      row({ kind: 'UPSTREAM_QUALITY', depth: '2', stages: ['Staging'] }),
      row({ kind: 'PLUGIN', plugin: 'change-approval', params: '{"url": "http://127.0.0.1:9/approval"}', metric: 'ignored' }),
    ];
    expect(rowsToInput(rows)).toEqual({
      gates: [
        { kind: 'METRIC_THRESHOLD', stages: ['Production'], aliases: ['champion', 'canary'], metric: 'auc', source: 'RUN', op: 'GTE', threshold: 0.9 },
        { kind: 'UPSTREAM_QUALITY', stages: ['Staging'], aliases: [], depth: 2 },
        { kind: 'PLUGIN', stages: ['Production'], aliases: [], plugin: 'change-approval', params: { url: 'http://127.0.0.1:9/approval' } },
      ],
    });
  });

  it('leaves the rules to the server: empty fields go as null', () => {
    expect(rowsToInput([row({ stages: [] }), row({ kind: 'PLUGIN', plugin: '' })])).toEqual({
      gates: [
        { kind: 'METRIC_THRESHOLD', stages: [], aliases: [], metric: null, source: 'EVALUATION', op: 'GTE', threshold: null },
        { kind: 'PLUGIN', stages: ['Production'], aliases: [], plugin: null, params: null },
      ],
    });
  });

  it('names every row whose numbers or JSON cannot be read, and sends nothing', () => {
    const result = rowsToInput([
      row({ threshold: 'high' }),
      row({ kind: 'UPSTREAM_QUALITY', depth: '1.5' }),
      row({ kind: 'PLUGIN', params: '{"url": ' }),
      row({ kind: 'UPSTREAM_QUALITY', depth: '4' }),
    ]);
    if (!('problems' in result)) throw new Error('expected problems');
    expect(result.problems.map(({ row: r, field, key }) => [r, field, key])).toEqual([[0, 'threshold', 'number'], [1, 'depth', 'integer'], [2, 'params', 'json']]);
    expect(result.problems[2].detail).toBeTruthy();
  });

  it('sends an empty list when every gate was removed', () => {
    expect(rowsToInput([])).toEqual({ gates: [] });
  });
});

describe('form pieces', () => {
  it('keeps stages in the registry\'s order as they are checked', () => {
    expect(toggleStage(['Production'], 'Staging', true)).toEqual(['Production', 'Staging']);
    expect(toggleStage(['Archived', 'Production'], 'None', true)).toEqual(['Production', 'None', 'Archived']);
    expect(toggleStage(['Production', 'Staging'], 'Production', false)).toEqual(['Staging']);
  });

  it('splits aliases on commas', () => {
    expect(splitAliases(' champion,challenger , ,')).toEqual(['champion', 'challenger']);
    expect(splitAliases('')).toEqual([]);
  });

  it('finds the row and field a server error names', () => {
    expect(gateOfField('input.gates[3].metric')).toEqual({ row: 3, field: 'metric' });
    expect(gateOfField('input.gates[0].stages[1]')).toEqual({ row: 0, field: 'stages' });
    expect(gateOfField('input.gates[12]')).toEqual({ row: 12, field: null });
    expect(gateOfField('input.gates')).toBeNull();
    expect(gateOfField('input.reason')).toBeNull();
    expect(gateOfField(null)).toBeNull();
  });
});
