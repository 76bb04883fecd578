/**
 * The explorer's view state as URL query parameters (pure), so a view is shareable and survives reloads:
 * `?node=<id>&direction=UPSTREAM&depth=4&asOf=2026-03-03T00:00:00Z&view=columns&kinds=Dataset,Job&exp=d2:<id>,u1:<id>&hubs=d2:<id>&all=1&group=1&open=Run%7Cairflow&tag=PII&sel=<id>`.
 */
import type { ExpansionSpec } from './explore.js';
import type { HubSpec } from './hubs.js';

export type Direction = 'BOTH' | 'UPSTREAM' | 'DOWNSTREAM';
export type ViewMode = 'graph' | 'columns' | 'impact';
export interface ViewState {
  node: string | null;
  selected: string | null;
  direction: Direction;
  depth: number;
  asOf: string | null;
  view: ViewMode;
  kinds: string[];
  expansions: ExpansionSpec[];
  /** Pages shown of the hubs of the base answer (hubs.ts). */
  hubs: HubSpec[];
  /** Draw every child of hubs (no paging): `all=1`. */
  showAll: boolean;
  /**
   * Group the nodes of one kind in one namespace into a cluster (clusters.ts): `group=1`, or not: `group=0`.
   * null (no `group`): the user has not chosen for this root, large answers are grouped by themselves (autoGroup.ts).
   */
  grouped: boolean | null;
  /** Clusters opened (their keys, `<kind>|<namespace>`): `open=`. */
  opened: string[];
  /** A tag whose carriers, and what lies downstream of them untagged, are marked on the map (tagOverlay.ts): `tag=`. */
  tag: string | null;
}

export const MIN_DEPTH = 1;
export const MAX_DEPTH = 10;
export const DEFAULT_DEPTH = 3;
const DIRECTIONS: readonly Direction[] = ['BOTH', 'UPSTREAM', 'DOWNSTREAM'];
const VIEWS: readonly ViewMode[] = ['graph', 'columns', 'impact'];

export function parseViewState(query: URLSearchParams): ViewState {
  const depth = Number(query.get('depth'));
  const asOf = query.get('asOf');
  return {
    node: query.get('node') || null,
    selected: query.get('sel') || null,
    direction: oneOf(query.get('direction'), DIRECTIONS, 'BOTH'),
    depth: Number.isInteger(depth) && depth >= MIN_DEPTH && depth <= MAX_DEPTH ? depth : DEFAULT_DEPTH,
    asOf: asOf && !Number.isNaN(Date.parse(asOf)) ? asOf : null,
    view: oneOf(query.get('view'), VIEWS, 'graph'),
    kinds: (query.get('kinds') ?? '').split(',').filter(Boolean),
    expansions: parseExpansions(query.get('exp') ?? ''),
    hubs: parseExpansions(query.get('hubs') ?? ''),
    showAll: query.get('all') === '1',
    grouped: query.get('group') === '1' ? true : query.get('group') === '0' ? false : null,
    opened: (query.get('open') ?? '').split(',').filter(Boolean).flatMap((k) => { try { return [decodeURIComponent(k)]; } catch { return []; } }),
    tag: query.get('tag') || null,
  };
}

/** URL changes for `state` (defaults left out so URLs stay short). */
export function viewStateQuery(state: Partial<ViewState>): Record<string, string | number | null> {
  const out: Record<string, string | number | null> = {};
  if ('node' in state) out.node = state.node ?? null;
  if ('selected' in state) out.sel = state.selected ?? null;
  if ('direction' in state) out.direction = state.direction === 'BOTH' ? null : state.direction ?? null;
  if ('depth' in state) out.depth = state.depth === DEFAULT_DEPTH ? null : state.depth ?? null;
  if ('asOf' in state) out.asOf = state.asOf ?? null;
  if ('view' in state) out.view = state.view === 'graph' ? null : state.view ?? null;
  if ('kinds' in state) out.kinds = state.kinds?.length ? state.kinds.join(',') : null;
  if ('expansions' in state) out.exp = state.expansions?.length ? formatExpansions(state.expansions) : null;
  if ('hubs' in state) out.hubs = state.hubs?.length ? formatExpansions(state.hubs) : null;
  if ('showAll' in state) out.all = state.showAll ? 1 : null;
  if ('grouped' in state) out.group = state.grouped === true ? 1 : state.grouped === false ? 0 : null;
  if ('opened' in state) out.open = state.opened?.length ? state.opened.map(encodeURIComponent).join(',') : null;
  if ('tag' in state) out.tag = state.tag ?? null;
  return out;
}

/** `d2:<anchor>,u1:<anchor>`: expansions and hub pages alike (direction, pages, anchor). */
export function formatExpansions(specs: readonly (ExpansionSpec | HubSpec)[]): string {
  return specs.map((s) => `${s.direction === 'UPSTREAM' ? 'u' : 'd'}${s.pages}:${encodeURIComponent(s.anchor)}`).join(',');
}

export function parseExpansions(text: string): ExpansionSpec[] {
  const specs: ExpansionSpec[] = [];
  for (const part of text.split(',')) {
    const match = /^([ud])(\d{1,3}):(.+)$/.exec(part);
    if (!match || Number(match[2]) < 1) continue;
    let anchor: string;
    try {
      anchor = decodeURIComponent(match[3]);
    } catch {
      continue;
    }
    specs.push({ direction: match[1] === 'u' ? 'UPSTREAM' : 'DOWNSTREAM', pages: Number(match[2]), anchor });
  }
  return specs;
}

function oneOf<T extends string>(value: string | null, allowed: readonly T[], fallback: T): T {
  return allowed.includes(value as T) ? (value as T) : fallback;
}
