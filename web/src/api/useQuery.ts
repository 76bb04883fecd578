import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql.js';
import { useExecute } from './ApiContext.js';

export interface QueryState<T> {
  /** Last successful result; kept while a newer request is loading. */
  data: T | null;
  loading: boolean;
  error: string | null;
}

interface Held<T> extends QueryState<T> {
  /** The variables (as JSON) `data` answers. */
  dataKey: string | null;
}

const IDLE = { data: null, loading: false, error: null, dataKey: null };

/**
 * Runs `document` whenever `variables` change (compared by value); `null` variables mean "don't run".
 * A newer request aborts the older one, so results never arrive out of order. `reload()` runs it
 * again (a page that changed what it shows, e.g. after a promotion, reads it back). `stale` says the
 * data kept while loading answers earlier variables.
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
): QueryState<TResult> & { reload: () => void; stale: boolean } {
  const execute = useExecute();
  const [state, setState] = useState<Held<TResult>>(IDLE);
  const [revision, setRevision] = useState(0);
  const key = variables === null ? null : JSON.stringify(variables);

  useEffect(() => {
    if (key === null) {
      setState(IDLE);
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ ...previous, loading: true, error: null }));
    execute(document, JSON.parse(key) as TVariables, controller.signal).then(
      (data) => setState({ data, loading: false, error: null, dataKey: key }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ data: null, loading: false, error: error instanceof Error ? error.message : String(error), dataKey: null });
      },
    );
    return () => controller.abort();
  }, [execute, document, key, revision]);

  const reload = useCallback(() => setRevision((r) => r + 1), []);
  const { dataKey, ...shown } = state;
  // `stale`: the data kept answers other variables than these (a view whose rows change shape with them shows none).
  return { ...shown, reload, stale: shown.data !== null && dataKey !== key };
}
