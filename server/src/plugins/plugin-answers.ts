/**
 * What plugins answer, checked whole before Loom takes any of it (plugins.ts): a facet handler's props
 * and tags, a renamed dataset, a webhook format's body and headers. A wrong part throws a PluginError
 * saying which part and why; the caller counts it against the plugin and leaves its answer out.
 */
import type { Props } from '../domain/model.js';
import { checkTagName } from '../domain/tags/tags.js';
import type { DatasetName, FacetContribution, FormattedBody } from '../domain/ports/Extensions.js';

export class PluginError extends Error {
  override name = 'PluginError';
}

/** What a facet handler may answer: props for the node, tags for it (or, on a dataset, for one of its fields). */
export interface FacetAnswer {
  props?: Record<string, string | number | boolean | null>;
  tags?: (string | { name: string; field?: string | null })[];
}
export type FormatAnswer = { body: string | object; contentType?: string; headers?: Record<string, string> };

const PROP_KEY = /^[A-Za-z0-9_.-]{1,100}$/;
const HEADER_NAME = /^[A-Za-z0-9!#$%&'*+.^_`|~-]{1,100}$/;
/** Headers a format may not set: Loom's own (signature, delivery id) and the transport's. */
const RESERVED_HEADER = /^(x-loom-.*|host|content-length|transfer-encoding|connection|content-type)$/i;
const MAX_PROPS = 50;
const MAX_TAGS = 50;
const MAX_STRING = 4096;
const MAX_BODY = 1024 * 1024;

export const message = (err: unknown) => (err instanceof Error ? err.message : String(err));

/** A facet handler's answer checked whole: a wrong part costs the whole answer, saying which part. */
export function checkFacetAnswer(answer: unknown, plugin: string): FacetContribution | null {
  if (answer === null || answer === undefined) return null;
  if (typeof (answer as PromiseLike<unknown>).then === 'function') throw new PluginError('answered a Promise: facet handlers must answer synchronously');
  if (typeof answer !== 'object' || Array.isArray(answer)) throw new PluginError('must answer { props, tags }, null or nothing');
  const { props = {}, tags = [], ...rest } = answer as FacetAnswer;
  const extra = Object.keys(rest);
  if (extra.length) throw new PluginError(`answered ${extra[0]}: only props and tags are taken`);
  if (!props || typeof props !== 'object' || Array.isArray(props)) throw new PluginError('props: must be an object');
  const entries = Object.entries(props);
  if (entries.length > MAX_PROPS) throw new PluginError(`props: at most ${MAX_PROPS}`);
  const out: Props = {};
  for (const [k, v] of entries) {
    if (!PROP_KEY.test(k)) throw new PluginError(`props.${k}: a key is 1-100 letters, digits, "_", "." or "-"`);
    const ok = v === null || typeof v === 'boolean' || (typeof v === 'number' && Number.isFinite(v)) || (typeof v === 'string' && v.length <= MAX_STRING);
    if (!ok) throw new PluginError(`props.${k}: must be a string (at most ${MAX_STRING} characters), a finite number, a boolean or null`);
    out[k] = v;
  }
  if (!Array.isArray(tags)) throw new PluginError('tags: must be a list');
  if (tags.length > MAX_TAGS) throw new PluginError(`tags: at most ${MAX_TAGS}`);
  const tagList = tags.map((t, i) => {
    const { name, field = null } = typeof t === 'string' ? { name: t } : (t ?? {}) as { name?: unknown; field?: unknown };
    try {
      checkTagName(`tags[${i}]`, name);
    } catch (err) {
      throw new PluginError(`tags[${i}]: ${message(err)}`);
    }
    if (field !== null && (typeof field !== 'string' || !field || field.length > 1000)) throw new PluginError(`tags[${i}].field: must be a column name (1-1000 characters) or null`);
    return { name: name as string, field: field as string | null };
  });
  return entries.length || tagList.length ? { plugin, props: out, tags: tagList } : null;
}

/** A renamed dataset: names an id can hold (no NUL), as long as an emitter's may be. */
export function checkDatasetName(answer: DatasetName): DatasetName {
  if (typeof (answer as unknown as PromiseLike<unknown>).then === 'function') throw new PluginError('answered a Promise: renameDataset handlers must answer synchronously');
  for (const part of ['namespace', 'name'] as const) {
    const v = (answer as unknown as Record<string, unknown>)[part];
    if (typeof v !== 'string' || !v.trim() || v.length > MAX_STRING || v.includes('\u0000')) throw new PluginError(`answered ${part}: must be a non-empty string of at most ${MAX_STRING} characters without NUL`);
  }
  return { namespace: answer.namespace, name: answer.name };
}

export function checkFormatAnswer(answer: FormatAnswer): FormattedBody {
  if (!answer || typeof answer !== 'object' || answer.body === undefined || answer.body === null) throw new PluginError('answered no { body }');
  const body = typeof answer.body === 'string' ? answer.body : JSON.stringify(answer.body);
  if (Buffer.byteLength(body) > MAX_BODY) throw new PluginError(`body: at most ${MAX_BODY} bytes`);
  const contentType = answer.contentType ?? (typeof answer.body === 'string' ? 'text/plain; charset=utf-8' : 'application/json');
  if (typeof contentType !== 'string' || /[\r\n]/.test(contentType)) throw new PluginError('contentType: must be a one-line string');
  const headers: Record<string, string> = {};
  for (const [k, v] of Object.entries(answer.headers ?? {})) {
    if (!HEADER_NAME.test(k) || RESERVED_HEADER.test(k)) throw new PluginError(`headers.${k}: not a header a format may set (Loom's X-Loom-*, Host, Content-Length and Content-Type are Loom's)`);
    if (typeof v !== 'string' || /[\r\n]/.test(v)) throw new PluginError(`headers.${k}: must be a one-line string`);
    headers[k] = v;
  }
  return { body, contentType, headers };
}
