/**
 * The GraphStore contract's time travel (part of defineGraphStoreContract, run for every adapter):
 * edges and nodes valid at a time, an edge's gaps, a node dropped and created again.
 */
import { expect, it } from 'vitest';
import type { GraphStore } from '../domain/ports/GraphStore.js';
import { ds, job, reads, writes } from './graphstore.fixtures.js';

export function defineValidityCases(current: () => GraphStore, A: string): void {
  it('travels in time: as of T, only edges valid then and nodes that existed', async () => {
    const store = current();
    const T1 = '2025-01-01T00:00:00.000Z';
    const T2 = '2025-06-01T00:00:00.000Z';
    await store.write(A, {
      nodes: [{ ...ds('old_src'), at: T1 }, { ...job('old_job'), at: T1 }, { ...ds('late_out'), at: T2 }],
      edges: [{ ...reads('old_src', 'old_job'), validFrom: T1 }, { ...writes('old_job', 'late_out'), validFrom: T2 }],
    });
    const at = (t: string) => store.lineage(A, 'dataset:ns:old_src', { direction: 'DOWNSTREAM', depth: 3, limit: 10, asOf: t });
    expect((await at('2025-03-01T00:00:00.000Z'))!.nodes.map((n) => n.node.id)).toEqual(['job:ns:old_job']);
    expect((await at('2025-07-01T00:00:00.000Z'))!.nodes.map((n) => n.node.id)).toEqual(['job:ns:old_job', 'dataset:ns:late_out']);
    expect(await at('2024-01-01T00:00:00.000Z')).toBeNull(); // the root did not exist yet
    // an edge valid before its far end existed leads there only once it did
    await store.write(A, { nodes: [{ ...ds('born_late'), at: T2 }], edges: [{ ...writes('old_job', 'born_late'), validFrom: T1 }] });
    expect((await at('2025-03-01T00:00:00.000Z'))!.nodes.map((n) => n.node.id)).toEqual(['job:ns:old_job']);
    expect((await at('2025-07-01T00:00:00.000Z'))!.nodes.map((n) => n.node.id)).toEqual(['job:ns:old_job', 'dataset:ns:born_late', 'dataset:ns:late_out']);
    expect(await store.countLineage(A, 'dataset:ns:old_src', { direction: 'BOTH', depth: 2, cap: 10, asOf: '2024-01-01T00:00:00.000Z' })).toBeNull();
  });

  it('travels in time through an edge\'s gaps: left out as of a time inside one, kept until a write sets others', async () => {
    const store = current();
    const T = (m: string) => `2025-${m}-01T00:00:00.000Z`;
    // gap_src fed gap_job from January, stopped in March, fed it again from May, stopped for good in September.
    await store.write(A, {
      nodes: [{ ...ds('gap_src'), at: T('01') }, { ...job('gap_job'), at: T('01') }, { ...ds('gap_out'), at: T('01') }],
      edges: [{ ...reads('gap_src', 'gap_job'), validFrom: T('01'), validTo: T('09'), gaps: [{ from: T('03'), to: T('05') }] },
        { ...writes('gap_job', 'gap_out'), validFrom: T('01') }],
    });
    const at = async (t: string) => (await store.lineage(A, 'dataset:ns:gap_src', { direction: 'DOWNSTREAM', depth: 2, limit: 10, asOf: t }))!.nodes.map((n) => n.node.id);
    const count = async (t: string) => (await store.countLineage(A, 'dataset:ns:gap_src', { direction: 'DOWNSTREAM', depth: 2, cap: 10, asOf: t }))!.total;
    expect(await at(T('02'))).toEqual(['job:ns:gap_job', 'dataset:ns:gap_out']);
    expect(await at(T('03'))).toEqual([]); // a gap's start is inside it
    expect(await at(T('04'))).toEqual([]);
    expect(await count(T('04'))).toBe(0);
    expect(await at(T('05'))).toEqual(['job:ns:gap_job', 'dataset:ns:gap_out']); // its end is not
    expect(await at(T('10'))).toEqual([]);
    const edge = async () => (await store.neighbours(A, 'dataset:ns:gap_src', { direction: 'DOWNSTREAM', limit: 5, offset: 0, includeEnded: true }))!.items[0].edge;
    expect(await edge()).toMatchObject({ validFrom: T('01'), validTo: T('09'), gaps: [{ from: T('03'), to: T('05') }] });
    const walked = (await store.lineage(A, 'dataset:ns:gap_src', { direction: 'DOWNSTREAM', depth: 1, limit: 10, asOf: T('06') }))!;
    expect(walked.edges[0].gaps).toEqual([{ from: T('03'), to: T('05') }]);
    // a write that does not set gaps keeps them; one that sets none clears them
    await store.write(A, { nodes: [], edges: [{ ...reads('gap_src', 'gap_job'), props: { note: 'x' } }] });
    expect((await edge()).gaps).toEqual([{ from: T('03'), to: T('05') }]);
    expect(await at(T('04'))).toEqual([]);
    await store.write(A, { nodes: [], edges: [{ ...reads('gap_src', 'gap_job'), validTo: T('09'), gaps: [] }] });
    expect((await edge()).gaps ?? []).toEqual([]);
    expect(await at(T('04'))).toEqual(['job:ns:gap_job', 'dataset:ns:gap_out']);
    // two gaps, set on an edge created in the same write as its gaps
    await store.write(A, {
      nodes: [{ ...ds('gap_two'), at: T('01') }],
      edges: [{ ...reads('gap_two', 'gap_job'), validFrom: T('01'), validTo: null, gaps: [{ from: T('06'), to: T('07') }, { from: T('02'), to: T('03') }] }],
    });
    const two = async (t: string) => (await store.lineage(A, 'dataset:ns:gap_two', { direction: 'DOWNSTREAM', depth: 1, limit: 10, asOf: t }))!.nodes.length;
    expect([await two(T('01')), await two(T('02')), await two(T('04')), await two(T('06')), await two(T('08'))]).toEqual([1, 0, 1, 0, 1]);
    expect((await store.lineage(A, 'dataset:ns:gap_two', { direction: 'DOWNSTREAM', depth: 1, limit: 10 }))!.nodes.length).toBe(1);
    // an ended edge written as current again from a later time keeps the time it was ended; from before its end, no gap
    await store.write(A, { nodes: [], edges: [{ ...reads('gap_two', 'gap_job'), validFrom: T('08'), validTo: T('09') }] });
    await store.write(A, { nodes: [], edges: [{ ...reads('gap_two', 'gap_job'), validFrom: T('10'), validTo: null }] });
    expect([await two(T('09')), await two(T('11'))]).toEqual([0, 1]);
    await store.write(A, { nodes: [], edges: [{ ...reads('gap_src', 'gap_job'), validFrom: T('01'), validTo: null }] });
    expect(await at(T('04'))).toEqual(['job:ns:gap_job', 'dataset:ns:gap_out']); // gap_src: reopened from before its end
  });

  it('never hard-deletes: a dropped node leaves the current view, stays readable, shows as of before, and can come back', async () => {
    const store = current();
    const T = (d: string) => `2025-0${d}T00:00:00.000Z`;
    await store.write(A, {
      nodes: [{ ...ds('gone_src'), at: T('1-01') }, { ...job('gone_job'), at: T('1-01') }, { ...ds('gone'), at: T('1-01') }, { ...job('after_job'), at: T('1-01') }],
      edges: [{ ...reads('gone_src', 'gone_job'), validFrom: T('1-01') }, { ...writes('gone_job', 'gone'), validFrom: T('1-01') },
        { ...reads('gone', 'after_job'), validFrom: T('1-01') }],
    });
    await store.write(A, { nodes: [{ ...ds('gone', { deletedAt: T('3-01') }), at: T('3-01') }], edges: [] });
    const [node] = await store.getNodes(A, ['dataset:ns:gone']);
    expect(node!.validTo).toBe(T('3-01'));
    expect((await store.search(A, { text: 'gone', kinds: ['Dataset'], limit: 10 })).map((n) => n.id)).toEqual(['dataset:ns:gone_src']);
    const now = (await store.lineage(A, 'dataset:ns:gone_src', { direction: 'DOWNSTREAM', depth: 3, limit: 10 }))!;
    expect(now.nodes.map((n) => n.node.id)).toEqual(['job:ns:gone_job']);
    // from the dropped node itself: readable, but in the current view it leads nowhere
    const fromGone = (await store.lineage(A, 'dataset:ns:gone', { direction: 'BOTH', depth: 2, limit: 10 }))!;
    expect([fromGone.root.validTo, fromGone.nodes, fromGone.edges]).toEqual([T('3-01'), [], []]);
    // one hop as the walks take it (liveEnds): none to or from the dropped node; its edges themselves are current
    const hop = async (id: string, liveEnds: boolean) => (await store.neighbours(A, id, { direction: 'BOTH', limit: 10, offset: 0, liveEnds })).items.map((i) => i.node.id).sort();
    expect([await hop('job:ns:gone_job', true), await hop('job:ns:gone_job', false)]).toEqual([['dataset:ns:gone_src'], ['dataset:ns:gone', 'dataset:ns:gone_src']]);
    expect([await hop('dataset:ns:gone', true), await hop('dataset:ns:gone', false)]).toEqual([[], ['job:ns:after_job', 'job:ns:gone_job']]);
    const fromGoneBefore = (await store.lineage(A, 'dataset:ns:gone', { direction: 'BOTH', depth: 1, limit: 10, asOf: T('2-01') }))!;
    expect(fromGoneBefore.nodes.map((n) => n.node.id).sort()).toEqual(['job:ns:after_job', 'job:ns:gone_job']);
    const before = (await store.lineage(A, 'dataset:ns:gone_src', { direction: 'DOWNSTREAM', depth: 3, limit: 10, asOf: T('2-01') }))!;
    expect(before.nodes.map((n) => n.node.id)).toEqual(['job:ns:gone_job', 'dataset:ns:gone', 'job:ns:after_job']);
    // re-created later: valid again; an older re-create (arriving late) would not undo a newer drop
    await store.write(A, { nodes: [{ ...ds('gone', { restoredAt: T('4-01') }), at: T('4-01') }], edges: [] });
    expect((await store.getNodes(A, ['dataset:ns:gone']))[0]!.validTo).toBeNull();
    // the walk no longer stops there (nor does an edge written while the node was gone)
    const again = (await store.lineage(A, 'dataset:ns:gone_src', { direction: 'DOWNSTREAM', depth: 3, limit: 10 }))!;
    expect(again.nodes.map((n) => n.node.id)).toEqual(['job:ns:gone_job', 'dataset:ns:gone', 'job:ns:after_job']);
    expect(await hop('job:ns:gone_job', true)).toEqual(['dataset:ns:gone', 'dataset:ns:gone_src']);
  });

  it('travels in time through a node dropped and created again: gone in between, in any arrival order', async () => {
    const store = current();
    const T = (m: string) => `2024-${m}-01T00:00:00.000Z`;
    // back_src -> back_job -> back -> back_reader; back dropped in March, created again in May.
    await store.write(A, {
      nodes: ['back', 'back2'].flatMap((b) => [{ ...ds(`${b}_src`), at: T('01') }, { ...job(`${b}_job`), at: T('01') }, { ...ds(b), at: T('01') }, { ...job(`${b}_reader`), at: T('01') }]),
      edges: ['back', 'back2'].flatMap((b) => [{ ...reads(`${b}_src`, `${b}_job`), validFrom: T('01') }, { ...writes(`${b}_job`, b), validFrom: T('01') }, { ...reads(b, `${b}_reader`), validFrom: T('01') }]),
    });
    const drop = (b: string, m: string) => ({ ...ds(b, { deletedAt: T(m) }), at: T(m) });
    const create = (b: string, m: string) => ({ ...ds(b, { restoredAt: T(m) }), at: T(m) });
    await store.write(A, { nodes: [drop('back', '03')], edges: [] });
    await store.write(A, { nodes: [create('back', '05')], edges: [] });
    // back2 the other way round, and its drop and re-create in one batch with a late, older re-create.
    await store.write(A, { nodes: [create('back2', '05'), drop('back2', '03'), create('back2', '02')], edges: [] });
    for (const b of ['back', 'back2']) {
      const [node] = await store.getNodes(A, [`dataset:ns:${b}`]);
      expect([node!.validTo, node!.gaps], b).toEqual([null, [{ from: T('03'), to: T('05') }]]);
      const at = async (t?: string) => (await store.lineage(A, `dataset:ns:${b}_src`, { direction: 'DOWNSTREAM', depth: 3, limit: 10, asOf: t }))!.nodes.map((n) => n.node.id);
      expect(await at(T('02')), b).toEqual([`job:ns:${b}_job`, `dataset:ns:${b}`, `job:ns:${b}_reader`]);
      expect(await at(T('04')), b).toEqual([`job:ns:${b}_job`]); // gone: the walk stops there
      expect(await at(T('06')), b).toEqual([`job:ns:${b}_job`, `dataset:ns:${b}`, `job:ns:${b}_reader`]);
      expect(await at(), b).toEqual([`job:ns:${b}_job`, `dataset:ns:${b}`, `job:ns:${b}_reader`]);
      expect((await store.countLineage(A, `dataset:ns:${b}_src`, { direction: 'DOWNSTREAM', depth: 3, cap: 10, asOf: T('04') }))!.total, b).toBe(1);
    }
    // Both ends of an edge gone for a while (back_reader from April to June): the edge is out while either is.
    await store.write(A, { nodes: [{ ...job('back_reader'), props: { deletedAt: T('04') }, at: T('04') }, { ...job('back_reader'), props: { restoredAt: T('06') }, at: T('06') }], edges: [] });
    const both = async (t: string) => (await store.lineage(A, 'dataset:ns:back_src', { direction: 'DOWNSTREAM', depth: 3, limit: 10, asOf: t }))!.nodes.map((n) => n.node.id);
    expect([await both(T('04')), await both('2024-05-15T00:00:00.000Z'), await both(T('06'))]).toEqual([
      ['job:ns:back_job'], ['job:ns:back_job', 'dataset:ns:back'], ['job:ns:back_job', 'dataset:ns:back', 'job:ns:back_reader']]);
    // From the node itself while it was gone (back_reader still there in March): it leads nowhere.
    expect((await store.lineage(A, 'dataset:ns:back', { direction: 'DOWNSTREAM', depth: 2, limit: 10, asOf: '2024-03-15T00:00:00.000Z' }))!.nodes).toEqual([]);
    // Edges written after the gap was known, through the node: gone in between too.
    await store.write(A, {
      nodes: [{ ...job('feed_job'), at: T('01') }, { ...job('late_job'), at: T('01') }],
      edges: [{ ...writes('feed_job', 'back'), validFrom: T('01') }, { ...reads('back', 'late_job'), validFrom: T('01') }],
    });
    const fed = async (t: string) => (await store.lineage(A, 'job:ns:feed_job', { direction: 'DOWNSTREAM', depth: 2, limit: 10, asOf: t }))!.nodes.map((n) => n.node.id);
    expect(await fed(T('04'))).toEqual([]);
    expect(await fed(T('06'))).toEqual(['dataset:ns:back', 'job:ns:back_reader', 'job:ns:late_job']);
    // Dropped again, twice: ended at the first of the two, the gap kept.
    await store.write(A, { nodes: [drop('back', '07')], edges: [] });
    await store.write(A, { nodes: [drop('back', '08')], edges: [] });
    const [gone] = await store.getNodes(A, ['dataset:ns:back']);
    expect([gone!.validTo, gone!.gaps]).toEqual([T('07'), [{ from: T('03'), to: T('05') }]]);
    expect(await fed(T('06'))).toEqual(['dataset:ns:back', 'job:ns:back_reader', 'job:ns:late_job']);
    expect(await fed(T('07'))).toEqual([]);
  });
}
