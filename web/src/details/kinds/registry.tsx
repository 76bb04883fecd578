/** Details-panel sections of the registry kinds: models, prompts, their versions, evaluations and traces. */
import { EvaluationSection, ModelSection, ModelVersionSection } from '../../pages/models/ModelSections.js';
import { PromptSection, PromptVersionSection } from '../../pages/prompts/PromptSections.js';
import { TraceSection } from '../../pages/traces/TraceSection.js';
import type { KindDetailsMap } from './types.js';

export const KINDS: KindDetailsMap = {
  Model: ModelSection,
  ModelVersion: ModelVersionSection,
  Prompt: PromptSection,
  PromptVersion: PromptVersionSection,
  Trace: TraceSection,
  Evaluation: EvaluationSection,
};
