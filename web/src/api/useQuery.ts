import { useCallback, useEffect, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql.js';
import { useExecute } from './ApiContext.js';

export interface QueryState<T> {
  /** Last successful result; kept while a newer request is loading. */
  data: T | null;
  loading: boolean;
  error: string | null;
}

const IDLE = { data: null, loading: false, error: null };

/**
 * Runs `document` whenever `variables` change (compared by value); `null` variables mean "don't run".
 * A newer request aborts the older one, so results never arrive out of order. `reload()` runs it
 * again (a page that changed what it shows, e.g. after a promotion, reads it back).
 */
export function useQuery<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables | null,
): QueryState<TResult> & { reload: () => void } {
  const execute = useExecute();
  const [state, setState] = useState<QueryState<TResult>>(IDLE);
  const [revision, setRevision] = useState(0);
  const key = variables === null ? null : JSON.stringify(variables);

  useEffect(() => {
    if (key === null) {
      setState(IDLE);
      return;
    }
    const controller = new AbortController();
    setState((previous) => ({ data: previous.data, loading: true, error: null }));
    execute(document, JSON.parse(key) as TVariables, controller.signal).then(
      (data) => setState({ data, loading: false, error: null }),
      (error: unknown) => {
        if (controller.signal.aborted) return;
        setState({ data: null, loading: false, error: error instanceof Error ? error.message : String(error) });
      },
    );
    return () => controller.abort();
  }, [execute, document, key, revision]);

  const reload = useCallback(() => setRevision((r) => r + 1), []);
  return { ...state, reload };
}
