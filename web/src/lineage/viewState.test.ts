import { describe, expect, it } from 'vitest';
import { withQuery } from '../shell/router.js';
import { formatExpansions, parseExpansions, parseViewState, viewStateQuery } from './viewState.js';

describe('view state in the URL', () => {
  it('has defaults for an empty query and rejects bad values', () => {
    expect(parseViewState(new URLSearchParams(''))).toEqual({
      node: null, selected: null, direction: 'BOTH', depth: 3, asOf: null, view: 'graph', kinds: [], expansions: [], hubs: [], showAll: false, grouped: null, opened: [], tag: null,
    });
    const bad = parseViewState(new URLSearchParams('direction=SIDEWAYS&depth=99&asOf=yesterday&view=3d'));
    expect(bad).toMatchObject({ direction: 'BOTH', depth: 3, asOf: null, view: 'graph' });
  });

  it('round-trips every field through the URL, leaving defaults out', () => {
    const state = {
      node: 'dataset:s3://lake:a,b', selected: 'job:etl:x', direction: 'UPSTREAM' as const, depth: 5, asOf: '2026-03-03T00:00:00.000Z',
      view: 'columns' as const, kinds: ['Dataset', 'Job'],
      expansions: [{ anchor: 'dataset:s3://lake:a,b', direction: 'DOWNSTREAM' as const, pages: 2 }, { anchor: 'job:etl:x', direction: 'UPSTREAM' as const, pages: 1 }],
      hubs: [{ anchor: 'job:etl:x', direction: 'DOWNSTREAM' as const, pages: 3 }], showAll: true,
      grouped: true, opened: ['Run|airflow-prod', 'Dataset|hive://metastore:9083,x'], tag: 'PII & co',
    };
    const url = withQuery('/lineage', viewStateQuery(state));
    expect(parseViewState(new URL(url, 'http://x').searchParams)).toEqual(state);
    expect(withQuery('/lineage', viewStateQuery({ ...state, direction: 'BOTH', depth: 3, view: 'graph', kinds: [], expansions: [], hubs: [], showAll: false, asOf: null, selected: null, grouped: null, opened: [], tag: null })))
      .toBe(`/lineage?node=${encodeURIComponent(state.node).replace(/%20/g, '+')}`);
  });

  it('keeps the grouping choice: on, off, or not made (large answers then group by themselves)', () => {
    for (const [grouped, group] of [[true, '1'], [false, '0'], [null, null]] as const) {
      const url = new URL(withQuery('/lineage?node=a', viewStateQuery({ grouped })), 'http://x');
      expect(url.searchParams.get('group')).toBe(group);
      expect(parseViewState(url.searchParams).grouped).toBe(grouped);
    }
    expect(parseViewState(new URLSearchParams('group=yes')).grouped).toBeNull();
  });

  it('encodes expansions compactly and skips malformed ones', () => {
    expect(formatExpansions([{ anchor: 'a:b', direction: 'UPSTREAM', pages: 3 }])).toBe('u3:a%3Ab');
    expect(parseExpansions('u3:a%3Ab,x1:c,d0:e,d2:%E0%A4%A,d1:ok')).toEqual([
      { anchor: 'a:b', direction: 'UPSTREAM', pages: 3 }, { anchor: 'ok', direction: 'DOWNSTREAM', pages: 1 },
    ]);
  });
});
