import type { CatalogService, NewestOptions } from '../../domain/catalog.service.js';
import type { Direction, EdgeKind, GraphNode, Page } from '../../domain/model.js';
import { runState } from '../../domain/openlineage/run-state.js';
import type { Dataset, DatasetData, DatasetId, DatasetVersion, Job, JobData, JobVersion, Run } from './marquez.types.js';
import { datasetIdOf, toDataset, toDatasetData, toDatasetVersion } from './dataset.mapper.js';
import { toJob, toJobData, toJobVersion, toRun, type JobParts } from './job.mapper.js';
import { str } from './values.js';
import { versionCandidates, versionUuid } from './versions.js';

/** "The latest" of something considers this many of the newest (see CatalogService.newest). */
const WINDOW = 100;
/** Runs of a producing job looked at for a dataset's lastModifiedAt (the newest may still be running). */
const PRODUCER_RUNS = 5;
const IO_LIMIT = 1000;

/**
 * Assembles Marquez's views of graph nodes: the reads each view needs, then the pure mappers.
 * One per request (it memoizes reads).
 */
export class MarquezViews {
  private readonly memo = new Map<string, Promise<Page<GraphNode>>>();
  constructor(private readonly catalog: CatalogService, private readonly tenant: string) {}

  async dataset(node: GraphNode): Promise<Dataset> {
    const [current, lastModified] = await Promise.all([this.currentVersion(node.id), this.lastModified(node)]);
    return toDataset(node, current, lastModified);
  }

  async datasetData(node: GraphNode): Promise<DatasetData> {
    return toDatasetData(node, await this.lastModified(node));
  }

  /** Newest first; a dataset no event gave a version has one: its unversioned state. */
  async datasetVersions(dataset: GraphNode, limit: number, offset: number): Promise<Page<DatasetVersion>> {
    const page = await this.newest(dataset.id, 'DOWNSTREAM', 'HAS_VERSION', limit, offset);
    const nodes = page.total === 0 ? [dataset].slice(offset, offset + limit) : page.items;
    return { items: await Promise.all(nodes.map((v) => this.datasetVersion(v, dataset))), total: Math.max(1, page.total) };
  }

