/**
 * Marquez's older write API (PUT a dataset or a job, create a run, mark it started, completed, failed or
 * aborted: what marquez-python's `create_dataset`, `create_job`, `create_job_run`, `mark_job_run_as_*`
 * call) as the OpenLineage events they amount to. They go through the same ingest as any emitter's
 * events (versions, archive, quotas, read-your-writes), so the graph cannot tell them apart. Each
 * translation checks Marquez's request body and names the field it refuses.
 */
import { randomUUID } from 'node:crypto';
import { badInput } from '../errors.js';

/** The `producer` of the events the Marquez API writes. */
export const MARQUEZ_API_PRODUCER = 'https://github.com/loom/loom/marquez-api';
const SPEC = 'https://openlineage.io/spec/2-0-2/OpenLineage.json';
const facet = (name: string) => ({ _producer: MARQUEZ_API_PRODUCER, _schemaURL: `https://openlineage.io/spec/facets/1-0-0/${name}.json` });

type Body = Record<string, unknown>;
const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

function object(body: unknown, path = 'body'): Body {
  if (!body || typeof body !== 'object' || Array.isArray(body)) throw badInput(path, 'must be a JSON object');
  return body as Body;
}
function text(b: Body, field: string, opts: { required?: boolean; path?: string; max?: number } = {}): string | null {
  const v = b[field];
  const path = opts.path ?? field;
  if (v === undefined || v === null) {
    if (opts.required) throw badInput(path, 'is required');
    return null;
  }
  if (typeof v !== 'string' || (opts.required && v === '')) throw badInput(path, opts.required ? 'must be a non-empty string' : 'must be a string');
  if (v.length > (opts.max ?? 100_000)) throw badInput(path, `must be at most ${opts.max ?? 100_000} characters`);
  return v;
}
function list(b: Body, field: string, required: boolean): unknown[] {
  const v = b[field];
  if (v === undefined || v === null) {
    if (required) throw badInput(field, 'is required: a list');
    return [];
  }
  if (!Array.isArray(v)) throw badInput(field, 'must be a list');
  if (v.length > 10_000) throw badInput(field, 'at most 10,000 items');
  return v;
}
function time(value: string | null, field: string): string | null {
  if (value === null) return null;
  const ms = Date.parse(value);
  if (!/^\d{4}-\d{2}-\d{2}/.test(value) || Number.isNaN(ms)) throw badInput(field, 'must be an ISO-8601 date-time');
  return new Date(ms).toISOString();
}
/** Marquez types field tags as a string and sends a list: take either. */
function tagKeys(v: unknown, field: string): string[] {
  if (v === undefined || v === null) return [];
  if (typeof v === 'string') return v ? [v] : [];
  if (Array.isArray(v) && v.every((x) => typeof x === 'string')) return v as string[];
  throw badInput(field, 'must be a list of tag names');
}

/** The run a dataset PUT names (`runId`, a UUID), or null; the caller checks that it exists. */
export function datasetRunIdOf(raw: unknown): string | null {
  const runId = text(object(raw), 'runId', { max: 64 });
  if (runId !== null && !UUID.test(runId)) throw badInput('runId', 'must be a UUID (the id of a run of this tenant)');
  return runId;
}

/**
 * `PUT /namespaces/{ns}/datasets/{name}` (a DbTable or a Stream) → a DatasetEvent; `sourceUrl`: a registered
 * source's connection URL. With `run` (the body's `runId`, and that run's job), the run wrote this version, as
 * Marquez links it: a RunEvent without an event type (the run's state stays) naming the dataset as its output,
 * so the version's `createdByRun` is that run (when it wrote the version first) and the run lists it.
 */
