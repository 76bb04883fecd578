import { useEffect, useState } from 'react';
import { useExecute } from '../../api/ApiContext.js';
import type { TypedDocumentString } from '../../gql/graphql.js';
import type { QueryState } from '../../api/useQuery.js';

/**
 * Runs `document` now and then every `intervalMs` while `live(data)` holds (e.g. the run is not in a
 * final state); `refresh()` asks again at once. A failed poll keeps the last data and shows the error.
 */
export function usePoll<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
  variables: TVariables,
  intervalMs: number,
  live: (data: TResult) => boolean,
): QueryState<TResult> & { refresh: () => void } {
  const execute = useExecute();
  const [state, setState] = useState<QueryState<TResult>>({ data: null, loading: true, error: null });
  const [tick, setTick] = useState(0);
  const key = JSON.stringify(variables);

  useEffect(() => {
    const controller = new AbortController();
    let timer: ReturnType<typeof setTimeout> | undefined;
    const poll = () => {
      setState((s) => ({ ...s, loading: true }));
      execute(document, JSON.parse(key) as TVariables, controller.signal).then(
        (data) => {
          setState({ data, loading: false, error: null });
          if (live(data)) timer = setTimeout(poll, intervalMs);
        },
        (error: unknown) => {
          if (controller.signal.aborted) return;
          setState((s) => ({ data: s.data, loading: false, error: error instanceof Error ? error.message : String(error) }));
          timer = setTimeout(poll, intervalMs * 2);
        },
      );
    };
    poll();
    return () => {
      controller.abort();
      clearTimeout(timer);
    };
    // `live` is read when a result arrives; a new function identity must not restart polling
  }, [execute, document, key, intervalMs, tick]);

  return { ...state, refresh: () => setTick((n) => n + 1) };
}
