import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { CatalogService } from '../../domain/catalog.service.js';
import { DEMO_TENANT } from '../../app/seed.js';
import { enc, startMarquezLoom, type MarquezClient } from './marquez.fixture.js';
import { MarquezViews } from './marquez.views.js';
import { tableNodeType } from './graph.mapper.js';

describe('Marquez views read in batches', () => {
  let c: MarquezClient;
  beforeAll(async () => { c = await startMarquezLoom(); });
  afterAll(() => c?.loom.close());

  it('give every /lineage graph the data each node gets read on its own', async () => {
    const catalog = new CatalogService(c.loom.services.graph);
    // The corpus events and the demo story: jobs with versions and runs, datasets with producers.
    const nodes = (await catalog.search(DEMO_TENANT, '', ['Dataset', 'Job'], 1000)).filter((n) => tableNodeType(n) !== null);
    expect(nodes.length).toBeGreaterThan(30);
    const alone = new Map<string, unknown>();
    /** The node's data from views that read it and nothing else (one id per read). */
    const readAlone = async (id: string) => {
      if (!alone.has(id)) {
        const n = (await catalog.node(DEMO_TENANT, id))!;
        const [jobs, datasets] = tableNodeType(n) === 'JOB' ? [[n], []] : [[], [n]];
        const data = await new MarquezViews(catalog, DEMO_TENANT).graphData(jobs, datasets);
        alone.set(id, JSON.parse(JSON.stringify(data.get(id))));
      }
      return alone.get(id);
    };
    let compared = 0;
    for (const n of nodes) {
      const { graph } = await c.ok(`/lineage?nodeId=${enc(n.id)}&depth=3`, 'LineageGraph');
      for (const g of graph as { id: string; data: unknown }[]) {
        expect(g.data, `${n.id} → ${g.id}`).toEqual(await readAlone(g.id));
        compared++;
      }
    }
    expect(compared).toBeGreaterThan(nodes.length * 3);
  });
});
