/**
 * Data sources as Marquez's `/sources` API keeps them (what marquez-python's `create_source` writes before
 * `create_dataset` names one): a `Source` node per tenant and name, with its type and connection URL. A
 * dataset written through Marquez's API names its source, whose URL becomes the dataset's `dataSource` facet.
 */
import type { GraphNode } from './model.js';
import { nodeId, REGISTRY_NAMESPACE } from './ids.js';
import { badInput } from './errors.js';
import type { GraphStore } from './ports/GraphStore.js';
import { requireWrite, type Actor } from './registry/actor.js';

/** Marquez's Source (no `description` key when it has none: the document types it as a string). */
export interface Source { name: string; type: string; connectionUrl: string; description?: string; createdAt: string; updatedAt: string }

const MAX_SOURCES = 10_000;
const sourceId = (name: string) => nodeId('Source', REGISTRY_NAMESPACE, name);
const str = (v: unknown) => (typeof v === 'string' ? v : null);

function toSource(n: GraphNode): Source {
  const description = str(n.props.description);
  return {
    name: n.name, type: str(n.props.type) ?? '', connectionUrl: str(n.props.connectionUrl) ?? '', ...(description === null ? {} : { description }),
    createdAt: n.createdAt, updatedAt: n.updatedAt,
  };
}

function text(body: Record<string, unknown>, field: string, required: boolean, max: number): string | null {
  const v = body[field];
  if (v === undefined || v === null) {
    if (required) throw badInput(field, 'is required');
    return null;
  }
  if (typeof v !== 'string' || (required && !v)) throw badInput(field, required ? 'must be a non-empty string' : 'must be a string');
  if (v.length > max) throw badInput(field, `must be at most ${max} characters`);
  return v;
}

export class SourceService {
  constructor(private readonly graph: GraphStore) {}

  /** Create a source or change it (editor, admin): `{ type, connectionUrl, description }` as Marquez's CreatedSource. */
  async put(actor: Actor, name: string, raw: unknown): Promise<Source> {
    requireWrite(actor, 'create sources');
    if (!name || name.length > 1024) throw badInput('source', 'must be 1-1024 characters');
    if (!raw || typeof raw !== 'object' || Array.isArray(raw)) throw badInput('body', 'must be a JSON object, e.g. {"type": "POSTGRESQL", "connectionUrl": "jdbc:postgresql://db/mydb"}');
    const body = raw as Record<string, unknown>;
    const props = { type: text(body, 'type', true, 200), connectionUrl: text(body, 'connectionUrl', true, 4096), description: text(body, 'description', false, 10_000) };
    if (!(await this.get(actor.tenant, name)) && (await this.list(actor.tenant)).length >= MAX_SOURCES) throw badInput('source', `a tenant has at most ${MAX_SOURCES} sources`);
    await this.graph.write(actor.tenant, { nodes: [{ id: sourceId(name), kind: 'Source', namespace: REGISTRY_NAMESPACE, name, props }], edges: [] });
    return (await this.get(actor.tenant, name))!;
  }

  async get(tenant: string, name: string): Promise<Source | null> {
    const [n] = await this.graph.getNodes(tenant, [sourceId(name)]);
    return n && n.kind === 'Source' ? toSource(n) : null;
  }

  /** By name. */
  async list(tenant: string): Promise<Source[]> {
    const found = await this.graph.search(tenant, { text: '', kinds: ['Source'], limit: MAX_SOURCES });
    return found.filter((n) => n.kind === 'Source').map(toSource).sort((a, b) => (a.name < b.name ? -1 : a.name > b.name ? 1 : 0));
  }
}
