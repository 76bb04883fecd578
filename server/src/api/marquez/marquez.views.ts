import type { CatalogService } from '../../domain/catalog.service.js';
import type { EdgeKind, GraphNode, Page } from '../../domain/model.js';
import { runState } from '../../domain/openlineage/run-state.js';
import type { Dataset, DatasetData, DatasetId, DatasetVersion, Edge, Facets, Job, JobData, JobVersion, Run, UpstreamRun } from './marquez.types.js';
import { tableEdges } from './graph.mapper.js';
import { datasetIdOf, fieldNames, keptLastModified, NO_TAGS, versionIdOf, toDataset, toDatasetData, toDatasetVersion, type DatasetTags } from './dataset.mapper.js';
import { TAGGED_PROP } from '../../domain/tags/tags.js';
import { facetsOf } from './values.js';
import { nodeId, versionId } from '../../domain/ids.js';
import { SUMMARY_PROPS } from '../../domain/openlineage/mapper.js';
import type { TagService } from '../../domain/tags/tags.service.js';
import { jobVersionIdOf, keptCurrentVersion, keptLatestRun, keptRunLinks, runIdOf, toJob, toJobData, toJobVersion, toRun, type JobParts } from './job.mapper.js';
import { str } from './values.js';
import { versionCandidates, versionUuid } from './versions.js';
import { RequestReads, type Read } from './marquez.reads.js';

/** "The latest" of something considers this many of the newest (see CatalogService.newest). */
const WINDOW = 100;
/** Runs of a producing job looked at for a dataset's lastModifiedAt (the newest may still be running). */
const PRODUCER_RUNS = 5;
const IO_LIMIT = 1000;

/** The version seen last first (a schema that comes back is current again). */
const VERSIONS: Read = { direction: 'DOWNSTREAM', kinds: ['HAS_VERSION'], order: 'updatedAt' };
const JOB_RUNS: Read = { direction: 'UPSTREAM', kinds: ['RUN_OF'], order: 'createdAt' };
const VERSION_RUNS: Read = { direction: 'UPSTREAM', kinds: ['RAN'], order: 'createdAt' };
const RUN_LINKS: Read = { direction: 'BOTH', kinds: ['RAN', 'READ_BY', 'WROTE'], order: 'kind' };
const JOB_IO: Read = { direction: 'BOTH', kinds: ['INPUT_TO', 'OUTPUT'], order: 'kind' };
const PRODUCERS: Read = { direction: 'UPSTREAM', kinds: ['OUTPUT'], order: 'kind' };
const WRITERS: Read = { direction: 'UPSTREAM', kinds: ['WROTE'], order: 'kind' };
const RUN_INPUTS: Read = { direction: 'UPSTREAM', kinds: ['READ_BY'], order: 'kind' };

type Io = { inputs: DatasetId[]; outputs: DatasetId[] };
const present = <T>(x: T | null): x is T => x !== null;
/** The run that wrote a dataset version first (its Marquez `createdByRun`), from its WRITERS links. */
const firstWriter = (links: readonly { node: GraphNode }[]): GraphNode | null => links.map((l) => l.node).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))[0] ?? null;

/**
 * Assembles Marquez's views of graph nodes: the reads each view needs, then the pure mappers. Views
 * of many nodes (a lineage graph, a list page) read each kind of neighbour for all of them at once,
 * in a few rounds (a job's versions and runs, then those runs' links...). One per request: it
 * memoizes reads and the nodes it has seen.
 */
export class MarquezViews {
  private readonly reads: RequestReads;
  constructor(private readonly catalog: CatalogService, private readonly tenant: string, private readonly tagService: TagService) {
    this.reads = new RequestReads(catalog, tenant);
  }

  /** Nodes the caller holds already (a lineage walk's): neighbours among them are not read again. */
  know(nodes: readonly GraphNode[]): void {
    this.reads.know(nodes);
  }

  async dataset(node: GraphNode): Promise<Dataset> {
    return (await this.datasets([node]))[0];
  }

  async datasets(nodes: readonly GraphNode[]): Promise<Dataset[]> {
    const [current, lastModified, tags, written] = await Promise.all([this.currentVersions(nodes), this.lastModified(nodes), this.tags(nodes), this.writtenSchemas(nodes)]);
    return nodes.map((n, i) => toDataset(n, current[i], lastModified[i], tags[i], written[i]));
  }

