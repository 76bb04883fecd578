import { ExperimentSection, RunSection, TrainingRequestSection } from '../../pages/runs/KindSections.js';
import type { KindDetailsMap } from './types.js';

/** Details sections of the tracking kinds (components live with the runs and training pages). */
export const KINDS: KindDetailsMap = {
  Run: RunSection,
  Experiment: ExperimentSection,
  TrainingRequest: TrainingRequestSection,
};
