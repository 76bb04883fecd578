import type { ComponentType } from 'react';

/** The node as the details panel already fetched it (node(id)). */
export interface DetailsNode { id: string; kind: string; namespace: string; name: string; props: unknown; createdAt: string; updatedAt: string }
export interface KindDetailsProps { node: DetailsNode; onOpenLineage: (id: string) => void }
/** The kind-specific part of the details panel, under the common facts. */
export type KindDetails = ComponentType<KindDetailsProps>;
export type KindDetailsMap = Partial<Record<string, KindDetails>>;
