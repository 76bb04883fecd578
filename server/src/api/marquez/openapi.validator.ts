/**
 * Test support: validators for the response schemas of Marquez's openapi.yml (OpenAPI 3.0), with
 * the errata Marquez's own responses need applied, each with its reason. Nothing else is loosened.
 */
import { readFileSync } from 'node:fs';
import { parse } from 'yaml';
import { Ajv, type ValidateFunction } from 'ajv';
import addFormatsModule from 'ajv-formats';

type Schema = Record<string, unknown>;
const SPEC = new URL('../../../../../shared/openlineage/marquez/openapi.yml', import.meta.url);
const addFormats = addFormatsModule as unknown as (ajv: Ajv) => Ajv;

/**
 * Properties Marquez's models declare @Nullable and serialize as null (Jackson writes empty Optionals
 * as null), which the document types as plain strings/objects; the spec's own examples show several
 * of them as null (Job.latestRun, Run.endedAt, Dataset.lastModifiedAt...).
 */
const NULLABLE: Record<string, string[]> = {
  Namespace: ['description'],
  Dataset: ['lastModifiedAt', 'lastLifecycleState', 'description', 'fields/items/type', 'fields/items/description'],
  DatasetVersion: ['description', 'createdByRun', 'fields/items/type', 'fields/items/description'],
  Job: ['location', 'description', 'latestRun', 'parentJobName', 'parentJobUuid', 'currentVersion'],
  JobVersion: ['location', 'latestRun'],
  IncompleteRun: ['nominalStartTime', 'nominalEndTime', 'startedAt', 'endedAt', 'durationMs'],
};

function errata(schemas: Record<string, Schema>): void {
  for (const [name, paths] of Object.entries(NULLABLE)) for (const p of paths) nullable(schemas[name], p.split('/'));
  // A Run is an IncompleteRun plus jobVersion and dataset versions: with anyOf the second part would
  // never be checked (IncompleteRun alone accepts any object). jobVersion is null for an unversioned job.
  schemas.Run.allOf = schemas.Run.anyOf;
  delete schemas.Run.anyOf;
  nullable((schemas.Run.allOf as Schema[])[1], ['jobVersion']);
  // The facets of a run or job are a map of facets, not one facet (Marquez returns {runId, facets: {name: facet}}).
  props(schemas.FacetsResult).facets = { $ref: '#/components/schemas/RunFacets' };
  // Marquez returns tags as a list everywhere; the document types DatasetVersion.tags as a string.
  props(schemas.DatasetVersion).tags = { type: 'array', items: { type: 'string' } };
  // The node's own `type` (DATASET/JOB) tells what `data` is, not data.type (DB_TABLE, BATCH): both
  // open shapes match any object, so oneOf can never pass. Tests check data against the right shape.
  props(schemas.GraphNode).data = { type: 'object' };
  // Column lineage nodes: Marquez's NodeType includes DATASET_FIELD.
  schemas.NodeType.enum = [...(schemas.NodeType.enum as string[]), 'DATASET_FIELD'];
}

const props = (s: Schema) => s.properties as Record<string, Schema>;

function nullable(schema: Schema, path: string[]): void {
  let parent = schema;
  for (const step of path.slice(0, -1)) parent = (step === 'items' ? parent.items : props(parent)[step]) as Schema;
  const last = path[path.length - 1];
  const target = props(parent)[last];
  if (!target) throw new Error(`openapi errata: no property ${path.join('/')}`);
  props(parent)[last] = { anyOf: [target, { type: 'null' }] };
}

/** OpenAPI 3.0 → JSON Schema: `nullable: true` becomes a null alternative; empty `type:` keys are dropped. */
function toJsonSchema(node: unknown): unknown {
  if (Array.isArray(node)) return node.map(toJsonSchema);
  if (!node || typeof node !== 'object') return node;
  const out: Schema = {};
  for (const [k, v] of Object.entries(node)) if (!(k === 'type' && v === null) && k !== 'nullable') out[k] = toJsonSchema(v);
  return (node as Schema).nullable === true ? { anyOf: [out, { type: 'null' }] } : out;
}

export interface MarquezSchemas { validate(name: string, body: unknown): string[] }

export function loadMarquezSchemas(): MarquezSchemas {
  const spec = parse(readFileSync(SPEC, 'utf8')) as { components: { schemas: Record<string, Schema> } };
  const schemas = toJsonSchema(spec.components.schemas) as Record<string, Schema>;
  errata(schemas);
  const ajv = new Ajv({ strict: false, allErrors: true });
  addFormats(ajv);
  ajv.addFormat('URL', (s: string) => URL.canParse(s));
  ajv.addSchema({ $id: 'marquez', components: { schemas } });
  const compiled = new Map<string, ValidateFunction>();
  return {
    validate(name, body) {
      const fn = compiled.get(name) ?? ajv.getSchema(`marquez#/components/schemas/${name}`);
      if (!fn) throw new Error(`no schema ${name}`);
      compiled.set(name, fn);
      return fn(body) ? [] : (fn.errors ?? []).map((e) => `${name}${e.instancePath} ${e.message} ${JSON.stringify(e.params)}`);
    },
  };
}
