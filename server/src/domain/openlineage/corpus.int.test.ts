/**
 * The real-emitter corpus (shared/openlineage: Airflow, Spark, Flink, dbt, Marquez, spec examples)
 * through the ingest service into the real embedded graph: every event accepted, the graph checked,
 * and replays (twice, shuffled) converge on the identical graph.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { KuzuGraphStore } from '../../graph/kuzu/KuzuGraphStore.js';
import { LineageIngestService } from './lineage-ingest.service.js';
import { validateEvent } from './validate.js';
import { mapEvent } from './mapper.js';
import type { GraphStore } from '../ports/GraphStore.js';

const lines = readFileSync(new URL('../../../../../shared/openlineage/ingestable.ndjson', import.meta.url), 'utf8').split('\n').filter(Boolean);
const events = lines.map((l) => JSON.parse(l));
const dir = mkdtempSync(path.join(tmpdir(), 'loom-corpus-'));
/** `largeGraph`: written in the shapes a large graph's writes take (new edges and updates by key lookups). */
const open = (name: string, largeGraph = false) => KuzuGraphStore.open({
  path: path.join(dir, name, 'g.kuzu'), bufferPoolBytes: 256 * 1024 * 1024, ...(largeGraph ? { joinNodesPerEdge: 0, joinNodesPerRead: 0, nodesPerBulkUpdateRow: 0 } : {}),
});

/** Every node the corpus names, with its edges (without recordedAt, the transaction time), as one canonical string. */
async function snapshot(store: GraphStore): Promise<string[]> {
  const ids = [...new Set(events.flatMap((e) => { const v = validateEvent(e); return mapEvent(v.event, v.kind).nodes.map((n) => n.id); }))].sort();
  const out: string[] = [];
  for (let i = 0; i < ids.length; i += 100) {
    const nodes = await store.getNodes('t', ids.slice(i, i + 100));
    for (const n of nodes) {
      const page = await store.neighbours('t', n!.id, { direction: 'DOWNSTREAM', limit: 500, offset: 0 });
      out.push(JSON.stringify([n, page.total, page.items.map((x) => x.edge)]));
    }
  }
  return out;
}

/** The first entry that differs, shortened, or null: keeps a failure readable. */
function firstDiff(a: string[], b: string[]): { index: number; expected: string; actual: string } | null {
  for (let i = 0; i < Math.max(a.length, b.length); i++) {
    if (a[i] === b[i]) continue;
    let j = 0;
    while (a[i]?.[j] === b[i]?.[j]) j++;
    return { index: i, expected: a[i]?.slice(Math.max(0, j - 150), j + 150), actual: b[i]?.slice(Math.max(0, j - 150), j + 150) };
  }
  return null;
}

function shuffled<T>(xs: T[], seed: number): T[] {
  const a = [...xs];
  let s = seed;
  for (let i = a.length - 1; i > 0; i--) {
    s = (s * 1103515245 + 12345) % 2 ** 31;
    const j = s % (i + 1);
    [a[i], a[j]] = [a[j], a[i]];
  }
  return a;
}

describe('the real-emitter OpenLineage corpus', () => {
  let store: GraphStore;
  beforeAll(async () => {
    store = await open('inorder');
    await store.init();
    const svc = new LineageIngestService(store);
    for (const e of events) await svc.ingest('t', e);
  });
  afterAll(async () => {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  });

  it('accepted all of it', () => {
    expect(events.length).toBe(603);
  });

  it('turned the column-lineage facets into the field edges they describe', async () => {
    const e = events.find((x) => x.outputs?.[0]?.facets?.columnLineage?.fields?.ident)!;
    const out = e.outputs[0];
    const fid = `field:${out.namespace}:${out.name}#ident`;
    const up = (await store.neighbours('t', fid, { direction: 'UPSTREAM', edgeKinds: ['DERIVES'], limit: 50, offset: 0 })).items;
    const expected = out.facets.columnLineage.fields.ident.inputFields.map((f: any) => `field:${f.namespace}:${f.name}#${f.field}`).sort();
    expect(up.map((x) => x.node.id).sort()).toEqual(expected);
    const direct = up.find((x) => x.edge.props.type === 'DIRECT')!;
    expect(direct.edge.props.transformations).toContainEqual(expect.objectContaining({ type: 'DIRECT', subtype: 'IDENTITY' }));
  });

  it('built the run hierarchy from parent facets', async () => {
    const child = events.find((x) => x.run?.facets?.parent?.run?.runId && x.job?.namespace)!;
    const p = child.run.facets.parent;
    const parentRun = `run:${p.run.runId}`;
    const kids = await store.neighbours('t', parentRun, { direction: 'DOWNSTREAM', edgeKinds: ['PARENT_OF'], limit: 500, offset: 0 });
    expect(kids.items.map((k) => k.node.id)).toContain(`run:${child.run.runId}`);
    const job = await store.neighbours('t', parentRun, { direction: 'DOWNSTREAM', edgeKinds: ['RUN_OF'], limit: 5, offset: 0 });
    expect(job.items.map((j) => j.node.id)).toEqual([`job:${p.job.namespace}:${p.job.name}`]);
  });

  it('replaying it twice, or shuffled, gives the identical graph', async () => {
    const reference = await snapshot(store);
    const svc = new LineageIngestService(store);
    for (const e of events) await svc.ingest('t', e);
    expect(firstDiff(reference, await snapshot(store)), 'replayed twice').toBeNull();
    const other = await open('shuffled');
    await other.init();
    const svc2 = new LineageIngestService(other);
    for (const e of shuffled(events, 42)) await svc2.ingest('t', e);
    expect(firstDiff(reference, await snapshot(other)), 'shuffled').toBeNull();
    await other.close();
  }, 240_000);

  it('written as large graphs are (new edges and updates by key lookups), 32 events at a time, gives the identical graph', async () => {
    const reference = await snapshot(store);
    const other = await open('bykey', true);
    await other.init();
    const svc = new LineageIngestService(other);
    // Concurrent ingests share one transaction: writes large enough to span several by-key statements.
    for (let i = 0; i < events.length; i += 32) await Promise.all(events.slice(i, i + 32).map((e) => svc.ingest('t', e)));
    expect(firstDiff(reference, await snapshot(other))).toBeNull();
    await other.close();
  }, 240_000);
});
