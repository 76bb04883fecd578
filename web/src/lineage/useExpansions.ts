import { useEffect, useState } from 'react';
import { useExecute } from '../api/ApiContext.js';
import { HopAsOfDocument, NeighboursDocument } from '../api/documents.js';
import type { Execute } from '../api/client.js';
import { expansionKey, type ExpansionData, type ExpansionSpec } from './explore.js';
import { hopFromLineage } from './hop.js';

/** Neighbours per expansion page: small enough to read, the rest behind an "N more" node. */
export const EXPANSION_PAGE = 25;
const MAX_FETCH = 500; // the server's page limit

export interface ExpansionsState { loaded: ReadonlyMap<string, ExpansionData>; loading: boolean; error: string | null }

/**
 * Fetches what the expansions need and keeps it: only missing pages are asked for, so loading one more
 * page of a hub is one request for that page. Time travel (`asOf`) asks the lineage query for one hop
 * (the neighbours field is current-only) and keeps a separate cache per date.
 */
export function useExpansions(specs: readonly ExpansionSpec[], asOf: string | null): ExpansionsState {
  const execute = useExecute();
  const [cache, setCache] = useState<{ asOf: string | null; loaded: Map<string, ExpansionData> }>({ asOf, loaded: new Map() });
  const [pending, setPending] = useState(0);
  const [error, setError] = useState<string | null>(null);
  const loaded = cache.asOf === asOf ? cache.loaded : new Map<string, ExpansionData>();
  const missing = specs.filter((s) => (loaded.get(expansionKey(s))?.items.length ?? -1) < Math.min(s.pages * EXPANSION_PAGE, loaded.get(expansionKey(s))?.total ?? Infinity));
  const wanted = JSON.stringify(missing.map((s) => [s.anchor, s.direction, s.pages]));

  useEffect(() => {
    if (missing.length === 0) return;
    let current = true;
    setPending((n) => n + 1);
    setError(null);
    Promise.all(missing.map(async (spec) => [spec, await fetchPages(execute, spec, loaded.get(expansionKey(spec)), asOf)] as const))
      .then((answers) => {
        if (!current) return;
        setCache((previous) => {
          const next = new Map(previous.asOf === asOf ? previous.loaded : []);
          for (const [spec, data] of answers) next.set(expansionKey(spec), data);
          return { asOf, loaded: next };
        });
      }, (e: unknown) => current && setError(e instanceof Error ? e.message : String(e)))
      .finally(() => setPending((n) => n - 1));
    return () => {
      current = false;
    };
    // `wanted` captures `missing`; `loaded` is read at the time of the request on purpose.
    // eslint-disable-next-line react-hooks/exhaustive-deps
  }, [wanted, asOf, execute]);

  return { loaded, loading: pending > 0, error };
}

async function fetchPages(execute: Execute, spec: ExpansionSpec, have: ExpansionData | undefined, asOf: string | null): Promise<ExpansionData> {
  const already = have?.items.length ?? 0;
  const first = Math.min(MAX_FETCH, spec.pages * EXPANSION_PAGE - already);
  if (asOf) {
    const data = await execute(HopAsOfDocument, { nodeId: spec.anchor, direction: spec.direction, limit: Math.min(5000, already + first), asOf });
    const counted = data.lineageCount?.byDistance.find((d) => d.distance === 1)?.count ?? null;
    return data.lineage ? hopFromLineage(data.lineage, spec.anchor, already + first, counted) : { items: [], total: 0 };
  }
  const data = await execute(NeighboursDocument, { id: spec.anchor, direction: spec.direction, first, offset: already });
  const page = data.node && 'neighbours' in data.node ? data.node.neighbours : { items: [], total: 0 };
  return { items: [...(have?.items ?? []), ...page.items], total: page.total };
}
