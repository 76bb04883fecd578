import { describe, expect, it } from 'vitest';
import { createdRunEventOf, datasetEventOf, jobEventOf, transitionEventOf } from './marquez-writes.js';
import { validateEvent } from './validate.js';

const NOW = '2026-12-06T12:00:00.000Z';
const io = { inputs: [{ namespace: 'n', name: 'a' }], outputs: [{ namespace: 'n', name: 'b' }] };

describe("Marquez's older write API as OpenLineage events", () => {
  it('makes events the ingest validates, with the facets Marquez fields map to', () => {
    const ds = datasetEventOf('n', 't', {
      type: 'DB_TABLE', physicalName: 't', sourceName: 'pg', description: 'd', tags: ['gold'], fields: [{ name: 'e', type: 'TEXT', tags: 'PII' }],
    }, NOW);
    const job = jobEventOf('n', 'j', { type: 'STREAM', inputs: io.inputs, outputs: io.outputs, location: 'https://x', context: { sql: 'SELECT 1' } }, NOW);
    const run = createdRunEventOf('n', 'j', io, { nominalStartTime: '2026-12-06T11:00:00+01:00' }, NOW);
    const end = transitionEventOf({ namespace: 'n', name: 'j' }, io, run.runId, 'complete', null, NOW);
    for (const e of [ds, job, run.event, end]) expect(() => validateEvent(e)).not.toThrow();
    expect((ds.dataset as { facets: Record<string, unknown> }).facets).toMatchObject({
      schema: { fields: [{ name: 'e', type: 'TEXT' }] }, dataSource: { name: 'pg' }, documentation: { description: 'd' }, datasetType: { datasetType: 'TABLE' },
      tags: { tags: [{ key: 'gold', value: 'true', source: 'MARQUEZ' }, { key: 'PII', value: 'true', source: 'MARQUEZ', field: 'e' }] },
    });
    expect((job.job as { facets: Record<string, unknown> }).facets).toMatchObject({
      jobType: { processingType: 'STREAMING', integration: 'MARQUEZ' }, sourceCodeLocation: { url: 'https://x' }, sql: { query: 'SELECT 1' },
    });
    expect(run.event).toMatchObject({ run: { facets: { nominalTime: { nominalStartTime: '2026-12-06T10:00:00.000Z' } } }, inputs: io.inputs });
    expect('eventType' in run.event).toBe(false); // NEW until started
    expect(end).toMatchObject({ eventType: 'COMPLETE', eventTime: NOW, outputs: io.outputs });
  });

  it('names the field it refuses', () => {
    expect(() => datasetEventOf('n', 't', { type: 'DB_TABLE', physicalName: 't', sourceName: 'pg', fields: [{ name: 'e', type: 'T', tags: [1] }] }, NOW)).toThrow(/^fields\[0\]\.tags: /);
    expect(() => jobEventOf('n', 'j', { type: 'BATCH', inputs: 'a', outputs: [] }, NOW)).toThrow(/^inputs: must be a list/);
    expect(() => jobEventOf('n', 'j', { type: 'BATCH', inputs: [], outputs: [], context: 'x' }, NOW)).toThrow(/^context: must be a JSON object/);
    expect(() => datasetEventOf('n', 't', { type: 'STREAM', physicalName: 't', sourceName: 's', fields: [null] }, NOW)).toThrow(/^fields\[0\]: must be a JSON object/);
    expect(() => createdRunEventOf('n', 'j', io, { nominalStartTime: 'soon' }, NOW)).toThrow(/^nominalStartTime: /);
    expect(() => transitionEventOf({ namespace: 'n', name: 'j' }, io, 'r', 'start', '2026-13-45T00:00:00Z', NOW)).toThrow(/^at: /);
  });
});
