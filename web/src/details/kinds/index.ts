/**
 * Kind → the kind-specific section of the details panel. Three tables, one per area of the product:
 * lineage (Dataset, DatasetVersion, Field, Job, JobVersion, FeatureGroup, Feature), tracking (Run, Experiment,
 * TrainingRequest), registry (Model, ModelVersion, Prompt, PromptVersion, Trace, Evaluation); and Tag.
 */
import { KINDS as LINEAGE } from './lineage.js';
import { KINDS as TRACKING } from './tracking.js';
import { KINDS as REGISTRY } from './registry.js';
import type { KindDetails, KindDetailsMap } from './types.js';
import { TagDetails } from '../tags/TagDetails.js';

const ALL: KindDetailsMap = { ...LINEAGE, ...TRACKING, ...REGISTRY, Tag: TagDetails };

export function kindDetails(kind: string): KindDetails | null {
  return ALL[kind] ?? null;
}