  /**
   * A lineage graph's data, by node id, and its edges: as Marquez draws them, each job's inputs and
   * outputs as its data gives them (graph.mapper.ts, tableEdges). With what ingest keeps on the nodes
   * (mapper.ts, SUMMARY_PROPS) this reads only each job's latest run; nodes written before are read as before.
   */
  async graphData(jobs: readonly GraphNode[], datasets: readonly GraphNode[]): Promise<{ data: Map<string, JobData | DatasetData>; edges: Edge[] }> {
    const [jobParts, lastModified, tags, written] = await Promise.all([this.jobParts(jobs, 1), this.lastModified(datasets), this.tags(datasets), this.writtenSchemas(datasets)]);
    const data = new Map<string, JobData | DatasetData>([
      ...jobs.map((j, i) => [j.id, toJobData(j, jobParts[i])] as const),
      ...datasets.map((d, i) => [d.id, toDatasetData(d, lastModified[i], tags[i], written[i])] as const),
    ]);
    return { data, edges: tableEdges(jobs.map((j, i) => ({ job: j.id, inputs: jobParts[i].inputs, outputs: jobParts[i].outputs })), datasets) };
  }

  /** Newest first; a dataset no event gave a version has one: its unversioned state. */
  async datasetVersions(dataset: GraphNode, limit: number, offset: number): Promise<Page<DatasetVersion>> {
    const page = await this.reads.newest(dataset.id, 'DOWNSTREAM', 'HAS_VERSION', limit, offset);
    const nodes = page.total === 0 ? [dataset].slice(offset, offset + limit) : page.items;
    return { items: await this.datasetVersionsOf(nodes, dataset), total: Math.max(1, page.total) };
  }

  /** `version`: a DatasetVersion node, or the dataset itself for its unversioned state. */
  async datasetVersion(version: GraphNode, dataset: GraphNode): Promise<DatasetVersion> {
    return (await this.datasetVersionsOf([version], dataset))[0];
  }

  async findDatasetVersion(dataset: GraphNode, param: string): Promise<GraphNode | null> {
    return param === versionUuid(dataset.id, null) ? dataset : this.findVersion(dataset.id, param);
  }

  findJobVersion(job: GraphNode, param: string): Promise<GraphNode | null> {
    return this.findVersion(job.id, param);
  }

  async run(run: GraphNode): Promise<Run> {
    return (await this.runsOf([run]))[0];
  }

  /**
   * Marquez's upstream run lineage: the run, then the runs that wrote the dataset versions it read
   * (each version's first writer, as `createdByRun`), then theirs, breadth first: nearest first, up
   * to `depth` runs away and `limit` runs (`truncated` when runs were left out).
   */
  async upstreamRuns(start: GraphNode, depth: number, limit: number): Promise<{ runs: UpstreamRun[]; truncated: boolean }> {
    const out: UpstreamRun[] = [];
    const seen = new Set([start.id]);
    let frontier = [start];
    let truncated = false;
    for (let distance = 0; frontier.length; distance++) {
      const [views, inputs] = await Promise.all([this.runsOf(frontier), this.reads.linked(frontier.map((r) => r.id), RUN_INPUTS, IO_LIMIT)]);
      const versions = [...new Map(inputs.flat().map((l) => [l.node.id, l.node])).values()];
      // The jobs themselves only for runs no job version names (not versioned yet).
      const [writers, jobs] = await Promise.all([
        this.reads.linked(versions.map((v) => v.id), WRITERS, WINDOW),
        this.reads.nodesById(frontier.flatMap((r, i) => (views[i].jobVersion ? [] : str(r.props.jobId) ?? []))),
      ]);
      const producers = new Map(versions.map((v, i) => [v.id, firstWriter(writers[i])]));
      const next: GraphNode[] = [];
      frontier.forEach((run, i) => {
        const job = jobs.get(str(run.props.jobId) ?? '');
        out.push({
          job: views[i].jobVersion ?? { ...(job ? datasetIdOf(job) : { namespace: '', name: '' }), version: null },
          run: { id: views[i].id, start: views[i].startedAt, end: views[i].endedAt, status: views[i].state },
          inputs: inputs[i].map(({ node }) => {
            const producer = producers.get(node.id);
            if (producer && distance < depth && !seen.has(producer.id)) {
              seen.add(producer.id);
              next.push(producer);
            }
            return { ...versionIdOf(node), producedByRunId: producer ? runIdOf(producer) : null };
          }),
        });
      });
      const room = limit - out.length;
      if (next.length > room) truncated = true;
      frontier = next.slice(0, Math.max(0, room));
    }
    return { runs: out, truncated };
  }

