import { createContext, useContext } from 'react';
import type { Execute } from './client.js';

export const ApiContext = createContext<Execute | null>(null);

export function useExecute(): Execute {
  const execute = useContext(ApiContext);
  if (!execute) throw new Error('useExecute must be used inside <ApiContext.Provider>.');
  return execute;
}