export function datasetEventOf(
  namespace: string, name: string, raw: unknown, now: string, sourceUrl: (name: string) => string | null = () => null,
  run: { runId: string; job: { namespace: string; name: string } } | null = null,
): Record<string, unknown> {
  const b = object(raw);
  const type = text(b, 'type', { required: true });
  if (type !== 'DB_TABLE' && type !== 'STREAM') throw badInput('type', 'must be DB_TABLE or STREAM');
  text(b, 'physicalName', { required: true, max: 1024 });
  const sourceName = text(b, 'sourceName', { required: true, max: 1024 })!;
  const fields = list(b, 'fields', true).map((f, i) => {
    const o = object(f, `fields[${i}]`);
    return {
      name: text(o, 'name', { required: true, path: `fields[${i}].name`, max: 1024 })!,
      type: text(o, 'type', { required: true, path: `fields[${i}].type`, max: 1024 })!,
      description: text(o, 'description', { path: `fields[${i}].description` }),
      tags: tagKeys(o.tags, `fields[${i}].tags`),
    };
  });
  const description = text(b, 'description');
  const schemaLocation = type === 'STREAM' ? text(b, 'schemaLocation') : null;
  const tags = [
    ...tagKeys(b.tags, 'tags').map((key) => ({ key, value: 'true', source: 'MARQUEZ' })),
    ...fields.flatMap((f) => f.tags.map((key) => ({ key, value: 'true', source: 'MARQUEZ', field: f.name }))),
  ];
  const facets: Record<string, unknown> = {
    schema: { ...facet('SchemaDatasetFacet'), fields: fields.map((f) => ({ name: f.name, type: f.type, ...(f.description ? { description: f.description } : {}) })) },
    dataSource: { ...facet('DatasourceDatasetFacet'), name: sourceName, uri: sourceUrl(sourceName) ?? sourceName },
    datasetType: { ...facet('DatasetTypeDatasetFacet'), datasetType: type === 'STREAM' ? 'STREAM' : 'TABLE' },
  };
  if (description) facets.documentation = { ...facet('DocumentationDatasetFacet'), description };
  if (schemaLocation) facets.schemaLocation = { ...facet('SchemaLocation'), url: schemaLocation };
  if (tags.length) facets.tags = { ...facet('TagsDatasetFacet'), tags };
  const dataset = { namespace, name, facets };
  if (run) return { eventTime: now, producer: MARQUEZ_API_PRODUCER, schemaURL: `${SPEC}#/$defs/RunEvent`, run: { runId: run.runId }, job: run.job, inputs: [], outputs: [dataset] };
  return { eventTime: now, producer: MARQUEZ_API_PRODUCER, schemaURL: `${SPEC}#/$defs/DatasetEvent`, dataset };
}

/** `PUT /namespaces/{ns}/jobs/{name}` → a JobEvent with its inputs, outputs and facets. */
export function jobEventOf(namespace: string, name: string, raw: unknown, now: string): Record<string, unknown> {
  const b = object(raw);
  const type = text(b, 'type', { required: true });
  if (type !== 'BATCH' && type !== 'STREAM' && type !== 'SERVICE') throw badInput('type', 'must be BATCH, STREAM or SERVICE');
  const ids = (field: 'inputs' | 'outputs') => list(b, field, true).map((d, i) => {
    const o = object(d, `${field}[${i}]`);
    return { namespace: text(o, 'namespace', { required: true, path: `${field}[${i}].namespace`, max: 1024 })!, name: text(o, 'name', { required: true, path: `${field}[${i}].name`, max: 1024 })! };
  });
  const [inputs, outputs] = [ids('inputs'), ids('outputs')];
  const location = text(b, 'location', { max: 4096 });
  const description = text(b, 'description');
  const context = contextOf(b.context);
  const { sql = null, ...rest } = context;
  const facets: Record<string, unknown> = {
    jobType: { ...facet('JobTypeJobFacet'), processingType: type === 'STREAM' ? 'STREAMING' : 'BATCH', integration: 'MARQUEZ', jobType: type === 'SERVICE' ? 'SERVICE' : 'JOB' },
  };
  if (location) facets.sourceCodeLocation = { ...facet('SourceCodeLocationJobFacet'), type: 'url', url: location };
  if (description) facets.documentation = { ...facet('DocumentationJobFacet'), description };
  if (sql) facets.sql = { ...facet('SQLJobFacet'), query: sql };
  if (Object.keys(rest).length) facets[MARQUEZ_CONTEXT_FACET] = { ...facet('MarquezContextJobFacet'), context: rest };
  return { eventTime: now, producer: MARQUEZ_API_PRODUCER, schemaURL: `${SPEC}#/$defs/JobEvent`, job: { namespace, name, facets }, inputs, outputs };
}

