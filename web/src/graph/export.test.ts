import { describe, expect, it } from 'vitest';
import { toElements } from './elements.js';
import { EXPORT_FORMAT, exportFileName, exportView } from './export.js';

const n = (id: string, kind = 'Dataset') => ({ id, kind, namespace: 'ns', name: id });

describe('exportView', () => {
  const elements = toElements({
    root: n('root', 'Job'),
    nodes: [{ node: n('a'), distance: 1 }, { node: { id: 'more:down:root', kind: 'More', namespace: '', name: '40' }, distance: 1 }],
    edges: [{ kind: 'OUTPUT', from: 'root', to: 'a' }, { kind: 'More', from: 'root', to: 'more:down:root' }],
  });

  it('lists nodes with positions and edges, leaving placeholders out but counting what they hide', () => {
    const view = exportView(elements, { root: { x: 1.234, y: 2 }, a: { x: 230, y: 2 } }, { url: 'http://loom/lineage?node=root', root: 'root', at: new Date('2026-03-03T00:00:00Z') });
    expect(view).toEqual({
      format: EXPORT_FORMAT, exportedAt: '2026-03-03T00:00:00.000Z', url: 'http://loom/lineage?node=root', root: 'root',
      nodes: [
        { id: 'root', kind: 'Job', namespace: 'ns', name: 'root', distance: 0, x: 1.2, y: 2 },
        { id: 'a', kind: 'Dataset', namespace: 'ns', name: 'a', distance: 1, x: 230, y: 2 },
      ],
      edges: [{ kind: 'OUTPUT', from: 'root', to: 'a' }],
      hidden: [{ placeholder: 'more:down:root', count: 40 }],
    });
  });

  it('names files safely', () => {
    expect(exportFileName('s3://lake/raw events', new Date('2026-03-03T04:05:06Z'), 'png')).toBe('lineage-s3_lake_raw_events-2026-03-03-04-05-06.png');
    expect(exportFileName(null, new Date('2026-03-03T04:05:06Z'), 'json')).toBe('lineage-view-2026-03-03-04-05-06.json');
  });
});
