import type { CatalogService } from '../../domain/catalog.service.js';
import type { EdgeKind, GraphNode, Page } from '../../domain/model.js';
import { runState } from '../../domain/openlineage/run-state.js';
import type { Dataset, DatasetData, DatasetId, DatasetVersion, Job, JobData, JobVersion, Run } from './marquez.types.js';
import { datasetIdOf, toDataset, toDatasetData, toDatasetVersion } from './dataset.mapper.js';
import { toJob, toJobData, toJobVersion, toRun, type JobParts } from './job.mapper.js';
import { str } from './values.js';
import { versionCandidates, versionUuid } from './versions.js';

/** "The latest" of something considers this many of the newest (see CatalogService.newest). */
const LATEST_WINDOW = 100;
/** Writers looked at for a dataset's lastModifiedAt (runs carry big facets: keep it small). */
const WRITERS_WINDOW = 20;
const IO_LIMIT = 1000;

/** Assembles Marquez's views of graph nodes: the reads each view needs, then the pure mappers. */
export class MarquezViews {
  constructor(private readonly catalog: CatalogService) {}

  async dataset(tenant: string, node: GraphNode): Promise<Dataset> {
    const current = await this.latest(tenant, node.id, 'HAS_VERSION');
    return toDataset(node, current, await this.lastModified(tenant, node, current));
  }

  async datasetData(tenant: string, node: GraphNode): Promise<DatasetData> {
    const current = await this.latest(tenant, node.id, 'HAS_VERSION');
    return toDatasetData(node, await this.lastModified(tenant, node, current));
  }

  /** Newest first; a dataset no event gave a version has one: its unversioned state. */
  async datasetVersions(tenant: string, dataset: GraphNode, limit: number, offset: number): Promise<Page<DatasetVersion>> {
    const page = await this.catalog.newest(tenant, dataset.id, 'DOWNSTREAM', 'HAS_VERSION', limit, offset);
    const nodes = page.total === 0 ? [dataset].slice(offset, offset + limit) : page.items;
    return { items: await Promise.all(nodes.map((v) => this.datasetVersion(tenant, v, dataset))), total: Math.max(1, page.total) };
  }

  async datasetVersion(tenant: string, version: GraphNode, dataset: GraphNode): Promise<DatasetVersion> {
    const writers = await this.catalog.linked(tenant, version.id, 'UPSTREAM', ['WROTE'], LATEST_WINDOW);
    const first = writers.map((w) => w.node).sort((a, b) => (a.createdAt < b.createdAt ? -1 : 1))[0];
    return toDatasetVersion(version, dataset, first ? await this.run(tenant, first) : null);
  }

  /** The version node a Marquez version UUID names (the dataset itself for its unversioned state). */
  async findDatasetVersion(tenant: string, dataset: GraphNode, param: string): Promise<GraphNode | null> {
    if (param === versionUuid(dataset.id, null)) return dataset;
    return this.findVersion(tenant, dataset.id, param);
  }

  async findJobVersion(tenant: string, job: GraphNode, param: string): Promise<GraphNode | null> {
    return this.findVersion(tenant, job.id, param);
  }

  async run(tenant: string, run: GraphNode): Promise<Run> {
    const links = await this.catalog.linked(tenant, run.id, 'BOTH', ['RAN', 'READ_BY', 'WROTE'], IO_LIMIT);
    const of = (kind: EdgeKind) => links.filter((l) => l.edge.kind === kind).map((l) => l.node);
    const jobVersion = of('RAN').sort((a, b) => (a.updatedAt < b.updatedAt ? 1 : -1))[0] ?? null;
    return toRun(run, { jobVersion, inputs: of('READ_BY'), outputs: of('WROTE') });
  }

  /** Runs of a job (RUN_OF) or of a job version (RAN), newest first. */
  async runs(tenant: string, id: string, kind: 'RUN_OF' | 'RAN', limit: number, offset: number): Promise<Page<Run>> {
    const page = await this.catalog.newest(tenant, id, 'UPSTREAM', kind, limit, offset, LATEST_WINDOW);
    return { items: await Promise.all(page.items.map((r) => this.run(tenant, r))), total: page.total };
  }

  /** `runCount`: how many of the newest runs to include (Marquez's latestRuns). */
  async job(tenant: string, job: GraphNode, runCount: number): Promise<Job> {
    return toJob(job, await this.jobParts(tenant, job, runCount));
  }