  /** `version`: a DatasetVersion node, or the dataset itself for its unversioned state; created by its first writer. */
  async datasetVersion(version: GraphNode, dataset: GraphNode): Promise<DatasetVersion> {
    const [first] = (await this.catalog.linked(this.tenant, version.id, 'UPSTREAM', ['WROTE'], WINDOW))
      .map((w) => w.node).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1));
    return toDatasetVersion(version, dataset, first ? await this.run(first) : null);
  }

  async findDatasetVersion(dataset: GraphNode, param: string): Promise<GraphNode | null> {
    return param === versionUuid(dataset.id, null) ? dataset : this.findVersion(dataset.id, param);
  }

  findJobVersion(job: GraphNode, param: string): Promise<GraphNode | null> {
    return this.findVersion(job.id, param);
  }

  async run(run: GraphNode): Promise<Run> {
    const links = await this.catalog.linked(this.tenant, run.id, 'BOTH', ['RAN', 'READ_BY', 'WROTE'], IO_LIMIT);
    const of = (kind: EdgeKind) => links.filter((l) => l.edge.kind === kind).map((l) => l.node);
    const jobVersion = of('RAN').sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? null;
    return toRun(run, { jobVersion, inputs: of('READ_BY'), outputs: of('WROTE') });
  }

  /** Runs of a job (RUN_OF) or of a job version (RAN), newest first. */
  async runs(id: string, kind: 'RUN_OF' | 'RAN', limit: number, offset: number): Promise<Page<Run>> {
    const page = await this.newest(id, 'UPSTREAM', kind, limit, offset);
    return { items: await Promise.all(page.items.map((r) => this.run(r))), total: page.total };
  }

  /** `runCount`: how many of the newest runs to include (Marquez's latestRuns). */
  async job(job: GraphNode, runCount: number): Promise<Job> {
    return toJob(job, await this.jobParts(job, runCount));
  }

  async jobData(job: GraphNode): Promise<JobData> {
    return toJobData(job, await this.jobParts(job, 1));
  }

  async jobVersions(job: GraphNode, limit: number, offset: number): Promise<Page<JobVersion>> {
    const page = await this.newest(job.id, 'DOWNSTREAM', 'HAS_VERSION', limit, offset);
    return { items: await Promise.all(page.items.map((v) => this.jobVersion(v))), total: page.total };
  }

  async jobVersion(version: GraphNode): Promise<JobVersion> {
    const [io, runs] = await Promise.all([this.versionIo(version), this.runs(version.id, 'RAN', 1, 0)]);
    return toJobVersion(version, { ...io, latestRun: runs.items[0] ?? null });
  }

  private async jobParts(job: GraphNode, runCount: number): Promise<JobParts> {
    const [current, runs] = await Promise.all([this.currentVersion(job.id), this.runs(job.id, 'RUN_OF', runCount, 0)]);
    return { ...(current ? await this.versionIo(current) : await this.edgeIo(job)), runs: runs.items, current };
  }

  /** A job version's inputs and outputs (the dataset ids kept on the version). */
  private async versionIo(version: GraphNode): Promise<{ inputs: DatasetId[]; outputs: DatasetId[] }> {
    const ids = (key: string) => (Array.isArray(version.props[key]) ? (version.props[key] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
    const [inputs, outputs] = [ids('inputs'), ids('outputs')];
    const nodes = await this.catalog.getNodes(this.tenant, [...inputs, ...outputs]);
    const byId = new Map(nodes.filter((n): n is GraphNode => n !== null).map((n) => [n.id, datasetIdOf(n)]));
    const pick = (list: string[]) => list.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    return { inputs: pick(inputs), outputs: pick(outputs) };
  }

  /** A job no terminal event versioned yet: what its lineage edges say it reads and writes. */
  private async edgeIo(job: GraphNode): Promise<{ inputs: DatasetId[]; outputs: DatasetId[] }> {
    const links = await this.catalog.linked(this.tenant, job.id, 'BOTH', ['INPUT_TO', 'OUTPUT'], IO_LIMIT);
    const of = (kind: EdgeKind) => links.filter((l) => l.edge.kind === kind).map((l) => datasetIdOf(l.node));
    return { inputs: of('INPUT_TO'), outputs: of('OUTPUT') };
  }

  /** The version seen last (a schema that comes back is current again). */
  private async currentVersion(id: string): Promise<GraphNode | null> {
    return (await this.newest(id, 'DOWNSTREAM', 'HAS_VERSION', 1, 0, { by: 'updatedAt' })).items[0] ?? null;
  }

  /** When a run of a job that writes the dataset last completed (Marquez: the last successful write). */
  private async lastModified(dataset: GraphNode): Promise<string | null> {
    const producers = await this.catalog.linked(this.tenant, dataset.id, 'UPSTREAM', ['OUTPUT'], WINDOW);
    const runs = await Promise.all(producers.map((p) => this.newest(p.node.id, 'UPSTREAM', 'RUN_OF', PRODUCER_RUNS, 0)));
    const ends = runs.flatMap((p) => p.items).map((r) => runState(r.props)).flatMap((s) => (s.state === 'COMPLETED' && s.endedAt ? [s.endedAt] : []));
    return ends.sort().at(-1) ?? null;
  }

  /** Exact and embedded-hash versions by id; a producer's own version string by its name-based UUID among the newest. */
  private async findVersion(baseId: string, param: string): Promise<GraphNode | null> {
    const found = (await this.catalog.getNodes(this.tenant, versionCandidates(baseId, param).map((v) => `${baseId}@${v}`))).find((n) => n !== null);
    if (found) return found;
    const page = await this.newest(baseId, 'DOWNSTREAM', 'HAS_VERSION', 1000, 0);
    return page.items.find((v) => versionUuid(baseId, str(v.props.version)) === param) ?? null;
  }

  /** Newest-first reads, memoized per request (a lineage graph asks once per job). */
  private newest(id: string, direction: Direction, kind: EdgeKind, limit: number, offset: number, opts: NewestOptions = {}): Promise<Page<GraphNode>> {
    const key = JSON.stringify([id, direction, kind, opts.by, limit, offset]);
    let found = this.memo.get(key);
    if (!found) this.memo.set(key, (found = this.catalog.newest(this.tenant, id, { direction, kind }, { limit, offset }, opts)));
    return found;
  }
}
