import { describe, expect, it } from 'vitest';
import type { NodeKind } from '../../server/src/domain/model.js';
import type { WriteBatch } from '../../server/src/domain/ports/GraphStore.js';
import { lineageGraph, lineageGraphLayout, midDepthRoots, type LineageGraphOptions } from './lineage-graph.js';

const OPTS: LineageGraphOptions = { nodes: 3000, seed: 42 };
const all = (opts = OPTS, size = 500): WriteBatch[] => [...lineageGraph(opts, size)];

describe('synthetic lineage graph', () => {
  it('is deterministic for a seed and differs across seeds', () => {
    expect(all()).toEqual(all());
    expect(all({ ...OPTS, seed: 43 })).not.toEqual(all());
    expect(midDepthRoots(OPTS, 10)).toEqual(midDepthRoots(OPTS, 10));
  });

  it('yields exactly N unique nodes in batches of the given size', () => {
    const batches = all();
    expect(batches.map((b) => b.nodes.length)).toEqual(Array(6).fill(500));
    const ids = batches.flatMap((b) => b.nodes.map((n) => n.id));
    expect(new Set(ids).size).toBe(3000);
    expect(ids.every((id) => /^(dataset|job):[a-z0-9]+:\/\/[^:]+(:\d+)?:[a-z]+\.[a-z_]+_v\d+$/.test(id))).toBe(true);
  });

  it('only has edges to nodes of the same or an earlier batch, no duplicate edges', () => {
    const seen = new Set<string>();
    const edges = new Set<string>();
    for (const batch of all()) {
      for (const n of batch.nodes) seen.add(n.id);
      for (const e of batch.edges) {
        expect(seen.has(e.from) && seen.has(e.to)).toBe(true);
        edges.add(`${e.kind} ${e.from} ${e.to}`);
      }
    }
    expect(edges.size).toBe(all().reduce((sum, b) => sum + b.edges.length, 0));
  });

  it('alternates kinds: INPUT_TO dataset → job, OUTPUT job → dataset, fan-in 1–4, fan-out 1–3', () => {
    const batches = all();
    const kind = new Map<string, NodeKind>(batches.flatMap((b) => b.nodes.map((n) => [n.id, n.kind] as const)));
    const fanIn = new Map<string, number>();
    const fanOut = new Map<string, number>();
    for (const e of batches.flatMap((b) => b.edges)) {
      if (e.kind === 'INPUT_TO') expect([kind.get(e.from), kind.get(e.to)]).toEqual(['Dataset', 'Job']);
      else expect([e.kind, kind.get(e.from), kind.get(e.to)]).toEqual(['OUTPUT', 'Job', 'Dataset']);
      const counts = e.kind === 'INPUT_TO' ? fanIn : fanOut;
      const job = e.kind === 'INPUT_TO' ? e.to : e.from;
      counts.set(job, (counts.get(job) ?? 0) + 1);
    }
    const jobs = [...kind].filter(([, k]) => k === 'Job').map(([id]) => id);
    expect(jobs.length).toBeGreaterThan(500);
    for (const job of jobs) {
      expect(fanIn.get(job)).toBeGreaterThanOrEqual(1);
      expect(fanIn.get(job)).toBeLessThanOrEqual(4);
      expect(fanOut.get(job) ?? 0).toBeLessThanOrEqual(3);
    }
  });

  it('is acyclic (every node can be ordered topologically)', () => {
    const edges = all().flatMap((b) => b.edges);
    const indegree = new Map<string, number>();
    const out = new Map<string, string[]>();
    for (const e of edges) {
      indegree.set(e.to, (indegree.get(e.to) ?? 0) + 1);
      out.set(e.from, [...(out.get(e.from) ?? []), e.to]);
    }
    const ids = all().flatMap((b) => b.nodes.map((n) => n.id));
    const ready = ids.filter((id) => !indegree.get(id));
    let ordered = 0;
    while (ready.length) {
      const id = ready.pop()!;
      ordered++;
      for (const to of out.get(id) ?? []) {
        indegree.set(to, indegree.get(to)! - 1);
        if (indegree.get(to) === 0) ready.push(to);
      }
    }
    expect(ordered).toBe(ids.length);
  });

  it('has hubs read by many jobs and mid-depth roots that are ordinary datasets', () => {
    const layout = lineageGraphLayout(OPTS);
    const reads = new Map<string, number>();
    for (const e of all().flatMap((b) => b.edges)) if (e.kind === 'INPUT_TO') reads.set(e.from, (reads.get(e.from) ?? 0) + 1);
    for (const hub of layout.hubs) expect(reads.get(hub)).toBeGreaterThan(30);
    const roots = midDepthRoots(OPTS, 20);
    expect(new Set(roots).size).toBe(20);
    const middle = new Set(layout.layers[Math.floor(layout.layers.length / 2)]);
    expect(roots.every((r) => middle.has(r) && !layout.hubs.includes(r))).toBe(true);
  });

  it('with runs: the same lineage, and every job has one version and one completed run, with the summaries ingest keeps', () => {
    const lineageOnly = (batches: WriteBatch[]) => ({
      nodes: batches.flatMap((b) => b.nodes).filter((n) => n.kind === 'Dataset' || n.kind === 'Job').map((n) => n.id),
      edges: batches.flatMap((b) => b.edges).filter((e) => e.kind === 'INPUT_TO' || e.kind === 'OUTPUT'),
    });
    const withRuns = all({ ...OPTS, runs: true });
    expect(lineageOnly(withRuns)).toEqual(lineageOnly(all()));
    const nodes = new Map(withRuns.flatMap((b) => b.nodes).map((n) => [n.id, n]));
    const edges = withRuns.flatMap((b) => b.edges);
    const jobs = [...nodes.values()].filter((n) => n.kind === 'Job');
    for (const job of jobs) {
      const run = nodes.get(job.props!.latestRun as string)!;
      expect(run.kind).toBe('Run');
      expect(run.props).toHaveProperty('at.COMPLETE');
      expect(edges).toContainEqual(expect.objectContaining({ kind: 'RUN_OF', from: run.id, to: job.id }));
      const outputs = edges.filter((e) => e.kind === 'OUTPUT' && e.from === job.id).map((e) => e.to);
      const current = job.props!.currentVersion as { outputs: { namespace: string; name: string }[] };
      expect(current.outputs.map((d) => `dataset:${d.namespace}:${d.name}`)).toEqual(outputs);
      for (const out of outputs) expect(nodes.get(out)!.props!.lastModifiedAt).toBe(run.props!['at.COMPLETE']);
    }
    expect(nodes.size).toBe(OPTS.nodes + 2 * jobs.length);
  });
});