  /** Runs of a job (RUN_OF) or of a job version (RAN), newest first. */
  async runs(id: string, kind: 'RUN_OF' | 'RAN', limit: number, offset: number): Promise<Page<Run>> {
    const page = await this.reads.newest(id, 'UPSTREAM', kind, limit, offset);
    return { items: await this.runsOf(page.items), total: page.total };
  }

  /** `runCount`: how many of the newest runs to include (Marquez's latestRuns). */
  async job(job: GraphNode, runCount: number): Promise<Job> {
    return (await this.jobs([job], runCount))[0];
  }

  async jobs(jobs: readonly GraphNode[], runCount: number): Promise<Job[]> {
    const parts = await this.jobParts(jobs, runCount);
    return jobs.map((j, i) => toJob(j, parts[i]));
  }

  async jobVersions(job: GraphNode, limit: number, offset: number): Promise<Page<JobVersion>> {
    const page = await this.reads.newest(job.id, 'DOWNSTREAM', 'HAS_VERSION', limit, offset);
    return { items: await this.jobVersionsOf(page.items), total: page.total };
  }

  async jobVersion(version: GraphNode): Promise<JobVersion> {
    return (await this.jobVersionsOf([version]))[0];
  }

  private async jobVersionsOf(versions: readonly GraphNode[]): Promise<JobVersion[]> {
    const [io, latest] = await Promise.all([this.versionIo(versions), this.reads.linked(versions.map((v) => v.id), VERSION_RUNS, 1)]);
    const runs = await this.runsOf(latest.map((l) => l[0]?.node ?? null));
    return versions.map((v, i) => toJobVersion(v, { ...io[i], latestRun: runs[i] }));
  }

  /** Created by their first writer. */
  private async datasetVersionsOf(versions: readonly GraphNode[], dataset: GraphNode): Promise<DatasetVersion[]> {
    const [writers, [tags]] = await Promise.all([this.reads.linked(versions.map((v) => v.id), WRITERS, WINDOW), this.tags([dataset])]);
    const firsts = writers.map(firstWriter);
    const runs = await this.runsOf(firsts);
    return versions.map((v, i) => toDatasetVersion(v, dataset, runs[i], tags));
  }

  /** Runs with what they ran and the dataset versions they read and wrote (as kept on them, else read); null stays null. */
  private async runsOf(runs: readonly GraphNode[]): Promise<Run[]>;
  private async runsOf(runs: readonly (GraphNode | null)[]): Promise<(Run | null)[]>;
  private async runsOf(runs: readonly (GraphNode | null)[]): Promise<(Run | null)[]> {
    return this.inputsVersioned(await this.runsRead(runs));
  }

  /**
   * A dataset a run read without its event naming a version is, as in Marquez, the version current
   * when the run started (the newest first seen by then; a dataset with none then stays unversioned):
   * every input then lies in the dataset's version list.
   */
  private async inputsVersioned(runs: (Run | null)[]): Promise<(Run | null)[]> {
    const unversioned = (v: Run['inputDatasetVersions'][number]) => v.datasetVersionId.version === versionUuid(nodeId('Dataset', v.datasetVersionId.namespace, v.datasetVersionId.name), null);
    const datasets = [...new Set(runs.flatMap((r) => r?.inputDatasetVersions.filter(unversioned).map((v) => nodeId('Dataset', v.datasetVersionId.namespace, v.datasetVersionId.name)) ?? []))];
    if (!datasets.length) return runs;
    const versions = new Map(await Promise.all(datasets.map(async (id) => [id, (await this.reads.newest(id, 'DOWNSTREAM', 'HAS_VERSION', WINDOW, 0)).items] as const)));
    return runs.map((run) => run && {
      ...run,
      inputDatasetVersions: run.inputDatasetVersions.map((v) => {
        const at = run.startedAt ?? run.endedAt ?? run.createdAt;
        const then = unversioned(v) ? versions.get(nodeId('Dataset', v.datasetVersionId.namespace, v.datasetVersionId.name))?.find((n) => n.createdAt <= at) : undefined;
        return then ? { ...v, datasetVersionId: versionIdOf(then) } : v;
      }),
    });
  }

