import { NodeRelationsDocument } from '../../api/documents.js';
import { useQuery } from '../../api/useQuery.js';
import { relationsOf, type RelationCounts, type Relations } from '../relations.js';

/** Neighbours read for each details section (fields, versions, runs…): the first this many of each. */
export const RELATIONS_FIRST = 300;

export type DetailRelations = Relations & { counts: RelationCounts; cut: boolean };

export function useRelations(id: string): { relations: DetailRelations | null; loading: boolean; error: string | null } {
  const { data, loading, error } = useQuery(NodeRelationsDocument, { id, first: RELATIONS_FIRST });
  const node = data?.node && 'fields' in data.node && data.node.id === id ? data.node : null;
  return { relations: node ? relationsOf(id, node) : null, loading, error };
}
