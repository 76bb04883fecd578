import { describe, expect, it } from 'vitest';
import { toElements, type LineageData } from '../graph/elements.js';
import { clusterByNamespace, clusterKey, clusterNodeId, parseClusterNodeId } from './clusters.js';

const node = (id: string, kind: string, namespace: string) => ({ id, kind, namespace, name: id });
/** root (a job) reads 4 warehouse tables, writes 2 lake files, and has 5 runs; one warehouse table feeds a model. */
function graph(): LineageData {
  const tables = ['t1', 't2', 't3', 't4'].map((id) => node(id, 'Dataset', 'postgres://wh'));
  const files = ['f1', 'f2'].map((id) => node(id, 'Dataset', 's3://lake'));
  const runs = ['r1', 'r2', 'r3', 'r4', 'r5'].map((id) => node(id, 'Run', 'airflow'));
  return {
    root: node('job', 'Job', 'airflow'),
    nodes: [...tables, ...files, ...runs].map((n) => ({ node: n, distance: 1 })).concat([{ node: node('m', 'Model', 'registry'), distance: 2 }]),
    edges: [
      ...tables.map((t) => ({ kind: 'INPUT_TO', from: t.id, to: 'job' })), ...files.map((f) => ({ kind: 'OUTPUT', from: 'job', to: f.id })),
      ...runs.map((r) => ({ kind: 'RAN', from: 'job', to: r.id })), { kind: 'INPUT_TO', from: 't2', to: 'm' }, { kind: 'DERIVES', from: 't1', to: 't2' },
    ],
  };
}

describe('clusterByNamespace', () => {
  it('draws 3 or more nodes of one kind in one namespace as one cluster, their edges merged onto it; fewer stay as they are', () => {
    const out = clusterByNamespace(graph(), new Set());
    const ids = out.nodes.map((n) => n.node.id).sort();
    expect(ids).toEqual([clusterNodeId('Dataset|postgres://wh'), clusterNodeId('Run|airflow'), 'f1', 'f2', 'm'].sort());
    expect(out.nodes.find((n) => n.node.id === clusterNodeId('Run|airflow'))).toEqual({ node: { id: 'cluster:Run|airflow', kind: 'Cluster', namespace: 'airflow', name: '5 Run' }, distance: 1 });
    // One edge per kind and ends; the edge inside the cluster (t1 → t2) is left out.
    expect(out.edges).toEqual(expect.arrayContaining([
      { kind: 'INPUT_TO', from: 'cluster:Dataset|postgres://wh', to: 'job' }, { kind: 'RAN', from: 'job', to: 'cluster:Run|airflow' },
      { kind: 'INPUT_TO', from: 'cluster:Dataset|postgres://wh', to: 'm' },
    ]));
    expect(out.edges).toHaveLength(5);
    expect(out.root.id).toBe('job');
  });

  it('leaves opened clusters, the root and "N more" nodes as they are', () => {
    const out = clusterByNamespace(graph(), new Set([clusterKey('Run', 'airflow')]));
    expect(out.nodes.map((n) => n.node.id)).toEqual(expect.arrayContaining(['r1', 'r5', 'cluster:Dataset|postgres://wh']));
    const all = clusterByNamespace(graph(), new Set(['Run|airflow', 'Dataset|postgres://wh']));
    expect(all).toEqual(graph());
    const g = graph();
    const withMore = { ...g, nodes: [...g.nodes, ...['x', 'y', 'z'].map((id) => ({ node: node(`hub:down:${id}`, 'More', ''), distance: 2 }))] };
    expect(clusterByNamespace(withMore, new Set()).nodes.filter((n) => n.node.kind === 'More')).toHaveLength(3);
  });

  it('names clusters so a tap can open them, and draws them as tappable clusters of their kind', () => {
    expect(parseClusterNodeId('cluster:Dataset|hive://m:9083')).toEqual({ key: 'Dataset|hive://m:9083', kind: 'Dataset', namespace: 'hive://m:9083' });
    expect(parseClusterNodeId('dataset:x:y')).toBeNull();
    const el = toElements(clusterByNamespace(graph(), new Set()), { clusterLabel: (n, kind, ns) => `${n} ${kind}s in ${ns}` });
    const c = el.nodes.find((n) => n.data.id === 'cluster:Run|airflow')!;
    expect(c.data).toMatchObject({ label: '5 Runs in airflow', hidden: 5 });
    expect(c.classes.split(' ')).toEqual(expect.arrayContaining(['more', 'cluster']));
  });
});
