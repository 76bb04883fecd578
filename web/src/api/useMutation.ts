import { useCallback, useRef, useState } from 'react';
import type { TypedDocumentString } from '../gql/graphql.js';
import { RequestError } from './client.js';
import { useExecute } from './ApiContext.js';

export interface MutationState<T> { data: T | null; running: boolean; error: string | null; code: string | null; field: string | null }

/**
 * A mutation run on demand: `run(variables)` resolves to the result, or to null after a failure whose
 * message, GraphQL code (BAD_USER_INPUT, FORBIDDEN, CONFLICT…) and input field path are in the state for the form to show.
 */
export function useMutation<TResult, TVariables>(
  document: TypedDocumentString<TResult, TVariables>,
): [(variables: TVariables) => Promise<TResult | null>, MutationState<TResult>, () => void] {
  const execute = useExecute();
  const [state, setState] = useState<MutationState<TResult>>({ data: null, running: false, error: null, code: null, field: null });
  const latest = useRef(0);
  const run = useCallback(async (variables: TVariables) => {
    const id = ++latest.current;
    setState((s) => ({ ...s, running: true, error: null, code: null, field: null }));
    try {
      const data = await execute(document, variables);
      if (id === latest.current) setState({ data, running: false, error: null, code: null, field: null });
      return data;
    } catch (error) {
      if (id === latest.current) {
        setState({ data: null, running: false, error: error instanceof Error ? error.message : String(error), code: error instanceof RequestError ? error.code ?? null : null, field: error instanceof RequestError ? error.field ?? null : null });
      }
      return null;
    }
  }, [execute, document]);
  const reset = useCallback(() => setState({ data: null, running: false, error: null, code: null, field: null }), []);
  return [run, state, reset];
}
