import { describe, expect, it } from 'vitest';
import { NODE_GAPS_KEEP, NODE_LIFECYCLE_KEEP } from '../domain/model.js';
import { decodeGaps, encodeGaps, foldProps, joinEndsGaps, mergeProps, readStoredProps, storedProps, type TimedProps } from './rows.js';

/** What mergeProps stored before it folded in one pass: the incoming keys folded one at a time, each over a fresh copy (stored props with every key's time). */
function reference(stored: string | undefined, incoming: TimedProps): TimedProps {
  let merged: TimedProps = stored ? (JSON.parse(stored) as TimedProps) : {};
  const times = incoming._t ?? {};
  for (const [k, v] of Object.entries(incoming)) if (k !== '_t') merged = foldProps(merged, { [k]: v }, times[k] ?? '');
  return merged;
}

/** A small deterministic generator, so a failure names a seed that reproduces it. */
function random(seed: number) {
  let s = seed;
  const next = () => ((s = (s * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
  const pick = <T>(xs: T[]) => xs[Math.floor(next() * xs.length)];
  const keys = ['a', 'b', 'facet', 'deletedAt', 'restoredAt', 'schema', 'z'];
  const times = ['', '2026-01-01T00:00:00Z', '2026-01-02T00:00:00Z', '2026-01-03T00:00:00Z'];
  const values = [null, 1, 2, 'x', 'y', '2026-01-02T00:00:00Z', { n: 1 }, [1, 2], true, undefined];
  const props = (): TimedProps => {
    const out: TimedProps = {};
    const n = Math.floor(next() * 5);
    for (let i = 0; i < n; i++) {
      const k = pick(keys);
      out[k] = pick(values) as never;
      if (next() < 0.8) (out._t ??= {})[k] = pick(times);
    }
    return out;
  };
  return { props, next };
}

describe('mergeProps', () => {
  it('stores exactly what folding key by key stores (same JSON text, same key order) and its validity', () => {
    for (let seed = 1; seed <= 3000; seed++) {
      const r = random(seed);
      const stored = r.next() < 0.3 ? undefined : JSON.stringify(r.props());
      const incoming = r.props();
      const got = mergeProps(stored, incoming);
      const want = reference(stored, incoming);
      expect(readStoredProps(got.props), `seed ${seed}`).toEqual(want);
      expect(got.props, `seed ${seed}`).toBe(storedProps(want));
      // Stored in the compact form first: the same result.
      if (stored) expect(mergeProps(storedProps(JSON.parse(stored) as TimedProps), incoming).props, `seed ${seed}`).toBe(got.props);
      // Stored beside the node's updatedAt (the latest time written, as the store keeps it): the same props.
      const latestOf = (p: TimedProps | undefined, from = '') => Object.values(p?._t ?? {}).reduce((a, b) => (b > a ? b : a), from);
      const storedAt = latestOf(stored ? (JSON.parse(stored) as TimedProps) : undefined);
      const nextAt = latestOf(incoming, storedAt);
      const beside = mergeProps(stored && storedProps(JSON.parse(stored) as TimedProps, storedAt), incoming, { stored: storedAt, next: nextAt });
      expect(readStoredProps(beside.props, nextAt), `seed ${seed}`).toEqual(want);
      // One drop and one re-create at most: the end of validity is the drop unless re-created after it.
      const times = (list: string[] | undefined, now: unknown) => new Set([...(list ?? []), ...(typeof now === 'string' ? [now] : [])]);
      const [drops, creates] = [times(want._L?.d, want.deletedAt), times(want._L?.r, want.restoredAt)];
      if (drops.size <= 1 && !creates.size) expect(got.validTo, `seed ${seed}`).toBe([...drops][0] ?? '');
    }
  });

  it('a later event time wins, an earlier one is ignored, null removes, a tie goes to the greater JSON either way round', () => {
    const stored = mergeProps(undefined, { a: 1, b: 2, c: 'x', d: 'y', _t: { a: 't2', b: 't2', c: 't2', d: 't2' } }).props;
    const next = JSON.parse(mergeProps(stored, { a: 9, b: null, c: 'y', d: 'x', _t: { a: 't1', b: 't3', c: 't2', d: 't2' } }).props) as TimedProps;
    expect(next).toEqual({ a: 1, b: null, c: 'y', d: 'y', _t: { b: 't3' }, _T: 't2' });
    expect(readStoredProps(JSON.stringify(next))).toEqual({ a: 1, b: null, c: 'y', d: 'y', _t: { a: 't2', b: 't3', c: 't2', d: 't2' } });
  });
});

describe('storedProps', () => {
  it('writes the time most keys share once (ties: the later), and reads back every key\'s time', () => {
    const props: TimedProps = { a: 1, b: 2, c: 3, d: 4, _t: { a: 't1', b: 't2', c: 't1', d: 't2' } };
    expect(JSON.parse(storedProps(props))).toEqual({ a: 1, b: 2, c: 3, d: 4, _t: { a: 't1', c: 't1' }, _T: 't2' });
    expect(readStoredProps(storedProps(props))).toEqual(props);
    expect(storedProps({ a: 1, b: 2, _t: { a: 't1', b: 't1' } })).toBe('{"a":1,"b":2,"_T":"t1"}');
  });

  it('writes `_U` for a shared time equal to the node\'s updatedAt: setting the same values later moves updatedAt, not the text', () => {
    const first = mergeProps(undefined, { a: 1, b: 2, _t: { a: 't1', b: 't1' } }, { stored: undefined, next: 't1' }).props;
    expect(first).toBe('{"a":1,"b":2,"_U":1}');
    expect(mergeProps(first, { a: 1, b: 2, _t: { a: 't2', b: 't2' } }, { stored: 't1', next: 't2' }).props).toBe(first);
    // Only `a` again, later: `b` keeps its own time, which is no longer the node's.
    const partly = mergeProps(first, { a: 1, _t: { a: 't2' } }, { stored: 't1', next: 't2' }).props;
    expect(JSON.parse(partly)).toEqual({ a: 1, b: 2, _t: { b: 't1' }, _U: 1 });
    expect(readStoredProps(partly, 't2')).toEqual({ a: 1, b: 2, _t: { a: 't2', b: 't1' } });
    // An older write changes nothing.
    expect(mergeProps(first, { a: 5, _t: { a: 't0' } }, { stored: 't1', next: 't1' }).props).toBe(first);
    expect(() => readStoredProps(first)).toThrow(/updatedAt/);
  });

  it('keeps the whole map when a key has no time (a missing entry would read as set at the shared time), and reads older rows as they are', () => {
    const untimed: TimedProps = { a: 1, b: 2, _t: { a: 't1' } };
    expect(storedProps(untimed)).toBe(JSON.stringify(untimed));
    expect(readStoredProps(JSON.stringify(untimed))).toEqual(untimed);
    expect(storedProps({})).toBe('{}');
  });
});

describe('a soft delete (hiddenAt)', () => {
  const timed = (props: Record<string, unknown>, at: string): TimedProps => foldProps({}, props, at);
  it('ends a node until its newest event time passes the deletion', () => {
    const stored = mergeProps(undefined, timed({ facet: 1 }, 't1'), { stored: undefined, next: 't1' }).props;
    const deleted = mergeProps(stored, timed({ hiddenAt: 't5' }, 't5'), { stored: 't1', next: 't5' });
    expect(deleted.validTo).toBe('t5');
    // An older event leaves the node's newest time at the deletion: still ended.
    expect(mergeProps(deleted.props, timed({ facet: 1 }, 't3'), { stored: 't5', next: 't5' }).validTo).toBe('t5');
    // A newer one brings it back, with the same props.
    const back = mergeProps(deleted.props, timed({ facet: 1 }, 't6'), { stored: 't5', next: 't6' });
    expect(back.validTo).toBe('');
    // Restored (hiddenAt cleared) at any time later than the deletion.
    expect(mergeProps(deleted.props, timed({ hiddenAt: null }, 't7'), { stored: 't5', next: 't7' }).validTo).toBe('');
    // The node's newest time given apart (the Neo4j store reads it from the node it merges).
    expect(mergeProps(deleted.props, {}, { stored: 't5', next: 't5' }, 't6').validTo).toBe('');
    expect(mergeProps(deleted.props, {}, { stored: 't5', next: 't5' }, 't5').validTo).toBe('t5');
  });

  it('keeps the earlier end when the node was also dropped', () => {
    const both = mergeProps(undefined, timed({ deletedAt: 't2', hiddenAt: 't4' }, 't4'), { stored: undefined, next: 't4' });
    expect(both.validTo).toBe('t2');
  });
});

describe('a drop and a re-create (deletedAt, restoredAt)', () => {
  const timed = (props: Record<string, unknown>, at: string): TimedProps => foldProps({}, props, at);
  const T = (d: number) => `2026-01-${String(d).padStart(2, '0')}T00:00:00.000Z`;
  /** Each write as the store makes it: merged over what the previous ones stored. */
  const store = (writes: TimedProps[]) => writes.reduce<ReturnType<typeof mergeProps> | undefined>((prev, w) => mergeProps(prev?.props, w), undefined)!;
  const drop = (d: number) => timed({ deletedAt: T(d) }, T(d));
  const create = (d: number) => timed({ restoredAt: T(d) }, T(d));

  it('keeps the time a re-created node was gone as a gap, and ends it at its last drop', () => {
    const back = store([drop(3), create(5)]);
    expect([back.validTo, decodeGaps(back.gaps)]).toEqual(['', [{ from: T(3), to: T(5) }]]);
    const gone = store([drop(3), create(5), drop(7), drop(8)]);
    expect([gone.validTo, decodeGaps(gone.gaps)]).toEqual([T(7), [{ from: T(3), to: T(5) }]]);
    // A re-create at the drop's own time wins (no gap); one before the first drop changes nothing.
    expect(store([drop(3), create(3), create(1)])).toMatchObject({ validTo: '', gaps: '' });
    // deletedAt removed at a time: a re-create then.
    expect(decodeGaps(store([drop(3), timed({ deletedAt: null }, T(6))]).gaps)).toEqual([{ from: T(3), to: T(6) }]);
    // Reads never return the history.
    expect(JSON.parse(back.props)).toHaveProperty('_L');
  });

  it('gives the same props and validity whatever order the writes arrive in, in one batch or many', () => {
    const writes = [drop(2), create(4), drop(6), create(9), drop(12), create(13), timed({ facet: 'x' }, T(5))];
    // Key order in the text follows arrival (reads sort the keys): compared parsed.
    const result = (w: TimedProps[]) => { const r = store(w); return { ...r, props: JSON.parse(r.props) as unknown }; };
    const want = result(writes);
    expect(decodeGaps(want.gaps)).toEqual([{ from: T(2), to: T(4) }, { from: T(6), to: T(9) }, { from: T(12), to: T(13) }]);
    let seed = 7;
    const next = () => ((seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31);
    for (let round = 0; round < 50; round++) {
      const shuffled = [...writes].sort(() => next() - 0.5);
      expect(result(shuffled)).toEqual(want);
      // Folded into one row first (one batch naming the node many times), then stored.
      const folded = shuffled.slice(1).reduce((acc, w) => foldProps(acc, Object.fromEntries(Object.entries(w).filter(([k]) => k !== '_t' && k !== '_L')), w._t![Object.keys(w).find((k) => k !== '_t' && k !== '_L')!]), shuffled[0]);
      expect(result([folded])).toEqual(want);
    }
  });

  it('keeps the newest of each, so a table re-created by every run stays small', () => {
    const writes = Array.from({ length: 200 }, (_, i) => timed({ restoredAt: `2026-01-01T00:00:${String(i % 60).padStart(2, '0')}.${String(i).padStart(3, '0')}Z` }, T(1)));
    const stored = store([drop(1), ...writes]);
    const l = (JSON.parse(stored.props) as TimedProps)._L!;
    expect([l.d, l.r!.length]).toEqual([[T(1)], NODE_LIFECYCLE_KEEP]);
    // The kept history starts at the oldest kept re-create: the older drop no longer counts.
    expect([stored.validTo, stored.gaps]).toEqual(['', '']);
    // A table dropped and created again by every run: its newest gaps only.
    const runs = Array.from({ length: 30 }, (_, i) => [drop(i + 1), timed({ restoredAt: `${T(i + 1).slice(0, 11)}01:00:00.000Z` }, T(i + 1))]).flat();
    const gaps = decodeGaps(store(runs).gaps);
    expect([gaps.length, gaps[0].from, gaps[gaps.length - 1].from]).toEqual([NODE_GAPS_KEEP, T(30 - NODE_GAPS_KEEP + 1), T(30)]);
  });
});

describe('an edge\'s endpoints\' gaps (joinEndsGaps)', () => {
  it('is their union, encoded as one node\'s, so one parity test tells whether either end was gone', () => {
    const g = (...bounds: [string, string][]) => encodeGaps(bounds.map(([from, to]) => ({ from, to })));
    expect(joinEndsGaps('', g(['t1', 't3']))).toBe(g(['t1', 't3']));
    expect(joinEndsGaps(g(['t1', 't3'], ['t6', 't7']), g(['t2', 't4'], ['t8', 't9']))).toBe(g(['t1', 't4'], ['t6', 't7'], ['t8', 't9']));
    expect(joinEndsGaps(g(['t1', 't5']), g(['t2', 't3']))).toBe(g(['t1', 't5']));
    expect(joinEndsGaps(g(['t1', 't2']), g(['t2', 't3']))).toBe(g(['t1', 't3']));
  });
});
