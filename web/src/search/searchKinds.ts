import type { NodeKind } from '../gql/graphql.js';

/** The kind chips of the search box and the node kinds each one searches. */
export const SEARCH_KINDS = ['datasets', 'jobs', 'runs', 'models', 'features', 'prompts'] as const;
export type SearchKindChip = (typeof SEARCH_KINDS)[number];

const KINDS: Record<SearchKindChip, NodeKind[]> = {
  datasets: ['Dataset', 'DatasetVersion', 'Field'],
  jobs: ['Job', 'JobVersion'],
  runs: ['Run', 'Experiment'],
  models: ['Model', 'ModelVersion'],
  features: ['FeatureGroup', 'Feature'],
  prompts: ['Prompt', 'PromptVersion'],
};

export function kindsFor(chip: SearchKindChip): NodeKind[] {
  return KINDS[chip];
}