  async jobData(tenant: string, job: GraphNode): Promise<JobData> {
    return toJobData(job, await this.jobParts(tenant, job, 1));
  }

  async jobVersions(tenant: string, job: GraphNode, limit: number, offset: number): Promise<Page<JobVersion>> {
    const page = await this.catalog.newest(tenant, job.id, 'DOWNSTREAM', 'HAS_VERSION', limit, offset);
    return { items: await Promise.all(page.items.map((v) => this.jobVersion(tenant, v))), total: page.total };
  }

  async jobVersion(tenant: string, version: GraphNode): Promise<JobVersion> {
    const [io, runs] = await Promise.all([this.versionIo(tenant, version), this.runs(tenant, version.id, 'RAN', 1, 0)]);
    return toJobVersion(version, { ...io, latestRun: runs.items[0] ?? null });
  }

  private async jobParts(tenant: string, job: GraphNode, runCount: number): Promise<JobParts> {
    const [current, runs] = await Promise.all([this.latest(tenant, job.id, 'HAS_VERSION'), this.runs(tenant, job.id, 'RUN_OF', runCount, 0)]);
    return { ...(current ? await this.versionIo(tenant, current) : await this.edgeIo(tenant, job)), runs: runs.items, current };
  }

  /** A job version's inputs and outputs (dataset ids kept on the version). */
  private async versionIo(tenant: string, version: GraphNode): Promise<{ inputs: DatasetId[]; outputs: DatasetId[] }> {
    const ids = (key: string) => (Array.isArray(version.props[key]) ? (version.props[key] as unknown[]).filter((x): x is string => typeof x === 'string') : []);
    const [inputs, outputs] = [ids('inputs'), ids('outputs')];
    const nodes = await this.catalog.getNodes(tenant, [...inputs, ...outputs]);
    const byId = new Map(nodes.filter((n): n is GraphNode => n !== null).map((n) => [n.id, datasetIdOf(n)]));
    const pick = (list: string[]) => list.flatMap((id) => (byId.has(id) ? [byId.get(id)!] : []));
    return { inputs: pick(inputs), outputs: pick(outputs) };
  }

  /** A job no terminal event versioned yet: what its lineage edges say it reads and writes. */
  private async edgeIo(tenant: string, job: GraphNode): Promise<{ inputs: DatasetId[]; outputs: DatasetId[] }> {
    const links = await this.catalog.linked(tenant, job.id, 'BOTH', ['INPUT_TO', 'OUTPUT'], IO_LIMIT);
    const of = (kind: EdgeKind) => links.filter((l) => l.edge.kind === kind).map((l) => datasetIdOf(l.node));
    return { inputs: of('INPUT_TO'), outputs: of('OUTPUT') };
  }

  private async latest(tenant: string, id: string, kind: EdgeKind): Promise<GraphNode | null> {
    return (await this.catalog.newest(tenant, id, 'DOWNSTREAM', kind, 1, 0, LATEST_WINDOW)).items[0] ?? null;
  }

  /** When a successful run last wrote the dataset: its current version, or the dataset itself when written without one. */
  private async lastModified(tenant: string, dataset: GraphNode, current: GraphNode | null): Promise<string | null> {
    const targets = current ? [dataset.id, current.id] : [dataset.id];
    const pages = await Promise.all(targets.map((id) => this.catalog.newest(tenant, id, 'UPSTREAM', 'WROTE', WRITERS_WINDOW, 0, WRITERS_WINDOW)));
    const ends = pages.flatMap((p) => p.items).map((r) => runState(r.props)).flatMap((s) => (s.state === 'COMPLETED' && s.endedAt ? [s.endedAt] : []));
    return ends.sort().at(-1) ?? null;
  }

  /** Exact and embedded-hash versions by id; a producer's own version string by its name-based UUID among the newest. */
  private async findVersion(tenant: string, baseId: string, param: string): Promise<GraphNode | null> {
    const found = (await this.catalog.getNodes(tenant, versionCandidates(param).map((v) => `${baseId}@${v}`))).find((n) => n !== null);
    if (found) return found;
    const page = await this.catalog.newest(tenant, baseId, 'DOWNSTREAM', 'HAS_VERSION', 1000, 0, 1000);
    return page.items.find((v) => versionUuid(baseId, str(v.props.version)) === param) ?? null;
  }
}
