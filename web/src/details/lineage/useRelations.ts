import { NodeRelationsDocument } from '../../api/documents.js';
import { useQuery } from '../../api/useQuery.js';
import { groupRelations, type Relations } from '../relations.js';

/** Neighbours read for a details section (fields, versions, runs…): the first this many. */
export const RELATIONS_FIRST = 300;

export function useRelations(id: string): { relations: Relations | null; total: number; loading: boolean; error: string | null } {
  const { data, loading, error } = useQuery(NodeRelationsDocument, { id, first: RELATIONS_FIRST });
  const node = data?.node && 'neighbours' in data.node && data.node.id === id ? data.node : null;
  return {
    relations: node ? groupRelations(id, node.neighbours.items) : null,
    total: node?.neighbours.total ?? 0,
    loading,
    error,
  };
}