  private async runsRead(runs: readonly (GraphNode | null)[]): Promise<(Run | null)[]> {
    const kept = runs.map((r) => (r ? keptRunLinks(r) : null));
    const toRead = runs.filter((r, i): r is GraphNode => r !== null && !kept[i]);
    const read = (await this.reads.linked(toRead.map((r) => r.id), RUN_LINKS, IO_LIMIT)).values();
    return runs.map((run, i) => {
      if (!run) return null;
      const links = kept[i];
      if (links) return toRun(run, links);
      const mine = read.next().value!;
      const of = (kind: EdgeKind) => withoutUnversioned(mine.filter((l) => l.edge.kind === kind).map((l) => l.node));
      const jobVersion = of('RAN').sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? null;
      return toRun(run, { jobVersion: jobVersion && jobVersionIdOf(jobVersion), inputs: of('READ_BY').map(versionIdOf), outputs: of('WROTE').map(versionIdOf) });
    });
  }

  private async jobParts(jobs: readonly GraphNode[], runCount: number): Promise<JobParts[]> {
    const [current, newest] = await Promise.all([this.currentOf(jobs), this.newestRuns(jobs, runCount)]);
    const runs = await this.runsOf(newest.flat());
    let next = 0;
    return jobs.map((_, i) => ({ ...current[i].io, runs: newest[i].map(() => runs[next++]), current: current[i].version }));
  }

  /**
   * Each job's current version and what it reads and writes: as ingest kept them on the job, else
   * read (the newest version; for a job no terminal event versioned yet, what its lineage edges say).
   */
  private async currentOf(jobs: readonly GraphNode[]): Promise<{ version: { version: string | null } | null; io: Io }[]> {
    const kept = jobs.map(keptCurrentVersion);
    const toRead = jobs.filter((_, i) => !kept[i]);
    const read = await this.currentVersions(toRead);
    const [versioned, unversioned] = await Promise.all([this.versionIo(read.filter(present)), this.edgeIo(toRead.filter((_, i) => !read[i]))]);
    const [v, e, r] = [versioned.values(), unversioned.values(), read.values()];
    return kept.map((k) => {
      if (k) return { version: { version: k.version }, io: { inputs: k.inputs, outputs: k.outputs } };
      const node = r.next().value!;
      return node ? { version: { version: str(node.props.version) }, io: v.next().value! } : { version: null, io: e.next().value! };
    });
  }

  /** Each job's newest runs; for one, the run ingest kept on the job when it did (no read of the job's runs). */
  private async newestRuns(jobs: readonly GraphNode[], runCount: number): Promise<GraphNode[][]> {
    const kept = jobs.map((j) => (runCount === 1 ? keptLatestRun(j) : null));
    const toRead = jobs.filter((_, i) => !kept[i]);
    const [byId, read] = await Promise.all([this.reads.nodesById(kept.filter(present)), this.reads.linked(toRead.map((j) => j.id), JOB_RUNS, runCount)]);
    const r = read.values();
    return kept.map((id) => (id ? [byId.get(id)].filter((n): n is GraphNode => n !== undefined) : r.next().value!.map((l) => l.node)));
  }