/**
 * `POST /namespaces/{ns}/jobs/{name}/runs` → a RunEvent without an event type: the run exists, NEW, until
 * it is marked started. Its id is the one given (a UUID) or a new one; `args` are kept as a run facet.
 */
export function createdRunEventOf(namespace: string, name: string, io: JobIo, raw: unknown, now: string): { runId: string; event: Record<string, unknown> } {
  const b = raw === undefined || raw === null ? {} : object(raw);
  const given = text(b, 'id');
  if (given !== null && !UUID.test(given)) throw badInput('id', 'must be a UUID');
  const runId = given ?? randomUUID();
  const nominalStartTime = time(text(b, 'nominalStartTime'), 'nominalStartTime');
  const nominalEndTime = time(text(b, 'nominalEndTime'), 'nominalEndTime');
  const args = b.args === undefined || b.args === null ? null : object(b.args, 'args');
  const facets: Record<string, unknown> = {};
  if (nominalStartTime) facets.nominalTime = { ...facet('NominalTimeRunFacet'), nominalStartTime, ...(nominalEndTime ? { nominalEndTime } : {}) };
  if (args) facets[MARQUEZ_ARGS_FACET] = { ...facet('MarquezArgsRunFacet'), args };
  return { runId, event: { eventTime: now, producer: MARQUEZ_API_PRODUCER, schemaURL: `${SPEC}#/$defs/RunEvent`, run: { runId, facets }, job: { namespace, name }, ...io } };
}

/** The custom job facet holding a job's Marquez `context` other than its `sql` (which goes to the sql facet). */
export const MARQUEZ_CONTEXT_FACET = 'marquez_context';
const MAX_CONTEXT_KEYS = 100;

/** Marquez's job `context`: a map of strings (`sql`, `dag`, whatever the client keeps there). */
function contextOf(raw: unknown): Record<string, string> {
  if (raw === undefined || raw === null) return {};
  const context = object(raw, 'context');
  const keys = Object.keys(context);
  if (keys.length > MAX_CONTEXT_KEYS) throw badInput('context', `at most ${MAX_CONTEXT_KEYS} entries`);
  for (const key of keys) {
    if (key.length > 256) throw badInput('context', 'keys of at most 256 characters');
    text(context, key, { path: `context.${key}` });
  }
  return Object.fromEntries(keys.filter((k) => context[k] !== null).map((k) => [k, context[k] as string]));
}

/** The custom run facet holding a run's Marquez `args`. */
export const MARQUEZ_ARGS_FACET = 'marquez_args';

export const RUN_TRANSITIONS = { start: 'START', complete: 'COMPLETE', fail: 'FAIL', abort: 'ABORT' } as const;

/**
 * `POST /jobs/runs/{id}/{start|complete|fail|abort}?at=` → that RunEvent of the run's job, at `at` (default
 * now). Marquez links such a run to its job's current inputs and outputs; the event names them, so the run
 * reads and writes them and the job's lineage stays what its definition says (a terminal event without them
 * would say the job now reads and writes nothing: openlineage/edge-history.ts).
 */
export function transitionEventOf(job: { namespace: string; name: string }, io: JobIo, runId: string, transition: keyof typeof RUN_TRANSITIONS, at: string | null, now: string): Record<string, unknown> {
  return {
    eventType: RUN_TRANSITIONS[transition], eventTime: time(at, 'at') ?? now, producer: MARQUEZ_API_PRODUCER, schemaURL: `${SPEC}#/$defs/RunEvent`,
    run: { runId }, job, ...io,
  };
}

/** A job's current inputs and outputs (Marquez's Job view). */
export interface JobIo { inputs: { namespace: string; name: string }[]; outputs: { namespace: string; name: string }[] }
