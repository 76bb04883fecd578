/** The traces list's filters as URL query parameters (shareable), and as the API's TraceFilter. */
import type { TraceFilter } from '../../gql/graphql.js';

export const RANGES = ['15m', '1h', '24h', '7d', '30d', 'all'] as const;
export type Range = (typeof RANGES)[number];
const RANGE_MS: Record<Exclude<Range, 'all'>, number> = { '15m': 15 * 60_000, '1h': 3_600_000, '24h': 86_400_000, '7d': 7 * 86_400_000, '30d': 30 * 86_400_000 };

export interface TraceFilterParams { service: string; model: string; prompt: string; status: '' | 'OK' | 'ERROR'; range: Range }

export function filterParams(query: URLSearchParams): TraceFilterParams {
  const status = query.get('status');
  const range = query.get('range') as Range | null;
  return {
    service: query.get('service')?.trim() ?? '',
    model: query.get('model')?.trim() ?? '',
    prompt: query.get('prompt')?.trim() ?? '',
    status: status === 'OK' || status === 'ERROR' ? status : '',
    range: range && (RANGES as ReadonlyArray<string>).includes(range) ? range : 'all',
  };
}

/**
 * The API filter; `prompt` is `name` or `name@version` (or `@version` for a version of any prompt).
 * `now` is fixed by the caller so a re-render does not change the query.
 */
export function toTraceFilter(p: TraceFilterParams, now: number): TraceFilter {
  const filter: TraceFilter = {};
  if (p.service) filter.service = p.service;
  if (p.model) filter.model = p.model;
  if (p.status) filter.status = p.status;
  if (p.prompt) {
    const at = p.prompt.lastIndexOf('@');
    const name = at >= 0 ? p.prompt.slice(0, at) : p.prompt;
    const version = at >= 0 ? p.prompt.slice(at + 1) : '';
    if (name) filter.promptName = name;
    if (version) filter.promptVersion = version;
  }
  if (p.range !== 'all') filter.from = new Date(now - RANGE_MS[p.range]).toISOString();
  return filter;
}

/** The cursor stack of the pages seen (`after` of each), kept in the URL as `pages=c1,c2`. */
export function cursorStack(query: URLSearchParams): string[] {
  return (query.get('pages') ?? '').split(',').filter(Boolean);
}