  /** Job versions' inputs and outputs (the dataset ids kept on the version). */
  private async versionIo(versions: readonly GraphNode[]): Promise<Io[]> {
    const ids = (version: GraphNode, key: string) => (Array.isArray(version.props[key]) ? (version.props[key] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
    const lists = versions.map((v) => [ids(v, 'inputs'), ids(v, 'outputs')] as const);
    const nodes = await this.reads.nodesById(lists.flatMap(([inputs, outputs]) => [...inputs, ...outputs]));
    const pick = (list: string[]) => list.flatMap((id) => { const n = nodes.get(id); return n ? [datasetIdOf(n)] : []; });
    return lists.map(([inputs, outputs]) => ({ inputs: pick(inputs), outputs: pick(outputs) }));
  }

  private async edgeIo(jobs: readonly GraphNode[]): Promise<Io[]> {
    const links = await this.reads.linked(jobs.map((j) => j.id), JOB_IO, IO_LIMIT);
    return links.map((mine) => {
      const of = (kind: EdgeKind) => mine.filter((l) => l.edge.kind === kind).map((l) => datasetIdOf(l.node));
      return { inputs: of('INPUT_TO'), outputs: of('OUTPUT') };
    });
  }

  private async currentVersions(nodes: readonly GraphNode[]): Promise<(GraphNode | null)[]> {
    return (await this.reads.linked(nodes.map((n) => n.id), VERSIONS, 1)).map((l) => l[0]?.node ?? null);
  }

  /** When a run of a job that writes the dataset last completed (Marquez: the last successful write): as ingest kept it, else read. */
  private async lastModified(datasets: readonly GraphNode[]): Promise<(string | null)[]> {
    const kept = datasets.map(keptLastModified);
    const read = (await this.readLastModified(datasets.filter((_, i) => kept[i] === undefined))).values();
    return kept.map((k) => (k !== undefined ? k : read.next().value!));
  }

  /** The same from the dataset's producers and their newest runs. */
  private async readLastModified(datasets: readonly GraphNode[]): Promise<(string | null)[]> {
    const producers = await this.reads.linked(datasets.map((d) => d.id), PRODUCERS, WINDOW);
    const ids = [...new Set(producers.flat().map((p) => p.node.id))];
    const runs = new Map((await this.reads.linked(ids, JOB_RUNS, PRODUCER_RUNS)).map((r, i) => [ids[i], r] as const));
    return producers.map((mine) => {
      const ends = mine.flatMap((p) => runs.get(p.node.id)!).map((r) => runState(r.node.props))
        .flatMap((s) => (s.state === 'COMPLETED' && s.endedAt ? [s.endedAt] : []));
      return ends.sort().at(-1) ?? null;
    });
  }

  /**
   * Where a reader's view of a dataset gave the schema it holds (SUMMARY_PROPS.schemaBy), the facets
   * of the version its newest writer gave (Marquez lists its current version's fields), when that
   * version has a schema; null for the rest, which need no read (most datasets' schema is a writer's).
   */
  private async writtenSchemas(datasets: readonly GraphNode[]): Promise<(Facets | null)[]> {
    const ids = datasets.map((d) => {
      const written = d.props[SUMMARY_PROPS.writtenVersion];
      return d.props[SUMMARY_PROPS.schemaBy] === 'reader' && typeof written === 'string' ? versionId(d.id, written) : null;
    });
    const wanted = ids.filter((id): id is string => id !== null);
    if (!wanted.length) return ids.map(() => null);
    const found = await this.reads.nodesById(wanted);
    return ids.map((id) => {
      const version = id === null ? undefined : found.get(id);
      return version?.props['facets.schema'] ? facetsOf(version.props) : null;
    });
  }

  /** The tags each dataset and its schema's fields carry now: one read for those ever tagged (TAGGED_PROP), none for the rest. */
  private async tags(all: readonly GraphNode[]): Promise<DatasetTags[]> {
    const datasets = all.filter((d) => d.props[TAGGED_PROP] === true);
    if (!datasets.length) return all.map(() => NO_TAGS);
    const fields = datasets.map((d) => fieldNames(facetsOf(d.props)));
    const ids = datasets.flatMap((d, i) => [d.id, ...fields[i].map((f) => nodeId('Field', d.namespace, `${d.name}#${f}`))]);
    const read = (await this.tagService.tagsOf(this.tenant, ids)).map((tags) => tags.map((t) => t.name)).values();
    const byId = new Map(datasets.map((d, i) => [d.id, { dataset: read.next().value!, fields: new Map(fields[i].map((f) => [f, read.next().value!])) }]));
    return all.map((d) => byId.get(d.id) ?? NO_TAGS);
  }

  /** Exact and embedded-hash versions by id; a producer's own version string by its name-based UUID among the newest. */
  private async findVersion(baseId: string, param: string): Promise<GraphNode | null> {
    const found = (await this.catalog.getNodes(this.tenant, versionCandidates(baseId, param).map((v) => `${baseId}@${v}`))).find((n) => n !== null);
    if (found) return found;
    const page = await this.reads.newest(baseId, 'DOWNSTREAM', 'HAS_VERSION', 1000, 0);
    return page.items.find((v) => versionUuid(baseId, str(v.props.version)) === param) ?? null;
  }
}

/**
 * Datasets and dataset versions a run read or wrote, less each dataset it also has a version of (an
 * event naming it without one, such as a COMPLETE not repeating its START's schema); as ingest keeps
 * its links (job.mapper.ts, keptRunLinks). Versions its events named are all listed, as in Marquez.
 */
function withoutUnversioned(nodes: GraphNode[]): GraphNode[] {
  const versioned = new Set(nodes.filter((n) => n.kind === 'DatasetVersion').map((n) => str(n.props.datasetId)));
  return nodes.filter((n) => n.kind === 'DatasetVersion' || !versioned.has(n.id));
}
